using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Parallel join: a token waits at the gateway until every incoming flow has brought one; then one from each is consumed and the gateway fires. The fork is the generic "take every outgoing flow".</summary>
internal sealed class ParallelGatewayBehavior : IElementBehavior
{
    public static readonly ParallelGatewayBehavior Instance = new();

    public void Arrive(StepContext context, FlowNode gateway, SequenceFlow flow, long scopeKey)
    {
        if (gateway.Incoming.Count <= 1)
        {
            context.Transitions.Enter(gateway, scopeKey);
            return;
        }
        var joins = context.State.Joins;
        joins.Add(new JoinToken(scopeKey, gateway.Id, flow.Id));
        foreach (var incoming in gateway.Incoming)
            if (!joins.Exists(j => j.ScopeKey == scopeKey && j.GatewayId == gateway.Id && j.FlowId == incoming.Id))
                return;
        foreach (var incoming in gateway.Incoming)
            joins.Remove(joins.First(j => j.ScopeKey == scopeKey && j.GatewayId == gateway.Id && j.FlowId == incoming.Id));
        context.Transitions.EnqueueActivate(gateway, scopeKey);
    }

    public void Activate(StepContext context, ElementInstance instance, FlowNode node) => context.Completion.Complete(instance);
}
