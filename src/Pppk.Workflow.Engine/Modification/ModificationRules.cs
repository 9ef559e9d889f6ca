using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Modification;

/// <summary>What a modification may ask, checked before anything changes; every problem is listed.</summary>
internal static class ModificationRules
{
    public static List<ModificationProblem> Check(ProcessModel model, InstanceState state, IReadOnlyList<ElementActivation> activate, IReadOnlyList<string> terminateIds)
    {
        var problems = new List<ModificationProblem>();
        if (activate.Count == 0 && terminateIds.Count == 0)
            problems.Add(ModificationProblem.Of(ModificationTexts.Empty.Format()));
        foreach (var id in terminateIds)
            if (Known(model, id, problems) is { } node)
                CheckTerminate(state, node, problems);
        foreach (var activation in activate)
            if (Known(model, activation.ElementId, problems) is { } node)
                CheckActivate(state, node, terminateIds, problems);
        return problems;
    }

    private static FlowNode? Known(ProcessModel model, string? id, List<ModificationProblem> problems)
    {
        if (id is not null && model.Process.AllNodes.TryGetValue(id, out var node))
            return node;
        problems.Add(ModificationProblem.Of((id == model.Id ? ModificationTexts.ProcessItself : ModificationTexts.UnknownElement).Format(id ?? ""), id));
        return null;
    }

    private static void CheckTerminate(InstanceState state, FlowNode node, List<ModificationProblem> problems)
    {
        if (MultiInstanceAround(node) is { } body)
            problems.Add(ModificationProblem.Of(ModificationTexts.InsideMultiInstance.Format(node.Id, body.Id), node.Id));
        else if (!state.Elements.Exists(e => e.ScopeKey is not null && e.ElementId == node.Id) && !state.Joins.Exists(j => j.GatewayId == node.Id))
            problems.Add(ModificationProblem.Of(ModificationTexts.NotActive.Format(node.Id), node.Id));
    }

    private static void CheckActivate(InstanceState state, FlowNode node, IReadOnlyList<string> terminateIds, List<ModificationProblem> problems)
    {
        if (NotActivatable(node) is { } text)
        {
            problems.Add(ModificationProblem.Of(text, node.Id));
            return;
        }
        if (MultiInstanceAround(node) is { } body)
        {
            problems.Add(ModificationProblem.Of(ModificationTexts.InsideMultiInstance.Format(node.Id, body.Id), node.Id));
            return;
        }
        var foundScope = false;
        for (var owner = node.Scope.Owner; owner is not null; owner = owner.Scope.Owner)
        {
            if (terminateIds.Contains(owner.Id))
            {
                problems.Add(ModificationProblem.Of(ModificationTexts.ScopeTerminated.Format(node.Id, owner.Id), node.Id));
                return;
            }
            var live = state.Elements.Count(e => e.ElementId == owner.Id && e.Kind == ElementInstanceKind.Element);
            if (!foundScope && live > 1)
            {
                problems.Add(ModificationProblem.Of(ModificationTexts.AmbiguousScope.Format(node.Id, owner.Id, live), node.Id));
                return;
            }
            foundScope |= live == 1;
        }
    }

    private static Localization.LocalizedText? NotActivatable(FlowNode node) => node switch
    {
        { ElementType: ElementType.StartEvent } => ModificationTexts.StartEvent.Format(node.Id),
        { ElementType: ElementType.BoundaryEvent } => ModificationTexts.BoundaryEvent.Format(node.Id),
        { TriggeredByEvent: true } => ModificationTexts.EventSubProcess.Format(node.Id),
        { IsForCompensation: true } => ModificationTexts.CompensationHandler.Format(node.Id),
        _ when node.Incoming.FirstOrDefault(f => f.From?.ElementType == ElementType.EventBasedGateway)?.From is { } gateway =>
            ModificationTexts.EventGatewayTarget.Format(node.Id, gateway.Id),
        _ => null,
    };

    /// <summary>The innermost multi-instance activity whose body holds <paramref name="node"/>; null when none does.</summary>
    private static FlowNode? MultiInstanceAround(FlowNode node)
    {
        for (var owner = node.Scope.Owner; owner is not null; owner = owner.Scope.Owner)
            if (owner.MultiInstance is not null)
                return owner;
        return null;
    }
}
