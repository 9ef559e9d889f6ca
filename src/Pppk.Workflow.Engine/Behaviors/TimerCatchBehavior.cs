using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Intermediate timer catch: schedules its timer (date or duration, literal or FEEL) and waits until it fires.</summary>
internal sealed class TimerCatchBehavior : IElementBehavior
{
    public static readonly TimerCatchBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node) =>
        context.OpenTimer(instance, node, eventId: null);
}
