using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Migration;

/// <summary>
/// Applies a checked plan in a step on the target model, as Camunda 8.8 migrates: element instances, tasks, jobs,
/// incidents, joins and called instances keep their keys under the target's ids; timers are re-armed as the target
/// defines them; boundary events and event subprocess starts that only the source has are closed, new ones opened;
/// a message subscription is kept unless the target gives it another name or correlation key.
/// </summary>
internal static class MigrationStep
{
    public static void Apply(StepContext step, MigrationMap map, MigrationPlan plan)
    {
        var state = step.State;
        var sourceIds = state.Elements.ToDictionary(e => e.Key, e => e.ElementId);
        foreach (var instance in state.Elements.Where(e => e.Kind != ElementInstanceKind.Process))
        {
            var node = map.Target(instance.ElementId)!;
            instance.ElementId = node.Id;
            step.Emit(new ElementMigrated(instance.Key, node.Id, StepTransitions.TypeOf(instance, node), node.Name));
        }
        foreach (var wait in state.WaitPoints.ToList())
            Carry(step, map, wait);
        foreach (var instance in state.Elements.ToList())
            OpenNew(step, map, instance, sourceIds[instance.Key]);
        for (var i = 0; i < state.Joins.Count; i++)
            state.Joins[i] = state.Joins[i] with { GatewayId = map.Target(state.Joins[i].GatewayId)!.Id };
        for (var i = 0; i < state.Incidents.Count; i++)
        {
            var incident = state.Incidents[i];
            var elementId = state.Find(incident.ElementInstanceKey)?.ElementId ?? map.Target(incident.ElementId)?.Id ?? incident.ElementId;
            if (elementId == incident.ElementId) continue;
            state.Incidents[i] = incident with { ElementId = elementId };
            step.Emit(new IncidentMigrated(incident.Id, elementId));
        }
        if (state.Compensable is { } compensable)
            for (var i = 0; i < compensable.Count; i++)
                compensable[i] = compensable[i] with { ElementId = map.Target(compensable[i].ElementId)!.Id };
        step.Emit(new InstanceMigrated(plan.Mappings));
    }

    /// <summary>One wait point: kept under the target's ids, re-armed (timers, changed subscriptions), or closed (a catch event the target lacks).</summary>
    private static void Carry(StepContext step, MigrationMap map, WaitPoint wait)
    {
        var owner = step.State.Find(wait.ElementInstanceKey)!;
        var ownerNode = owner.Kind == ElementInstanceKind.Process ? null : step.Model.Node(owner.ElementId);
        if (wait.Listener is not null)
        {
            Replace(step, wait, wait with { ElementId = owner.ElementId });
            step.Emit(new WaitPointMigrated(wait.Id, wait.Kind, owner.ElementId));
            return;
        }
        if (wait.EventId is null)
        {
            KeepOrRearm(step, owner, wait, ownerNode!, eventId: null);
            return;
        }
        var source = map.Source(wait.EventId);
        var next = map.Target(wait.EventId);
        var fits = next is not null && next.Event?.Kind == source?.Event?.Kind && (ownerNode?.ElementType == ElementType.EventBasedGateway
            || (next.IsEventSubProcessStart && InnerScope(step, owner)?.EventSubProcessStarts.Contains(next) == true)
            || (next.ElementType == ElementType.BoundaryEvent && ownerNode?.Boundaries.Contains(next) == true && owner.LoopCounter is null));
        if (!fits)
        {
            step.WaitPoints.CloseAll(owner.Key, w => w.Id == wait.Id); // the target has no such catch event here: its subscription ends
            return;
        }
        KeepOrRearm(step, owner, wait, next!, next!.Id);
    }

    private static void KeepOrRearm(StepContext step, ElementInstance owner, WaitPoint wait, FlowNode node, string? eventId)
    {
        switch (wait.Kind)
        {
            case WaitKind.UserTask:
                Replace(step, wait, wait with { ElementId = node.Id });
                step.Emit(UserTask(step, owner, node, wait.Id));
                break;
            case WaitKind.Job:
                var type = Evaluate(step, owner, node.TaskDefinition?.Type) ?? wait.JobType ?? "";
                Replace(step, wait, wait with { ElementId = node.Id, JobType = type });
                step.Emit(new JobMigrated(wait.Id, node.Id, type, node.Headers));
                break;
            case WaitKind.Timer:
                step.WaitPoints.CloseAll(owner.Key, w => w.Id == wait.Id);
                step.WaitPoints.OpenTimer(owner, node, eventId);
                break;
            case WaitKind.Message when SameSubscription(step, owner, node, wait):
            case WaitKind.Signal when SameSubscription(step, owner, node, wait):
            case WaitKind.Condition or WaitKind.ChildInstance:
                Replace(step, wait, wait with { ElementId = node.Id, EventId = eventId });
                step.Emit(new WaitPointMigrated(wait.Id, wait.Kind, node.Id));
                break;
            case WaitKind.Message:
                step.WaitPoints.CloseAll(owner.Key, w => w.Id == wait.Id);
                step.WaitPoints.OpenSubscription(owner, node, eventId);
                break;
            case WaitKind.Signal:
                step.WaitPoints.CloseAll(owner.Key, w => w.Id == wait.Id);
                step.WaitPoints.OpenSignal(owner, node, eventId);
                break;
        }
    }

