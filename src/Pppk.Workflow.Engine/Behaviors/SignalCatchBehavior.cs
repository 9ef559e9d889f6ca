using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Intermediate signal catch: opens a signal subscription (name evaluated on entry) and completes with the signal's variables.</summary>
internal sealed class SignalCatchBehavior : IElementBehavior
{
    public static readonly SignalCatchBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node) =>
        context.WaitPoints.OpenSignal(instance, node, eventId: null);

    public string? OnTrigger(StepContext context, ElementInstance instance, FlowNode node, WaitPoint wait, Trigger trigger) =>
        trigger is SignalReceived signal
            ? context.Completion.CompleteOnTrigger(instance, wait, signal.Variables)
            : throw ElementBehaviors.Unexpected(node, wait, trigger);
}
