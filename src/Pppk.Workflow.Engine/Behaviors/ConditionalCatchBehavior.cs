using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Intermediate conditional catch: waits until its condition is true (at once when it already is on entry), then goes on.</summary>
internal sealed class ConditionalCatchBehavior : IElementBehavior
{
    public static readonly ConditionalCatchBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node) =>
        context.WaitPoints.OpenCondition(instance, node, eventId: null);

    public string? OnTrigger(StepContext context, ElementInstance instance, FlowNode node, WaitPoint wait, Trigger trigger) =>
        trigger is ConditionSatisfied
            ? context.Completion.CompleteOnTrigger(instance, wait, variables: null)
            : throw ElementBehaviors.Unexpected(node, wait, trigger);
}
