using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Signal intermediate throw and end events: broadcast the signal (its variables are the event's input mappings) in this step, then go on.</summary>
internal sealed class SignalThrowBehavior : IElementBehavior
{
    public static readonly SignalThrowBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node)
    {
        if (context.WaitPoints.SignalName(instance, node) is not { } name)
            return;
        context.Emit(new SignalThrown(node.Id, name, instance.Variables?.DeepClone().AsObject() ?? []));
        context.Completion.Complete(instance);
    }
}
