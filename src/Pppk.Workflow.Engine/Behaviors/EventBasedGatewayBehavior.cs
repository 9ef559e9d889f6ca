using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Opens the timers and subscriptions of the catch events after it; the first to happen wins and the others are withdrawn (see WorkflowEngine wait-point dispatch).</summary>
internal sealed class EventBasedGatewayBehavior : IElementBehavior
{
    public static readonly EventBasedGatewayBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node)
    {
        foreach (var flow in node.Outgoing)
        {
            if (flow.To is not { } target)
                continue;
            var ok = target.Event?.Kind == EventKind.Timer
                ? context.OpenTimer(instance, target, eventId: target.Id)
                : context.OpenSubscription(instance, target, eventId: target.Id);
            if (!ok)
            {
                context.CloseWaitPoints(instance.Key);
                return;
            }
        }
        instance.Status = ElementInstanceStatus.Waiting;
    }
}
