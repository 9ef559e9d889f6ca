using Pppk.Workflow.Engine.Behaviors;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Migration;

/// <summary>
/// Checks a migration plan against an instance before anything changes, as Camunda 8 does: every active element must
/// map (same id implicitly) to an element of the same type in the matching scope; every problem is listed, not the first.
/// </summary>
public static class MigrationPlanner
{
    public static MigrationPlan Check(ProcessModel source, ProcessModel target, InstanceState state, IReadOnlyList<ElementMapping> mappings)
    {
        var problems = new List<PlanProblem>();
        void Add(Localization.TextTemplate text, string elementId, params object?[] args)
        {
            if (!problems.Exists(p => p.Code == text.Code && p.ElementId == elementId))
                problems.Add(new PlanProblem(text.Code, elementId, text.Format([elementId, .. args])));
        }
        if (source.Id != target.Id || state.ProcessId != source.Id)
            Add(MigrationTexts.OtherProcess, state.ProcessId, target.Id);
        var map = new MigrationMap(source, target, mappings);
        foreach (var (sourceId, count) in map.Duplicates)
            Add(MigrationTexts.DuplicateMapping, sourceId, count);
        foreach (var m in mappings)
        {
            if (!source.Process.AllNodes.ContainsKey(m.SourceElementId))
                Add(MigrationTexts.SourceUnknown, m.SourceElementId);
            else if (!target.Process.AllNodes.ContainsKey(m.TargetElementId))
                Add(MigrationTexts.TargetMissing, m.SourceElementId, m.TargetElementId);
            else
                CheckCatchEventMapping(map, source.Node(m.SourceElementId), target.Node(m.TargetElementId), Add);
        }
        var effective = new List<ElementMapping>();
        foreach (var instance in state.Elements.Where(e => e.Kind != ElementInstanceKind.Process))
        {
            if (!source.Process.AllNodes.TryGetValue(instance.ElementId, out var from))
                continue; // not possible for a state of this model; the process id check names the real problem
            if (map.Target(instance.ElementId) is not { } to)
            {
                if (!map.IsExplicit(instance.ElementId)) Add(MigrationTexts.Unmapped, instance.ElementId);
                continue;
            }
            if (!effective.Exists(e => e.SourceElementId == from.Id))
                effective.Add(new ElementMapping(from.Id, to.Id));
            CheckElement(state, map, instance, from, to, Add);
        }
        foreach (var join in state.Joins)
            if (map.Target(join.GatewayId) is not { } gateway || !gateway.IsGateway || gateway.Incoming.All(f => f.Id != join.FlowId))
                Add(MigrationTexts.JoinLost, join.GatewayId, join.FlowId);
        foreach (var done in state.Compensable ?? [])
            if (map.Target(done.ElementId) is null)
                Add(MigrationTexts.CompensationLost, done.ElementId);
        return new MigrationPlan(problems, effective);
    }

    private static void CheckElement(InstanceState state, MigrationMap map, ElementInstance instance, FlowNode from, FlowNode to,
        Action<Localization.TextTemplate, string, object?[]> add)
    {
        if (from.Type != to.Type)
        {
            add(MigrationTexts.TypeDiffers, from.Id, [from.Type, to.Id, to.Type]);
            return;
        }
        if (from.Event?.Kind != to.Event?.Kind && from.ElementType != ElementType.SubProcess)
            add(MigrationTexts.EventDiffers, from.Id, [Kind(from), to.Id, Kind(to)]);
        if ((from.MultiInstance is null) != (to.MultiInstance is null))
            add(MigrationTexts.MultiInstance, from.Id, [to.Id]);
        if (from.TriggeredByEvent != to.TriggeredByEvent || (from.TriggeredByEvent && !SameStart(from, to)))
            add(MigrationTexts.EventSubProcessDiffers, from.Id, [to.Id, Kind(StartOf(from))]);
        CheckScope(state, map, instance, from, to, add);
        foreach (var wait in state.WaitPoints.Where(w => w.ElementInstanceKey == instance.Key))
        {
            if (wait.Listener is { } phase && ListenerChain.Of(to, phase).Count <= wait.ListenerIndex)
                add(MigrationTexts.ListenerNotKept, from.Id, [phase.ToString().ToLowerInvariant(), to.Id]);
            else if (wait.Listener is null && wait.Kind == WaitKind.Job && to.TaskDefinition?.Type is null)
                add(MigrationTexts.WaitNotKept, from.Id, [to.Id]);
            else if (wait.EventId is { } eventId && from.ElementType == ElementType.EventBasedGateway
                     && (map.Target(eventId) is not { } next || next.Event?.Kind != map.Source(eventId)?.Event?.Kind || to.Outgoing.All(f => f.TargetRef != next.Id)))
                add(MigrationTexts.GatewayEventMissing, from.Id, [eventId, to.Id]);
        }
    }

    /// <summary>The target must sit where the instance's scope goes: an inner multi-instance in its own body's target, anything else directly in its scope's target.</summary>
    private static void CheckScope(InstanceState state, MigrationMap map, ElementInstance instance, FlowNode from, FlowNode to,
        Action<Localization.TextTemplate, string, object?[]> add)
    {
        if (state.Find(instance.ScopeKey ?? 0) is not { } scope)
            return;
        if (scope.Kind == ElementInstanceKind.MultiInstanceBody)
        {
            if (map.Target(scope.ElementId) is { } body && body.Id != to.Id)
                add(MigrationTexts.ScopeDiffers, from.Id, [to.Id, to.Id, body.Id]);
            return;
        }
        var expected = scope.Kind == ElementInstanceKind.Process ? map.TargetModel.Id : map.Target(scope.ElementId)?.Id;
        var actual = to.Scope.Owner?.Id ?? map.TargetModel.Id;
        if (expected is not null && expected != actual)
            add(MigrationTexts.ScopeDiffers, from.Id, [to.Id, actual, expected]);
    }

    /// <summary>A mapped boundary event or event subprocess start must map to the same kind of catch event where its host goes.</summary>
    private static void CheckCatchEventMapping(MigrationMap map, FlowNode from, FlowNode to, Action<Localization.TextTemplate, string, object?[]> add)
    {
        if (from.ElementType == ElementType.BoundaryEvent)
        {
            if (to.ElementType != ElementType.BoundaryEvent || to.Event?.Kind != from.Event?.Kind
                || (from.AttachedToRef is { } host && map.Target(host)?.Id != to.AttachedToRef))
                add(MigrationTexts.CatchEventDiffers, from.Id, [to.Id]);
        }
        else if (from.IsEventSubProcessStart && (!to.IsEventSubProcessStart || to.Event?.Kind != from.Event?.Kind))
            add(MigrationTexts.CatchEventDiffers, from.Id, [to.Id]);
    }

    private static FlowNode? StartOf(FlowNode eventSubProcess) => eventSubProcess.Inner?.StartEvents.FirstOrDefault();

    private static bool SameStart(FlowNode from, FlowNode to) =>
        StartOf(from) is { } a && StartOf(to) is { } b && a.Event?.Kind == b.Event?.Kind && a.IsInterrupting == b.IsInterrupting;

    private static string Kind(FlowNode? node) => node?.Event?.Kind.ToString().ToLowerInvariant() ?? "none";
}
