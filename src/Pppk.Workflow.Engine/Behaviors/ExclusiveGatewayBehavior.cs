using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Expressions;
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
        if (node.Outgoing.Count == 1 && node.Outgoing[0].Condition is null)
        {
            context.Completion.Complete(instance, flows: node.Outgoing);
            return;
        }
        var scope = context.Variables.Lookup(instance);
        foreach (var flow in node.Outgoing)
        {
            if (flow.Id == node.DefaultFlowId || flow.Condition is null)
                continue;
            var taken = false;
            if (!context.Variables.Try(instance, IncidentTexts.ConditionOfFlow(flow.Id), () => taken = context.Expressions.IsTrue(flow.Condition, scope)))
                return;
            if (taken)
            {
                context.Completion.Complete(instance, flows: [flow]);
                return;
            }
        }
        if (node.Outgoing.FirstOrDefault(f => f.Id == node.DefaultFlowId) is { } fallback)
        {
            context.Completion.Complete(instance, flows: [fallback]);
            return;
        }
        context.Incidents.Raise(instance, IncidentTexts.NoConditionTrue.Format(node.Id));
    }
}
