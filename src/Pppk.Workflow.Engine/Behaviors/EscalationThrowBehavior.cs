using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Escalation intermediate throw and end events: throw the escalation code, then go on unless an interrupting catch ended this token.</summary>
internal sealed class EscalationThrowBehavior : IElementBehavior
{
    public static readonly EscalationThrowBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node)
    {
        var escalation = node.Event?.Escalation;
        EscalationThrow.Throw(context, instance, escalation?.EscalationCode ?? escalation?.Id ?? "");
        if (context.State.Find(instance.Key) is not null)
            context.Completion.Complete(instance);
    }
}
