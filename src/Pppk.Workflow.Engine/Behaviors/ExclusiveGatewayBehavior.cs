using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Takes the first outgoing flow (document order) whose condition is true, else the default flow; neither is an incident.</summary>
internal sealed class ExclusiveGatewayBehavior : IElementBehavior
{
    public static readonly ExclusiveGatewayBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node)
    {
        if (node.Outgoing.Count == 0)
        {
            context.Completion.Complete(instance);
            return;
        }
        if (GatewayConditions.Select(context, instance, node, firstOnly: true) is { } flows)
            context.Completion.Complete(instance, flows: flows);
    }
}
