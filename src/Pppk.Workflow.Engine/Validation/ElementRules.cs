using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Timers;

namespace Pppk.Workflow.Engine.Validation;

/// <summary>The per-process checks: structure (flows, start events, reachability) and each element's settings.</summary>
internal sealed partial class ElementRules(BpmnDefinitions definitions, BpmnProcess process, HashSet<string> knownKeys, ExpressionCache cache, List<ValidationProblem> problems)
{
    private void Error(string? id, string message) => problems.Add(ValidationProblem.Error(id, message));
    private void Warn(string? id, string message) => problems.Add(ValidationProblem.Warning(id, message));

    public void CheckProcess()
    {
        CheckScope(process, isProcess: true);
        CheckReachability();
    }

    private void CheckScope(FlowScope scope, bool isProcess)
    {
        foreach (var child in scope.Unsupported)
            Error((string?)child.Attribute("id") ?? scope.Id, UnsupportedElements.ForScopeChild(child.Name.LocalName));

        var starts = scope.StartEvents.ToList();
        if (starts.Count == 0 && scope.Nodes.Count > 0)
            Error(scope.Id, isProcess
                ? $"Process '{scope.Id}' has no start event; add a start event where instances begin."
                : $"Subprocess '{scope.Id}' has no start event; add a none start event inside it.");
        if (starts.Count(s => s.Event is null) > 1)
            Error(scope.Id, $"'{scope.Id}' has more than one none start event; keep one and join the others with gateways.");

        foreach (var flow in scope.Flows)
            CheckFlow(flow, scope);
        foreach (var node in scope.Nodes)
        {
            CheckNode(node, isProcess);
            if (node.Inner is { } inner && UnsupportedElements.ForNodeType(node) is null)
                CheckScope(inner, isProcess: false);
        }
    }

    private void CheckFlow(SequenceFlow flow, FlowScope scope)
    {
        if (flow.From is null)
            Error(flow.Id, $"Sequence flow '{flow.Id}' comes from nowhere: its sourceRef '{flow.SourceRef}' is not an element of the process; reconnect it.");
        if (flow.To is null)
            Error(flow.Id, $"Sequence flow '{flow.Id}' leads nowhere: its targetRef '{flow.TargetRef}' is not an element of the process; reconnect it.");
        if (flow.From is { } from && flow.To is { } to && (from.Scope != scope || to.Scope != scope))
            Error(flow.Id, $"Sequence flow '{flow.Id}' crosses a subprocess border; connect elements of the same (sub)process only.");
        if (flow.Condition is { } condition)
        {
            if (flow.From is { } source && source.Type != "exclusiveGateway")
                Error(flow.Id, $"Sequence flow '{flow.Id}' has a condition but starts at {source}; conditions are only evaluated after an exclusive gateway.");
            else if (!ExpressionCache.IsExpression(condition))
                Error(flow.Id, $"The condition of '{flow.Id}' ('{condition}') is not a FEEL expression; write it with a leading '=', e.g. =approved = true.");
            else
                Feel(flow.Id, condition, "condition");
        }
    }

    private void CheckNode(FlowNode node, bool inProcessScope)
    {
        if (UnsupportedElements.ForNodeType(node) is { } unsupported)
        {
            Error(node.Id, unsupported);
            return;
        }
        if (node.EventDefinitionCount > 1)
            Error(node.Id, $"{node} has several event definitions (a multiple event); use one event per element.");
        if (node.Event is { Kind: EventKind.Signal or EventKind.Escalation or EventKind.Compensate or EventKind.Conditional or EventKind.Link or EventKind.Cancel } ev)
        {
            Error(node.Id, UnsupportedElements.ForEvent(ev.Kind));
            return;
        }
        if (node.HasStandardLoop)
            Error(node.Id, $"{node} has a standard loop marker, which is not supported; use a multi-instance marker (zeebe:loopCharacteristics) or a loop back through an exclusive gateway.");
        if (node.Incoming.Count == 0 && node.Type is not ("startEvent" or "boundaryEvent"))
            Error(node.Id, $"{node} has no incoming sequence flow, so no token can reach it; connect it or remove it.");
        if (node.Outgoing.Count == 0 && node.Type is not "endEvent" && !(node.Type == "eventBasedGateway"))
            Warn(node.Id, $"{node} has no outgoing sequence flow; a token ends there. Add an end event to make the end explicit.");
        if (node.Type == "startEvent" && node.Incoming.Count > 0)
            Error(node.Id, $"Start event '{node.Id}' has incoming flows; a start event cannot be entered from inside the process.");
        if (node.Type == "boundaryEvent" && node.Incoming.Count > 0)
            Error(node.Id, $"Boundary event '{node.Id}' has incoming flows; remove them.");

        CheckEvent(node, inProcessScope);
        CheckActivity(node);
        CheckGateway(node);
        CheckExpressions(node);
        CheckExtensions(node);
    }
}
