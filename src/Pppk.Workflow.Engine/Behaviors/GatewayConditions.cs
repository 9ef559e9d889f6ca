using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>The outgoing flows an exclusive or inclusive gateway takes by its conditions, in document order, else its default flow.</summary>
internal static class GatewayConditions
{
    /// <summary>
    /// The flows to take: every flow whose condition is true (only the first when <paramref name="firstOnly"/>), else the
    /// default flow. Null when a condition failed (an incident is raised) or nothing can be taken (incident <c>no-condition-true</c>).
    /// </summary>
    public static IReadOnlyList<SequenceFlow>? Select(StepContext context, ElementInstance instance, FlowNode node, bool firstOnly)
    {
        if (node.Outgoing.Count == 1 && node.Outgoing[0].Condition is null)
            return node.Outgoing;
        var scope = context.Variables.Lookup(instance);
        List<SequenceFlow>? taken = null;
        foreach (var flow in node.Outgoing)
        {
            if (flow.Id == node.DefaultFlowId || flow.Condition is null)
                continue;
            var isTrue = false;
            if (!context.Variables.Try(instance, IncidentTexts.ConditionOfFlow(flow.Id), () => isTrue = context.Expressions.IsTrue(flow.Condition, scope)))
                return null;
            if (!isTrue)
                continue;
            if (firstOnly)
                return [flow];
            (taken ??= []).Add(flow);
        }
        if (taken is not null)
            return taken;
        if (node.Outgoing.Find(f => f.Id == node.DefaultFlowId) is { } fallback)
            return [fallback];
        context.Incidents.Raise(instance, IncidentTexts.NoConditionTrue.Format(node.Id));
        return null;
    }
}
