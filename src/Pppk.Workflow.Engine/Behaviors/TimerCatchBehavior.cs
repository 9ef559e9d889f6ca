using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Intermediate timer catch: schedules its timer (date or duration, literal or FEEL) and completes when it fires.</summary>
internal sealed class TimerCatchBehavior : IElementBehavior
{
    public static readonly TimerCatchBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node) =>
        context.WaitPoints.OpenTimer(instance, node, eventId: null);

    public string? OnTrigger(StepContext context, ElementInstance instance, FlowNode node, WaitPoint wait, Trigger trigger) =>
        trigger is TimerFired
            ? context.Completion.CompleteOnTrigger(instance, wait, variables: null)
            : throw ElementBehaviors.Unexpected(node, wait, trigger);
}
