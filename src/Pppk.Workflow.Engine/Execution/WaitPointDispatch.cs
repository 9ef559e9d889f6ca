using Pppk.Workflow.Engine.Behaviors;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>
/// Routes a trigger to the behaviour of the element it reaches: the wait point it names must still exist and be of the
/// trigger's kind; a boundary event's wait (owned by its activity) reaches the boundary event, every other wait the
/// element that opened it (an event-based gateway for its targets' waits).
/// </summary>
internal static class WaitPointDispatch
{
    public static string? Handle(StepContext context, Trigger trigger)
    {
        var (waitId, kind) = trigger switch
        {
            UserTaskCompleted t => (t.WaitId, WaitKind.UserTask),
            TaskAssigned t => (t.WaitId, WaitKind.UserTask),
            TimerFired t => (t.WaitId, WaitKind.Timer),
            MessageCorrelated t => (t.WaitId, WaitKind.Message),
            SignalReceived t => (t.WaitId, WaitKind.Signal),
            ConditionSatisfied t => (t.WaitId, WaitKind.Condition),
            JobCompleted t => (t.WaitId, WaitKind.Job),
            JobFailed t => (t.WaitId, WaitKind.Job),
            JobThrewError t => (t.WaitId, WaitKind.Job),
            ChildCompleted t => (t.WaitId, WaitKind.ChildInstance),
            ChildFailed t => (t.WaitId, WaitKind.ChildInstance),
            ChildEscalated t => (t.WaitId, WaitKind.ChildInstance),
            ChildStartFailed t => (t.WaitId, WaitKind.ChildInstance),
            _ => throw new ArgumentException($"Unknown trigger {trigger.GetType().Name}.", nameof(trigger)),
        };
        var state = context.State;
        var wait = state.WaitPoints.Find(w => w.Id == waitId);
        if (wait is null)
            return $"Wait point {waitId} no longer exists (its element was completed or withdrawn); the {trigger.GetType().Name} is ignored.";
        if (wait.Kind != kind)
            return $"Wait point {waitId} is a {wait.Kind}, not a {kind}; the {trigger.GetType().Name} is ignored.";
        if (state.Find(wait.ElementInstanceKey) is not { } owner)
            return $"Wait point {waitId} has no live element; ignored.";

        if (wait.Listener is not null)
            return ListenerChain.OnTrigger(context, owner, context.Model.NodeOf(owner), wait, trigger);
        var reached = ReachedElement(context, owner, wait);
        return ElementBehaviors.For(reached).OnTrigger(context, owner, reached, wait, trigger);
    }

    private static FlowNode ReachedElement(StepContext context, ElementInstance owner, WaitPoint wait)
    {
        var ownerNode = owner.Kind == ElementInstanceKind.Process ? null : context.Model.Node(owner.ElementId);
        if (wait.EventId is { } eventId && ownerNode?.ElementType != ElementType.EventBasedGateway)
            return context.Model.Node(eventId);
        return ownerNode ?? throw new InvalidOperationException($"Wait point {wait.Id} belongs to the process instance itself.");
    }
}
