using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Modification;

/// <summary>
/// Process instance modification as Camunda 8 does it: the elements asked for are activated first (creating the scope
/// instances they need, without their start events), then every active instance of the elements to terminate is
/// terminated with what is inside it (no end listeners run), then each scope those left empty is terminated too, up to,
/// but not including, the process. The step then runs on until every token waits.
/// </summary>
internal static class InstanceModification
{
    /// <summary>Applies <paramref name="modification"/> to the step's state; the problems when it must be refused (then the state is to be thrown away).</summary>
    public static IReadOnlyList<ModificationProblem> Apply(StepContext step, ModifyInstance modification)
    {
        var terminateIds = modification.TerminateElementIds.Distinct(StringComparer.Ordinal).ToList();
        var problems = ModificationRules.Check(step.Model, step.State, modification.Activate, terminateIds);
        if (problems.Count > 0)
            return problems;
        var state = step.State;
        // the instances to terminate are those active before the modification; an element both terminated and activated restarts
        var targets = state.Elements.Where(e => e.ScopeKey is not null && e.LoopCounter is null && terminateIds.Contains(e.ElementId)).ToList();
        var joins = state.Joins.Where(j => terminateIds.Contains(j.GatewayId)).ToList();
        var activated = new List<ActivatedElement>();
        foreach (var activation in modification.Activate)
        {
            var node = step.Model.Node(activation.ElementId);
            if (ScopeFor(step, node, out var problem) is not { } scope)
                return [problem!];
            foreach (var (name, value) in activation.Variables ?? [])
                step.Variables.SetLocal(scope, name, value?.DeepClone());
            if (activation.Variables is { Count: > 0 } variables)
                step.Emit(new VariablesChanged(scope.Key, variables.DeepClone().AsObject()));
            var instance = step.Transitions.EnqueueActivateNew(node, scope.Key);
            activated.Add(new ActivatedElement(node.Id, instance.Key, activation.Variables?.DeepClone().AsObject()));
        }
        foreach (var target in targets.Where(t => state.Find(t.Key) is not null))
            step.Interruptions.Terminate(target);
        state.Joins.RemoveAll(joins.Contains);
        foreach (var scopeKey in targets.Select(t => t.ScopeKey!.Value).Concat(joins.Select(j => j.ScopeKey)).Distinct())
            TerminateIfEmpty(step, scopeKey);
        if (!Occupied(state, state.Root!.Key))
            return [ModificationProblem.Of(ModificationTexts.NothingLeft.Format())];
        step.Emit(new InstanceModified(activated, terminateIds, targets.Count + joins.Count));
        return [];
    }

    /// <summary>A scope left with no token ends as terminated, not completed (Camunda 8), and so may its own scope; the process is never ended here.</summary>
    private static void TerminateIfEmpty(StepContext step, long scopeKey)
    {
        for (var scope = step.State.Find(scopeKey); scope is { ScopeKey: { } outer } && !Occupied(step.State, scope.Key); scope = step.State.Find(outer))
            step.Interruptions.Terminate(scope);
    }

    private static bool Occupied(InstanceState state, long scopeKey) =>
        state.Elements.Exists(e => e.ScopeKey == scopeKey) || state.Joins.Exists(j => j.ScopeKey == scopeKey);

    /// <summary>The scope instance <paramref name="node"/> is activated in: the active one, or new instances of the subprocesses around it (the checks made sure there is at most one).</summary>
    private static ElementInstance? ScopeFor(StepContext step, FlowNode node, out ModificationProblem? problem)
    {
        problem = null;
        var missing = new Stack<FlowNode>();
        ElementInstance? scope = null;
        for (var owner = node.Scope.Owner; owner is not null; owner = owner.Scope.Owner)
        {
            scope = step.State.Elements.Find(e => e.ElementId == owner.Id && e.Kind == ElementInstanceKind.Element);
            if (scope is not null)
                break;
            missing.Push(owner);
        }
        scope ??= step.State.Root!;
        while (missing.TryPop(out var owner))
        {
            var created = step.Transitions.CreateInstance(owner, scope.Key, ElementInstanceKind.Element);
            created.Variables ??= [];
            // as the subprocess's own activation, minus its start event and its start listeners
            if (!step.Variables.ApplyInputs(created, owner) || !step.WaitPoints.OpenBoundaries(created, owner) || !EventSubProcesses.Open(step, created, owner.Inner!))
            {
                var reason = step.Effects.OfType<IncidentRaised>().LastOrDefault()?.Message;
                problem = ModificationProblem.Of(ModificationTexts.ScopeNotCreated.Format(owner.Id, node.Id, (object?)reason ?? ""), node.Id);
                return null;
            }
            scope = created;
        }
        return scope;
    }
}
