using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Timers;
using T = Pppk.Workflow.Engine.Validation.ValidationTexts;

namespace Pppk.Workflow.Engine.Validation;

// Settings of events, activities and gateways.
internal sealed partial class ElementRules
{
    private void CheckEvent(FlowNode node, bool inProcessScope)
    {
        var kind = node.Event?.Kind;
        switch (node.ElementType)
        {
            case ElementType.StartEvent when node.IsEventSubProcessStart:
                if (!CheckEventSubProcessStart(node, kind))
                    return;
                break;
            case ElementType.StartEvent when inProcessScope && kind is EventKind.Signal:
                CheckSignal(node);
                if (node.Event!.Signal?.Name is { } signalName && ExpressionCache.IsExpression(signalName))
                    Error(node.Id, T.SignalStartNameFeel.Format(node.Id));
                return;
            case ElementType.StartEvent when inProcessScope && kind is null or EventKind.Timer or EventKind.Message:
            case ElementType.StartEvent when !inProcessScope && kind is null:
                break;
            case ElementType.StartEvent:
                Error(node.Id, inProcessScope
                    ? T.ProcessStartKind.Format(node.Id, ElementNames.Of(kind))
                    : T.SubProcessStartKind.Format(node.Id));
                return;
            case ElementType.EndEvent when kind is null or EventKind.Terminate:
                break;
            case ElementType.EndEvent when kind is EventKind.Error:
                if (node.Event!.Error?.ErrorCode is not { Length: > 0 })
                    Error(node.Id, T.ErrorEndWithoutCode.Format(node.Id));
                break;
            case ElementType.EndEvent or ElementType.IntermediateThrowEvent when kind is EventKind.Escalation:
                if (node.Event!.Escalation?.EscalationCode is not { Length: > 0 })
                    Error(node.Id, T.EscalationWithoutCode.Format(node.Id));
                break;
            case ElementType.EndEvent or ElementType.IntermediateThrowEvent or ElementType.IntermediateCatchEvent when kind is EventKind.Signal:
                CheckSignal(node);
                break;
            case ElementType.IntermediateCatchEvent when kind is EventKind.Conditional:
                break;
            case ElementType.EndEvent or ElementType.IntermediateThrowEvent when kind is EventKind.Compensate:
                CheckCompensationThrow(node);
                return;
            case ElementType.EndEvent or ElementType.IntermediateThrowEvent when kind is EventKind.Message:
                CheckMessageThrow(node);
                return;
            case ElementType.EndEvent:
                Error(node.Id, T.EndKind.Format(node.Id, ElementNames.Of(kind)));
                return;
            case ElementType.IntermediateThrowEvent or ElementType.IntermediateCatchEvent when kind is EventKind.Link:
                CheckLink(node);
                return;
            case ElementType.IntermediateThrowEvent when kind is not null:
                Error(node.Id, T.ThrowKind.Format(node.Id, ElementNames.Of(kind)));
                return;
            case ElementType.IntermediateCatchEvent when kind is not (EventKind.Timer or EventKind.Message):
                Error(node.Id, T.CatchKind.Format(node.Id));
                return;
            case ElementType.BoundaryEvent:
                CheckBoundary(node, kind);
                break;
        }
        if (kind == EventKind.Conditional)
            CheckCondition(node);
        if (kind == EventKind.Timer)
            CheckTimer(node);
        if (kind == EventKind.Message || node.ElementType == ElementType.ReceiveTask)
            CheckMessage(node, needsKey: node.ElementType != ElementType.StartEvent || node.IsEventSubProcessStart);
    }

    /// <summary>The start of an event subprocess: which kinds may start one, and an error start always interrupts. False when the kind is refused.</summary>
    private bool CheckEventSubProcessStart(FlowNode node, EventKind? kind)
    {
        if (kind is not (EventKind.Timer or EventKind.Message or EventKind.Signal or EventKind.Error or EventKind.Escalation or EventKind.Conditional or EventKind.Compensate))
        {
            Error(node.Id, T.EventSubProcessStartKind.Format(node.Id, ElementNames.Of(kind)));
            return false;
        }
        if (kind == EventKind.Compensate)
            CheckCompensationStart(node);
        if (kind == EventKind.Error && !node.IsInterrupting)
            Error(node.Id, T.ErrorStartNonInterrupting.Format(node.Id));
        if (kind == EventKind.Signal)
            CheckSignal(node);
        return true;
    }