    /// <summary>Whether the target's message (name, correlation key) or signal name, evaluated now, is the one the wait has.</summary>
    private static bool SameSubscription(StepContext step, ElementInstance owner, FlowNode node, WaitPoint wait)
    {
        if (wait.Kind == WaitKind.Signal)
            return Evaluate(step, owner, node.Event?.Signal?.Name) is { } signal && signal == wait.SignalName;
        var message = step.Model.MessageOf(node);
        return Evaluate(step, owner, message?.Name) is { } name && name == wait.MessageName
            && Evaluate(step, owner, message?.CorrelationKey) == wait.CorrelationKey;
    }

    private static UserTaskMigrated UserTask(StepContext step, ElementInstance owner, FlowNode node, long waitId)
    {
        var settings = node.UserTask;
        var priority = TaskPriority.Default;
        try { priority = step.Expressions.EvaluatePriority(settings?.Priority, step.Variables.Lookup(owner)); }
        catch (ExpressionException) { } // the default, as a task the target could not prioritise
        return new UserTaskMigrated(waitId, node.Id, node.Name, Evaluate(step, owner, settings?.FormId), settings?.FormKey, settings?.FormBinding, priority);
    }

    /// <summary>An expression of the target in the owner's scope; null when it is absent or fails (the caller keeps what it had).</summary>
    private static string? Evaluate(StepContext step, ElementInstance owner, string? raw)
    {
        try { return step.Expressions.EvaluateString(raw, step.Variables.Lookup(owner)); }
        catch (ExpressionException) { return null; }
    }

    private static void Replace(StepContext step, WaitPoint old, WaitPoint next) =>
        step.State.WaitPoints[step.State.WaitPoints.IndexOf(old)] = next;

    /// <summary>
    /// Opens the boundary events and event subprocess starts only the target has. One the source had too is not opened
    /// again: its wait was carried, or it is spent (a non-interrupting timer that fired once must not fire twice).
    /// </summary>
    private static void OpenNew(StepContext step, MigrationMap map, ElementInstance instance, string sourceId)
    {
        var state = step.State;
        // An element still activating (start listeners, an incident) opens its boundaries itself when it goes on.
        if (state.Incidents.Exists(i => i.ElementInstanceKey == instance.Key)
            || state.WaitPoints.Exists(w => w.ElementInstanceKey == instance.Key && w.Listener == ListenerPhase.Start))
            return;
        var source = instance.Kind == ElementInstanceKind.Process ? null : map.SourceModel.Node(sourceId);
        bool IsNew(FlowNode catchEvent, IEnumerable<FlowNode> sourceEvents) =>
            !sourceEvents.Any(e => map.Target(e.Id)?.Id == catchEvent.Id && e.Event?.Kind == catchEvent.Event?.Kind)
            && !state.WaitPoints.Exists(w => w.ElementInstanceKey == instance.Key && w.EventId == catchEvent.Id);
        if (source is not null && instance.LoopCounter is null)
            foreach (var boundary in step.Model.Node(instance.ElementId).Boundaries.Where(b => IsNew(b, source.Boundaries)))
                step.WaitPoints.OpenCatch(instance, boundary);
        if (InnerScope(step, instance) is not { } inner || HasInterruptingEventSubProcess(step, instance))
            return;
        var sourceStarts = source is null ? map.SourceModel.Process.EventSubProcessStarts : source.Inner?.EventSubProcessStarts ?? [];
        foreach (var start in inner.EventSubProcessStarts.Where(s => IsNew(s, sourceStarts)))
            step.WaitPoints.OpenCatch(instance, start);
    }

    private static FlowScope? InnerScope(StepContext step, ElementInstance instance) =>
        instance.Kind == ElementInstanceKind.MultiInstanceBody ? null : EventSubProcesses.InnerScope(step, instance);

    /// <summary>An interrupting event subprocess running in the scope closed its starts: none opens again.</summary>
    private static bool HasInterruptingEventSubProcess(StepContext step, ElementInstance scope) =>
        step.State.Elements.Exists(e => e.ScopeKey == scope.Key && e.Kind == ElementInstanceKind.Element
            && step.Model.Node(e.ElementId) is { TriggeredByEvent: true } esp && esp.Inner?.StartEvents.FirstOrDefault()?.IsInterrupting == true);
}
