using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>
/// Compensation, as Camunda 8.5+: an activity with a compensation boundary event is remembered when it completes (a
/// completed subprocess hands its remembered activities to its own scope). A compensation intermediate throw or end
/// event starts the handler of every remembered activity of its scope (or of its <c>activityRef</c> only), most recently
/// completed first, each once per completion, and waits until all of them have completed; then it goes on. A completed
/// embedded subprocess with a compensation event subprocess is compensated by running that instead of its inner handlers.
/// </summary>
internal sealed class CompensationThrowBehavior : IElementBehavior
{
    public static readonly CompensationThrowBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node)
    {
        var state = context.State;
        var scopeKey = instance.ScopeKey!.Value;
        var activityRef = node.Event?.ActivityRef;
        var due = state.Compensable?.Where(r => r.ScopeKey == scopeKey && (activityRef is null || r.ElementId == activityRef))
            .OrderByDescending(r => r.Order).ToList() ?? [];
        if (due.Count == 0)
        {
            context.Completion.Complete(instance);
            return;
        }
        state.Compensable!.RemoveAll(due.Contains);
        if (state.Compensable.Count == 0)
            state.Compensable = null;
        instance.Status = ElementInstanceStatus.Waiting;
        foreach (var record in due)
        {
            var activity = context.Model.Node(record.ElementId);
            if (activity.CompensationStart is { } start) // a completed subprocess with a compensation event subprocess: that runs instead
                context.Transitions.StartEventSubProcess(start.Scope.Owner!, scopeKey, start, null, record.Variables?.DeepClone().AsObject()).CompensationOf = instance.Key;
            else if (HandlerOf(activity) is { } handler)
                context.Transitions.EnqueueActivateNew(handler, scopeKey).CompensationOf = instance.Key;
        }
    }

    /// <summary>An element instance completed: remember it when it can be compensated; a completed handler may release its throw event.</summary>
    public static void Completed(StepContext context, ElementInstance instance, FlowNode node)
    {
        var state = context.State;
        if (instance.Kind == ElementInstanceKind.Process || instance.LoopCounter is not null
            || (state.Compensable is null && instance.CompensationOf == 0 && node.Boundaries.Count == 0 && node.Inner is null))
            return; // inner multi-instance tokens: the body is compensated once, when all of them completed; the rest: nothing to do (the common case, kept cheap)
        var compensationStart = node.CompensationStart;
        if (state.Compensable is { } remembered)
        {
            // a completed subprocess hands what completed inside it to its own scope (unless its compensation event subprocess
            // undoes it as a whole); what belonged to ended scopes is gone
            for (var i = 0; i < remembered.Count; i++)
                if (remembered[i].ScopeKey == instance.Key && compensationStart is null)
                    remembered[i] = remembered[i] with { ScopeKey = instance.ScopeKey!.Value };
            remembered.RemoveAll(r => state.Find(r.ScopeKey) is null);
        }
        if (HandlerOf(node) is not null || compensationStart is not null)
            (state.Compensable ??= []).Add(new CompensableActivity(instance.ScopeKey!.Value, node.Id, state.NewKey(),
                compensationStart is null || instance.Variables is not { Count: > 0 } locals ? null : locals.DeepClone().AsObject()));
        if (state.Compensable is { Count: 0 })
            state.Compensable = null;
        if (instance.CompensationOf is > 0 and var throwKey && !state.Elements.Exists(e => e.CompensationOf == throwKey) && state.Find(throwKey) is { } thrower)
            context.Completion.Complete(thrower);
    }

    private static FlowNode? HandlerOf(FlowNode activity) =>
        activity.Boundaries.FirstOrDefault(b => b.Event?.Kind == EventKind.Compensate)?.CompensationHandler;
}
