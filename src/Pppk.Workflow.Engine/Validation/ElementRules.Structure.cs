using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Model;

namespace Pppk.Workflow.Engine.Validation;

// Reachability and FEEL syntax of every expression.
internal sealed partial class ElementRules
{
    /// <summary>Walks from the start events along flows, into subprocesses and out of boundary events; what is not reached is dead.</summary>
    private void CheckReachability()
    {
        var reached = new HashSet<string>();
        var pending = new Stack<FlowNode>(process.StartEvents);
        while (pending.TryPop(out var node))
        {
            if (!reached.Add(node.Id))
                continue;
            foreach (var flow in node.Outgoing)
                if (flow.To is { } to)
                    pending.Push(to);
            foreach (var boundary in node.Boundaries)
                pending.Push(boundary);
            if (node.Inner is { } inner)
                foreach (var start in inner.StartEvents)
                    pending.Push(start);
        }
        foreach (var node in process.AllNodes.Values)
            if (!reached.Contains(node.Id) && node.Incoming.Count > 0 && (node.Scope.Owner is null || reached.Contains(node.Scope.Owner.Id)))
                Error(node.Id, $"{node} cannot be reached from a start event; connect it to the flow or remove it.");
    }

    private void CheckExpressions(FlowNode node)
    {
        foreach (var (what, raw) in ExpressionSites.Of(node, definitions))
            if (what is not ("timer" or "message name" or "correlation key")) // checked with their event, so reported once
                Feel(node.Id, raw, what);
        if (node.UserTask is { } u)
            foreach (var (what, value) in new[] { ("due date", u.DueDate), ("follow-up date", u.FollowUpDate) })
                if (value is not null && !ExpressionCache.IsExpression(value) && !Timers.IsoDateTime.TryParse(value, TimeZoneInfo.Utc, out _))
                    Error(node.Id, $"The {what} of '{node.Id}' ('{value}') is not an ISO 8601 date-time; write e.g. 2026-01-31T09:00:00+08:00 or a FEEL expression.");
        if (node.Script?.Expression is { } script && !ExpressionCache.IsExpression(script))
            Error(node.Id, $"The script of '{node.Id}' is not a FEEL expression; start it with '='.");
    }

    private void Feel(string elementId, string? raw, string what)
    {
        if (raw is null || !ExpressionCache.IsExpression(raw))
            return;
        if (cache.TryCompile(raw) is { } problem)
            Error(elementId, $"The {what} of '{elementId}': {problem}");
    }
}
