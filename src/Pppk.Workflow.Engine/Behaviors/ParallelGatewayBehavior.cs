using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>Parallel join: a token waits at the gateway until every incoming flow has brought one; then one from each is consumed and the gateway fires (the fork is the generic "take every outgoing flow").</summary>
internal static class ParallelGatewayBehavior
{
    public static void Arrive(StepContext context, FlowNode gateway, SequenceFlow flow, long scopeKey)
    {
        var joins = context.State.Joins;
        joins.Add(new JoinToken(scopeKey, gateway.Id, flow.Id));
        foreach (var incoming in gateway.Incoming)
            if (!joins.Exists(j => j.ScopeKey == scopeKey && j.GatewayId == gateway.Id && j.FlowId == incoming.Id))
                return;
        foreach (var incoming in gateway.Incoming)
            joins.Remove(joins.First(j => j.ScopeKey == scopeKey && j.GatewayId == gateway.Id && j.FlowId == incoming.Id));
        context.EnqueueActivate(gateway, scopeKey);
    }
}
