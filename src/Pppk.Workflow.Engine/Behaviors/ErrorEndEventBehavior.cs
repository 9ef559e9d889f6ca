using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Throws its error code; the nearest enclosing matching boundary error event catches it.</summary>
internal sealed class ErrorEndEventBehavior : IElementBehavior
{
    public static readonly ErrorEndEventBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node)
    {
        var error = node.Event?.Error;
        context.Interruptions.ThrowError(instance, error?.ErrorCode ?? error?.Id ?? "", error?.Name);
    }
}
