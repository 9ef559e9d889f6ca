using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Model;
using T = Pppk.Workflow.Engine.Validation.ValidationTexts;

namespace Pppk.Workflow.Engine.Validation;

// Reachability and FEEL syntax of every expression.
internal sealed partial class ElementRules
{
    /// <summary>Walks from the start events along flows, into subprocesses and out of boundary events; what is not reached is dead.</summary>
    private void CheckReachability()
    {
        var reached = new HashSet<string>();
        var pending = new Stack<FlowNode>(process.StartEvents.Concat(process.AllNodes.Values.Where(n => n.IsEventSubProcessStart)));
        while (pending.TryPop(out var node))
        {
            if (!reached.Add(node.Id))
                continue;
            foreach (var flow in node.Outgoing)
                if (flow.To is { } to)
                    pending.Push(to);
            foreach (var boundary in node.Boundaries)
                pending.Push(boundary);
            if (node.IsLinkThrow())
                foreach (var target in LinkEvents.CatchesFor(node))
                    pending.Push(target);
            if (node.Inner is { } inner)
                foreach (var start in inner.StartEvents)
                    pending.Push(start);
        }
        foreach (var node in process.AllNodes.Values)
            if (!reached.Contains(node.Id) && (node.Incoming.Count > 0 || node.IsLinkCatch()) && (node.Scope.Owner is null || reached.Contains(node.Scope.Owner.Id)))
                Error(node.Id, T.Unreachable.Format(ElementNames.Of(node)));
    }

    private void CheckExpressions(FlowNode node)
    {
        foreach (var (what, raw) in ExpressionSites.Of(node, definitions))
            if (what is not ("timer" or "message name" or "correlation key")) // checked with their event, so reported once
                Feel(node.Id, raw, ElementNames.Site(what));
        if (node.UserTask is { } u)
            foreach (var (what, value) in new[] { ("due date", u.DueDate), ("follow-up date", u.FollowUpDate) })
                if (value is not null && !ExpressionCache.IsExpression(value) && !Timers.IsoDateTime.TryParse(value, TimeZoneInfo.Utc, out _))
                    Error(node.Id, T.DateNotIso.Format(ElementNames.Site(what), node.Id, value));
        if (node.Script?.Expression is { } script && !ExpressionCache.IsExpression(script))
            Error(node.Id, T.ScriptNotFeel.Format(node.Id));
    }

    private void Feel(string elementId, string? raw, Localization.Term what)
    {
        if (raw is null || !ExpressionCache.IsExpression(raw))
            return;
        if (cache.TryCompile(raw) is { } problem)
            Error(elementId, T.FeelProblem.Format(what, elementId, problem));
    }
}
