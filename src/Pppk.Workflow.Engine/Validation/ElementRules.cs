using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Timers;
using T = Pppk.Workflow.Engine.Validation.ValidationTexts;

namespace Pppk.Workflow.Engine.Validation;

/// <summary>The per-process checks: structure (flows, start events, reachability) and each element's settings.</summary>
internal sealed partial class ElementRules(BpmnDefinitions definitions, BpmnProcess process, HashSet<string> knownKeys, ExpressionCache cache, List<ValidationProblem> problems)
{
    private void Error(string? id, LocalizedText text) => problems.Add(ValidationProblem.Error(id, text));
    private void Warn(string? id, LocalizedText text) => problems.Add(ValidationProblem.Warning(id, text));

    public void CheckProcess()
    {
        CheckScope(process, isProcess: true);
        CheckReachability();
        Feel(process.Id, process.Case.Unit, ElementNames.Site("case unit"));
        Feel(process.Id, process.Case.Subject, ElementNames.Site("case subject"));
        Feel(process.Id, process.Case.Title, ElementNames.Site("case title (caseTitle)"));
        Feel(process.Id, process.Case.Search, ElementNames.Site("case search (caseSearch)"));
        CheckProcessListeners();
        foreach (var (name, value) in process.InvalidStartVariables)
            Error(process.Id, T.StartVariableInvalid.Format(name, value, string.Join(", ", Model.StartVariable.TypeNames)));
        CheckSummary();
    }

    private void CheckScope(FlowScope scope, bool isProcess)
    {
        foreach (var child in scope.Unsupported)
            Error((string?)child.Attribute("id") ?? scope.Id, UnsupportedElements.ForScopeChild(child.Name.LocalName));

        var starts = scope.StartEvents.ToList();
        if (starts.Count == 0 && scope.Nodes.Count > 0)
            Error(scope.Id, isProcess
                ? T.ProcessWithoutStart.Format(scope.Id)
                : T.SubProcessWithoutStart.Format(scope.Id));
        if (starts.Count(s => s.Event is null) > 1)
            Error(scope.Id, T.SeveralNoneStarts.Format(scope.Id));

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
            Error(flow.Id, T.FlowWithoutSource.Format(flow.Id, flow.SourceRef));
        if (flow.To is null)
            Error(flow.Id, T.FlowWithoutTarget.Format(flow.Id, flow.TargetRef));
        if (flow.From is { } from && flow.To is { } to && (from.Scope != scope || to.Scope != scope))
            Error(flow.Id, T.FlowCrossesBorder.Format(flow.Id));
        if (flow.Condition is { } condition)
        {
            if (flow.From is { } source && source.ElementType is not (ElementType.ExclusiveGateway or ElementType.InclusiveGateway))
                Error(flow.Id, T.ConditionNotAfterGateway.Format(flow.Id, ElementNames.Of(source)));
            else if (!ExpressionCache.IsExpression(condition))
                Error(flow.Id, T.ConditionNotFeel.Format(flow.Id, condition));
            else
                Feel(flow.Id, condition, ElementNames.Site("condition"));
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
            Error(node.Id, T.MultipleEvent.Format(ElementNames.Of(node)));
        if (node.Event is { Kind: EventKind.Cancel })
        {
            Error(node.Id, T.CancelEvent.Format());
            return;
        }
        if (node.IsForCompensation && (node.Incoming.Count > 0 || node.Outgoing.Count > 0))
            Error(node.Id, T.CompensationHandlerWithFlows.Format(node.Id));
        if (node.HasStandardLoop)
            Error(node.Id, T.StandardLoop.Format(ElementNames.Of(node)));
        if (node.Incoming.Count == 0 && node.ElementType is not (ElementType.StartEvent or ElementType.BoundaryEvent) && !node.TriggeredByEvent && !node.IsLinkCatch() && !node.IsForCompensation)
            Error(node.Id, T.NoIncoming.Format(ElementNames.Of(node)));
        if (node.Outgoing.Count == 0 && node.ElementType is not ElementType.EndEvent && !(node.ElementType == ElementType.EventBasedGateway) && !node.TriggeredByEvent && !node.IsLinkThrow() && !node.IsForCompensation)
            Warn(node.Id, T.NoOutgoing.Format(ElementNames.Of(node)));
        if (node.ElementType == ElementType.StartEvent && node.Incoming.Count > 0)
            Error(node.Id, T.StartWithIncoming.Format(node.Id));
        if (node.ElementType == ElementType.BoundaryEvent && node.Incoming.Count > 0)
            Error(node.Id, T.BoundaryWithIncoming.Format(node.Id));

        CheckEvent(node, inProcessScope);
        CheckEventSubProcess(node);
        CheckActivity(node);
        CheckGateway(node);
        CheckExpressions(node);
        CheckExtensions(node);
        CheckBindings(node);
        CheckListeners(node);
    }
}
