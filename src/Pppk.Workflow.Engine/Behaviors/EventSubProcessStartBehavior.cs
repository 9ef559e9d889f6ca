using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>
/// The start event of an event subprocess. Its timer, message or signal wait belongs to the enclosing scope instance;
/// when it fires the event subprocess starts (<see cref="EventSubProcesses.Trigger"/>). Entered only once triggered, so
/// it completes at once.
/// </summary>
internal sealed class EventSubProcessStartBehavior : IElementBehavior
{
    public static readonly EventSubProcessStartBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node) => context.Completion.Complete(instance);

    /// <summary><paramref name="scope"/> is the process or subprocess instance that owns the wait point, <paramref name="start"/> the event that fired.</summary>
    public string? OnTrigger(StepContext context, ElementInstance scope, FlowNode start, WaitPoint wait, Trigger trigger)
    {
        BoundaryEventBehavior.KeepOrConsume(context, wait, start.IsInterrupting);
        EventSubProcesses.Trigger(context, scope, start, StepWaitPoints.EventVariables(trigger));
        return null;
    }
}