    /// <summary>A compensation start interrupts, in an event subprocess directly inside an embedded (not event) subprocess, one per subprocess.</summary>
    private void CheckCompensationStart(FlowNode node)
    {
        var owner = node.Scope.Owner!.Scope.Owner;
        if (!node.IsInterrupting || owner is null || owner.TriggeredByEvent || owner.ElementType != ElementType.SubProcess
            || owner.Inner!.EventSubProcessStarts.Count(s => s.Event?.Kind == EventKind.Compensate) > 1)
            Error(node.Id, T.CompensationStartPlacement.Format(node.Id));
    }

    /// <summary>An event subprocess is entered by its one start event only: no flows in or out.</summary>
    private void CheckEventSubProcess(FlowNode node)
    {
        if (!node.TriggeredByEvent || node.ElementType != ElementType.SubProcess)
            return;
        if (node.Incoming.Count > 0 || node.Outgoing.Count > 0)
            Error(node.Id, T.EventSubProcessFlows.Format(node.Id));
        if (node.Inner?.StartEvents.Count() != 1)
            Error(node.Id, T.EventSubProcessStartCount.Format(node.Id));
    }

    /// <summary>A conditional event needs a FEEL condition (its syntax is checked with the element's other expressions).</summary>
    private void CheckCondition(FlowNode node)
    {
        if (node.Event?.Condition is not { } condition)
            Error(node.Id, T.ConditionalWithoutCondition.Format(node.Id));
        else if (!ExpressionCache.IsExpression(condition))
            Error(node.Id, T.ConditionNotFeel.Format(node.Id, condition));
    }

    private void CheckSignal(FlowNode node)
    {
        if (node.Event?.Signal?.Name is not { Length: > 0 })
            Error(node.Id, T.NoSignal.Format(ElementNames.Of(node)));
    }

    /// <summary>A message throw publishes its message in the step, or, with a job type, is a job as in Camunda 8; the key may be empty (a message start needs none).</summary>
    private void CheckMessageThrow(FlowNode node)
    {
        if (node.TaskDefinition is null)
            CheckMessage(node, needsKey: false);
        else if (string.IsNullOrWhiteSpace(node.TaskDefinition.Type))
            Error(node.Id, T.NoJobType.Format(ElementNames.Of(node)));
    }

    /// <summary>A compensation boundary leads nowhere by flows: its association names the handler, an activity marked for compensation.</summary>
    private void CheckCompensationBoundary(FlowNode node)
    {
        if (node.Outgoing.Count > 0)
            Error(node.Id, T.CompensationBoundaryWithFlows.Format(node.Id));
        if (node.CompensationHandler is not { } handler)
            Error(node.Id, T.CompensationWithoutHandler.Format(node.Id));
        else if (!handler.IsActivity || !handler.IsForCompensation)
            Error(node.Id, T.CompensationHandlerNotMarked.Format(node.Id, handler.Id));
    }

    /// <summary>A compensation throw or end event; its activityRef names a compensable activity of its own scope.</summary>
    private void CheckCompensationThrow(FlowNode node)
    {
        if (node.Event!.ActivityRef is { } reference
            && !node.Scope.Nodes.Exists(n => n.Id == reference && (n.Boundaries.Exists(b => b.Event?.Kind == EventKind.Compensate) || n.CompensationStart is not null)))
            Error(node.Id, T.CompensationActivityUnknown.Format(node.Id, reference));
    }

    private void CheckLink(FlowNode node)
    {
        if (node.Event!.LinkName is not { Length: > 0 } name)
        {
            Error(node.Id, T.LinkWithoutName.Format(node.Id));
            return;
        }
        if (node.IsLinkCatch())
        {
            if (node.Incoming.Count > 0)
                Error(node.Id, T.LinkCatchWithIncoming.Format(node.Id));
            if (node.Scope.Nodes.Count(n => n.IsLinkCatch() && n.Event!.LinkName == name) > 1)
                Error(node.Id, T.LinkCatchDuplicate.Format(name));
            return;
        }
        if (!LinkEvents.CatchesFor(node).Any())
            Error(node.Id, T.LinkWithoutCatch.Format(node.Id, name));
        if (node.Outgoing.Count > 0)
            Error(node.Id, T.LinkThrowWithOutgoing.Format(node.Id));
    }

