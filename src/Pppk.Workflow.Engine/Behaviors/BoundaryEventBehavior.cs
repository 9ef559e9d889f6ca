using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>
/// Timer, message and signal boundary events. Their wait points belong to the activity they are attached to (opened with it);
/// when one fires, an interrupting event terminates the activity, a non-interrupting one leaves it running (a cycle
/// timer rescheduled, a subscription kept open), and the boundary event is entered already triggered.
/// </summary>
internal sealed class BoundaryEventBehavior : IElementBehavior
{
    public static readonly BoundaryEventBehavior Instance = new();

    /// <summary>Entered only once triggered, so it completes at once.</summary>
    public void Activate(StepContext context, ElementInstance instance, FlowNode node) => context.Completion.Complete(instance);

    /// <summary><paramref name="host"/> is the activity instance that owns the wait point, <paramref name="boundary"/> the event that fired.</summary>
    public string? OnTrigger(StepContext context, ElementInstance host, FlowNode boundary, WaitPoint wait, Trigger trigger)
    {
        var scopeKey = host.ScopeKey!.Value;
        KeepOrConsume(context, wait, boundary.CancelActivity);
        if (boundary.CancelActivity)
            context.Interruptions.Terminate(host);
        context.Transitions.EnqueueActivate(boundary, scopeKey, triggered: true, eventVariables: StepWaitPoints.EventVariables(trigger));
        return null;
    }

    /// <summary>
    /// The wait of a catch event that fired (a boundary event or an event subprocess start): an interrupting one is
    /// consumed; a non-interrupting one stays while its owner lives (a cycle timer rescheduled, a subscription kept open).
    /// </summary>
    public static void KeepOrConsume(StepContext context, WaitPoint wait, bool interrupting)
    {
        if (interrupting)
            context.WaitPoints.Consume(wait);
        else if (wait.Kind == WaitKind.Timer && NextOccurrence(context, wait) is { } next)
        {
            // a repeating reminder: same wait id, next due time, while the activity lives
            wait.Fired++;
            wait.DueAt = next;
            context.Emit(new TimerScheduled(wait.Id, wait.ElementId, next));
        }
        else if (wait.Kind is WaitKind.Message or WaitKind.Signal or WaitKind.Condition)
        {
            // stays open: a non-interrupting subscription catches every message, signal or new truth of its condition while the activity lives
        }
        else
            context.WaitPoints.Consume(wait);
    }

    private static DateTimeOffset? NextOccurrence(StepContext context, WaitPoint wait)
    {
        wait.Fired++;
        var next = context.WaitPoints.NextOccurrence(wait);
        wait.Fired--;
        return next;
    }
}
