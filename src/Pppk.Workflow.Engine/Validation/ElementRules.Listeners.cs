using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Model;
using T = Pppk.Workflow.Engine.Validation.ValidationTexts;

namespace Pppk.Workflow.Engine.Validation;

// Execution and task listeners: each runs as a job; what the engine cannot run is refused on the element.
internal sealed partial class ElementRules
{
    private void CheckListeners(FlowNode node)
    {
        CheckEachListener(node);
        if (node.TaskListeners.Count > 0 && node.ElementType != ElementType.UserTask)
            Error(node.Id, T.ListenerNotHere.Format(ElementNames.Of(node), "task", "only user tasks have them"));
        if (Has(node, ListenerPhase.Start) && (node.ElementType == ElementType.BoundaryEvent || node.Incoming.Any(f => f.From?.ElementType == ElementType.EventBasedGateway)))
            Error(node.Id, T.ListenerNotHere.Format(ElementNames.Of(node), "start", "it is entered when its event has already happened; use end listeners"));
        if (Has(node, ListenerPhase.End) && node.IsGateway)
            Error(node.Id, T.ListenerNotHere.Format(ElementNames.Of(node), "end", "a gateway passes its token on as it is entered; use start listeners"));
        if (Has(node, ListenerPhase.End) && node.Event?.Kind == EventKind.Error && node.ElementType == ElementType.EndEvent)
            Error(node.Id, T.ListenerNotHere.Format(ElementNames.Of(node), "end", "it throws an error instead of ending; use start listeners"));
    }

    private void CheckEachListener(FlowNode node)
    {
        foreach (var listener in node.ExecutionListeners.Concat(node.TaskListeners))
        {
            var kind = listener.EventType ?? "?";
            if (listener.Phase is null)
                Error(node.Id, listener.IsTaskListener && ListenerSettings.UnsupportedTaskEvents.Contains(kind)
                    ? T.TaskListenerEventUnsupported.Format(node.Id, kind)
                    : T.ListenerEventUnknown.Format(node.Id, kind));
            if (string.IsNullOrWhiteSpace(listener.Type))
                Error(node.Id, T.ListenerWithoutType.Format(node.Id, kind));
            if (listener.Retries is { } retries && !ExpressionCache.IsExpression(retries) && !(int.TryParse(retries.Trim(), out var n) && n >= 0))
                Error(node.Id, T.ListenerRetriesInvalid.Format(node.Id, kind, retries));
        }
    }

    private static bool Has(FlowNode node, ListenerPhase phase) => node.ExecutionListeners.Any(l => l.Phase == phase);

    // The process's own listeners run as the instance starts and completes (its node stands for the process).
    private void CheckProcessListeners()
    {
        CheckEachListener(process.ListenerNode);
        foreach (var (what, raw) in ExpressionSites.Of(process.ListenerNode, definitions))
            Feel(process.Id, raw, ElementNames.Site(what));
    }
}
