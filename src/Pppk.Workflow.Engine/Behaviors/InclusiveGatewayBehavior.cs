using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>
/// Inclusive gateway, as Camunda 8.6+. Fork: every outgoing flow whose condition is true, else the default flow, else an
/// incident. Join: an arriving token waits; the gateway fires when every incoming flow has a token, or, once the step has
/// nothing else to do, when no other token of the scope can still reach an incoming flow without one. Firing consumes
/// one token per incoming flow that has one.
/// </summary>
internal sealed class InclusiveGatewayBehavior : IElementBehavior
{
    public static readonly InclusiveGatewayBehavior Instance = new();

    public void Arrive(StepContext context, FlowNode gateway, SequenceFlow flow, long scopeKey)
    {
        if (gateway.Incoming.Count <= 1)
        {
            context.Transitions.Enter(gateway, scopeKey);
            return;
        }
        context.State.Joins.Add(new JoinToken(scopeKey, gateway.Id, flow.Id));
        if (gateway.Incoming.TrueForAll(f => HasToken(context.State, scopeKey, gateway, f)))
            Fire(context, gateway, scopeKey);
        // otherwise FireReady decides once the queue is empty: a token still on its way may be about to arrive
    }

    public void Activate(StepContext context, ElementInstance instance, FlowNode node)
    {
        if (node.Outgoing.Count == 0)
        {
            context.Completion.Complete(instance);
            return;
        }
        if (GatewayConditions.Select(context, instance, node, firstOnly: false) is { } flows)
            context.Completion.Complete(instance, flows: flows);
    }

    /// <summary>Fires every waiting inclusive join that no other token of its scope can still reach. True when one fired (the step goes on).</summary>
    public static bool FireReady(StepContext context)
    {
        var state = context.State;
        var any = false;
        foreach (var join in state.Joins)
            any |= context.Model.Node(join.GatewayId).ElementType == ElementType.InclusiveGateway;
        if (!any)
            return false; // only parallel joins wait: nothing to decide (the common case, kept free of allocations)
        foreach (var (scopeKey, gatewayId) in state.Joins.Select(j => (j.ScopeKey, j.GatewayId)).Distinct().ToList())
        {
            var gateway = context.Model.Node(gatewayId);
            if (gateway.ElementType != ElementType.InclusiveGateway)
                continue;
            var missing = gateway.Incoming.Where(f => !HasToken(state, scopeKey, gateway, f)).ToHashSet();
            if (!CanReach(context, scopeKey, gateway, missing))
            {
                Fire(context, gateway, scopeKey);
                return true;
            }
        }
        return false;
    }

    private static bool HasToken(InstanceState state, long scopeKey, FlowNode gateway, SequenceFlow flow) =>
        state.Joins.Exists(j => j.ScopeKey == scopeKey && j.GatewayId == gateway.Id && j.FlowId == flow.Id);

    private static void Fire(StepContext context, FlowNode gateway, long scopeKey)
    {
        var joins = context.State.Joins;
        foreach (var incoming in gateway.Incoming)
            if (joins.FindIndex(j => j.ScopeKey == scopeKey && j.GatewayId == gateway.Id && j.FlowId == incoming.Id) is var i and >= 0)
                joins.RemoveAt(i);
        context.Transitions.EnqueueActivate(gateway, scopeKey);
    }

    /// <summary>
    /// Whether a token of the scope (a live element, or a token waiting at another join) can still take one of
    /// <paramref name="flows"/>: a walk along outgoing flows, boundary events and link jumps that stops at the gateway itself.
    /// </summary>
    private static bool CanReach(StepContext context, long scopeKey, FlowNode gateway, HashSet<SequenceFlow> flows)
    {
        var state = context.State;
        var starts = state.Elements.Where(e => e.ScopeKey == scopeKey).Select(e => context.Model.Node(e.ElementId))
            .Concat(state.Joins.Where(j => j.ScopeKey == scopeKey && j.GatewayId != gateway.Id).Select(j => context.Model.Node(j.GatewayId)));
        var seen = new HashSet<FlowNode>();
        var queue = new Queue<FlowNode>(starts);
        while (queue.TryDequeue(out var node))
        {
            if (!seen.Add(node))
                continue;
            foreach (var boundary in node.Boundaries)
                queue.Enqueue(boundary);
            if (node.IsLinkThrow())
                foreach (var target in LinkEvents.CatchesFor(node))
                    queue.Enqueue(target);
            foreach (var flow in node.Outgoing)
            {
                if (flows.Contains(flow))
                    return true;
                if (flow.To is { } next && next != gateway)
                    queue.Enqueue(next);
            }
        }
        return false;
    }
}
