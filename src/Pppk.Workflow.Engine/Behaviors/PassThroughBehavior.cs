using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>
/// Elements that complete as soon as they are entered: none start and end events, none intermediate throw events
/// (milestones), and undefined or manual tasks, which Camunda 8 also runs as pass-through.
/// </summary>
internal sealed class PassThroughBehavior : IElementBehavior
{
    public static readonly PassThroughBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node) => context.Completion.Complete(instance);
}
