using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Receive task and intermediate message catch: opens a subscription (name + correlation key evaluated on entry) and completes with the message's variables.</summary>
internal sealed class MessageCatchBehavior : IElementBehavior
{
    public static readonly MessageCatchBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node) =>
        context.WaitPoints.OpenSubscription(instance, node, eventId: null);

    public string? OnTrigger(StepContext context, ElementInstance instance, FlowNode node, WaitPoint wait, Trigger trigger) =>
        trigger is MessageCorrelated message
            ? context.Completion.CompleteOnTrigger(instance, wait, message.Variables)
            : throw ElementBehaviors.Unexpected(node, wait, trigger);
}