    private void CheckBoundary(FlowNode node, EventKind? kind)
    {
        if (node.AttachedTo is null)
            Error(node.Id, T.BoundaryNotAttached.Format(node.Id, node.AttachedToRef));
        else if (!node.AttachedTo.IsActivity)
            Error(node.Id, T.BoundaryOnNonActivity.Format(node.Id, ElementNames.Of(node.AttachedTo)));
        if (kind == EventKind.Compensate)
        {
            CheckCompensationBoundary(node);
            return;
        }
        if (kind is not (EventKind.Timer or EventKind.Message or EventKind.Error or EventKind.Escalation or EventKind.Signal or EventKind.Conditional))
            Error(node.Id, T.BoundaryKind.Format(node.Id));
        if (kind == EventKind.Signal)
            CheckSignal(node);
        if (node.AttachedTo is { TriggeredByEvent: true } host)
            Error(node.Id, T.EventSubProcessBoundary.Format(node.Id, host.Id));
        if (kind == EventKind.Error && !node.CancelActivity)
            Error(node.Id, T.ErrorBoundaryNonInterrupting.Format(node.Id));
        if (node.Outgoing.Count == 0)
            Warn(node.Id, T.BoundaryWithoutOutgoing.Format(node.Id));
    }

    private void CheckTimer(FlowNode node)
    {
        var ev = node.Event!;
        if (ev.TimerKind is null || string.IsNullOrWhiteSpace(ev.TimerExpression))
        {
            Error(node.Id, T.TimerWithoutTime.Format(node.Id));
            return;
        }
        var cycleAllowed = node.IsEventSubProcessStart ? !node.IsInterrupting
            : node.ElementType == ElementType.StartEvent || (node.ElementType == ElementType.BoundaryEvent && !node.CancelActivity);
        if (ev.TimerKind == TimerKind.Cycle && !cycleAllowed)
            Error(node.Id, T.TimerCycleNotAllowed.Format(node.Id));
        if (ev.TimerKind != TimerKind.Cycle && node.ElementType == ElementType.StartEvent && !node.IsEventSubProcessStart && ev.TimerKind == TimerKind.Duration)
            Error(node.Id, T.TimerStartDuration.Format(node.Id));
        if (ExpressionCache.IsExpression(ev.TimerExpression))
            Feel(node.Id, ev.TimerExpression!, ElementNames.Site("timer"));
        else if (TimerSchedule.Read(ev.TimerKind.Value, ev.TimerExpression!, TimeZoneInfo.Utc, out var error) is null)
            Error(node.Id, T.TimerUnreadable.Format(node.Id, error));
    }

    private void CheckMessage(FlowNode node, bool needsKey)
    {
        var reference = node.Event?.MessageRef ?? node.MessageRef;
        var message = reference is null ? null : definitions.Messages.GetValueOrDefault(reference);
        if (message is null)
        {
            Error(node.Id, reference is null
                ? T.NoMessage.Format(ElementNames.Of(node))
                : T.UnknownMessage.Format(ElementNames.Of(node), reference));
            return;
        }
        if (string.IsNullOrWhiteSpace(message.Name))
            Error(node.Id, T.MessageWithoutName.Format(message.Id, node.Id));
        else
            Feel(node.Id, message.Name, ElementNames.Site("message name"));
        if (needsKey && string.IsNullOrWhiteSpace(message.CorrelationKey))
            Error(node.Id, T.MessageWithoutKey.Format(message.Id, node.Id));
        else if (message.CorrelationKey is { } key)
            Feel(node.Id, key, ElementNames.Site("correlation key"));
    }

