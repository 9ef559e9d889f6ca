using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Receive task and intermediate message catch: opens a subscription (name + correlation key evaluated on entry) and waits for the message.</summary>
internal sealed class MessageCatchBehavior : IElementBehavior
{
    public void Activate(StepContext context, ElementInstance instance, FlowNode node) =>
        context.OpenSubscription(instance, node, eventId: null);
}
