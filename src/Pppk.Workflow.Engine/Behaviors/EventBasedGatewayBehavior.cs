using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Opens the timers and subscriptions of the catch events after it; the first to happen wins and the others are withdrawn (<see cref="OnTrigger"/>).</summary>
internal sealed class EventBasedGatewayBehavior : IElementBehavior
{
    public static readonly EventBasedGatewayBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node)
    {
        foreach (var flow in node.Outgoing)
        {
            if (flow.To is not { } target)
                continue;
            var ok = target.Event?.Kind switch
            {
                EventKind.Timer => context.WaitPoints.OpenTimer(instance, target, eventId: target.Id),
                EventKind.Signal => context.WaitPoints.OpenSignal(instance, target, eventId: target.Id),
                _ => context.WaitPoints.OpenSubscription(instance, target, eventId: target.Id),
            };
            if (!ok)
            {
                context.WaitPoints.CloseAll(instance.Key);
                return;
            }
        }
        instance.Status = ElementInstanceStatus.Waiting;
    }

    /// <summary>One of the catch events after the gateway happened: the others are withdrawn and that event is entered already triggered.</summary>
    public string? OnTrigger(StepContext context, ElementInstance gateway, FlowNode node, WaitPoint wait, Trigger trigger)
    {
        var target = context.Model.Node(wait.EventId!);
        var variables = StepWaitPoints.EventVariables(trigger);
        context.WaitPoints.Consume(wait);
        var scopeKey = gateway.ScopeKey!.Value;
        context.WaitPoints.CloseAll(gateway.Key);
        context.Completion.Remove(gateway, terminated: false);
        context.Transitions.EnqueueActivate(target, scopeKey, triggered: true, eventVariables: variables);
        return null;
    }
}