    private void CheckActivity(FlowNode node)
    {
        switch (node.ElementType)
        {
            case ElementType.ServiceTask or ElementType.SendTask or ElementType.BusinessRuleTask:
            case ElementType.ScriptTask when node.Script is null:
                if (node.ElementType == ElementType.BusinessRuleTask && ZeebeCalledDecision(node))
                    CheckCalledDecision(node);
                else if (string.IsNullOrWhiteSpace(node.TaskDefinition?.Type))
                    Error(node.Id, node.ElementType == ElementType.ScriptTask
                        ? T.ScriptWithoutScriptOrJob.Format(node.Id)
                        : T.NoJobType.Format(ElementNames.Of(node)));
                break;
            case ElementType.ScriptTask:
                if (string.IsNullOrWhiteSpace(node.Script!.Expression))
                    Error(node.Id, T.EmptyScript.Format(node.Id));
                if (string.IsNullOrWhiteSpace(node.Script.ResultVariable))
                    Error(node.Id, T.ScriptWithoutResult.Format(node.Id));
                break;
            case ElementType.UserTask:
                var u = node.UserTask;
                if (u is null || (string.IsNullOrWhiteSpace(u.Assignee) && string.IsNullOrWhiteSpace(u.CandidateGroups) && string.IsNullOrWhiteSpace(u.CandidateUsers)))
                    Warn(node.Id, T.UserTaskWithoutAssignment.Format(node.Id)); // Camunda 8 runs it; here administrators see it
                break;
            case ElementType.CallActivity:
                var processId = node.CalledElement?.ProcessId;
                if (string.IsNullOrWhiteSpace(processId))
                    Error(node.Id, T.CallWithoutProcess.Format(node.Id));
                else if (!ExpressionCache.IsExpression(processId) && !knownKeys.Contains(processId))
                    Warn(node.Id, T.CalledProcessNotDeployed.Format(node.Id, processId));
                break;
        }
        if (node.MultiInstance is { } mi)
        {
            if (!node.IsActivity)
                Error(node.Id, T.MultiInstanceOnNonActivity.Format(ElementNames.Of(node)));
            if (string.IsNullOrWhiteSpace(mi.InputCollection))
                Error(node.Id, T.MultiInstanceWithoutInput.Format(node.Id));
            if (!string.IsNullOrWhiteSpace(mi.OutputCollection) != !string.IsNullOrWhiteSpace(mi.OutputElement))
                Error(node.Id, T.MultiInstanceHalfOutput.Format(node.Id));
        }
        foreach (var mapping in node.Inputs.Concat(node.Outputs))
            if (string.IsNullOrWhiteSpace(mapping.Target))
                Error(node.Id, T.MappingWithoutTarget.Format(node.Id));
    }

    /// <summary>A DMN call needs the decision and where its result goes; whether the decision is deployed the runtime checks.</summary>
    private void CheckCalledDecision(FlowNode node)
    {
        if (string.IsNullOrWhiteSpace(node.CalledDecision?.DecisionId))
            Error(node.Id, T.DecisionIdMissing.Format(node.Id));
        if (string.IsNullOrWhiteSpace(node.CalledDecision?.ResultVariable))
            Error(node.Id, T.DecisionResultVariableMissing.Format(node.Id));
    }

    private static bool ZeebeCalledDecision(FlowNode node) =>
        node.Source.Descendants(Parsing.BpmnNames.Zeebe + "calledDecision").Any();

    private void CheckGateway(FlowNode node)
    {
        switch (node.ElementType)
        {
            case ElementType.ExclusiveGateway:
                if (node.DefaultFlowId is { } d && node.Outgoing.All(f => f.Id != d))
                    Error(node.Id, T.UnknownDefaultFlow.Format(node.Id, d));
                if (node.Outgoing.Count > 1)
                    foreach (var flow in node.Outgoing.Where(f => f.Condition is null && f.Id != node.DefaultFlowId))
                        Error(flow.Id, T.MissingCondition.Format(flow.Id, node.Id));
                break;
            case ElementType.InclusiveGateway:
                if (node.DefaultFlowId is { } inclusiveDefault && node.Outgoing.All(f => f.Id != inclusiveDefault))
                    Error(node.Id, T.InclusiveUnknownDefaultFlow.Format(node.Id, inclusiveDefault));
                if (node.Outgoing.Count > 1)
                    foreach (var flow in node.Outgoing.Where(f => f.Condition is null && f.Id != node.DefaultFlowId))
                        Error(flow.Id, T.InclusiveMissingCondition.Format(flow.Id, node.Id));
                break;
            case ElementType.ParallelGateway:
                foreach (var flow in node.Outgoing.Where(f => f.Condition is not null))
                    Warn(flow.Id, T.ConditionIgnored.Format(flow.Id, node.Id));
                break;
            case ElementType.EventBasedGateway:
                if (node.Outgoing.Count < 2)
                    Error(node.Id, T.EventGatewayTooFewFlows.Format(node.Id));
                foreach (var flow in node.Outgoing)
                    if (flow.To is { } target && !(target.ElementType == ElementType.IntermediateCatchEvent && target.Event?.Kind is EventKind.Timer or EventKind.Message or EventKind.Signal))
                        Error(target.Id, T.EventGatewayTarget.Format(ElementNames.Of(target), node.Id));
                break;
        }
    }
}
