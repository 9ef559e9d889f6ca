using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Timers;

namespace Pppk.Workflow.Engine.Validation;

// Settings of events, activities and gateways.
internal sealed partial class ElementRules
{
    private void CheckEvent(FlowNode node, bool inProcessScope)
    {
        var kind = node.Event?.Kind;
        switch (node.Type)
        {
            case "startEvent" when inProcessScope && kind is null or EventKind.Timer or EventKind.Message:
            case "startEvent" when !inProcessScope && kind is null:
                break;
            case "startEvent":
                Error(node.Id, inProcessScope
                    ? $"Start event '{node.Id}' is a {kind} start event; a process starts with a none, timer or message start event."
                    : $"Start event '{node.Id}' inside a subprocess must be a none start event.");
                return;
            case "endEvent" when kind is null or EventKind.Terminate:
                break;
            case "endEvent" when kind is EventKind.Error:
                if (node.Event!.Error?.ErrorCode is not { Length: > 0 })
                    Error(node.Id, $"Error end event '{node.Id}' throws no error code; reference a bpmn:error with an errorCode.");
                break;
            case "endEvent":
                Error(node.Id, $"End event '{node.Id}' is a {kind} end event; use a none, terminate or error end event (send messages with a send task).");
                return;
            case "intermediateThrowEvent" when kind is not null:
                Error(node.Id, $"Intermediate throw event '{node.Id}' throws a {kind} event; only none throw events (milestones) are supported. Send messages with a send task.");
                return;
            case "intermediateCatchEvent" when kind is not (EventKind.Timer or EventKind.Message):
                Error(node.Id, $"Intermediate catch event '{node.Id}' must catch a timer or a message.");
                return;
            case "boundaryEvent":
                CheckBoundary(node, kind);
                break;
        }
        if (kind == EventKind.Timer)
            CheckTimer(node);
        if (kind == EventKind.Message || node.Type == "receiveTask")
            CheckMessage(node, needsKey: node.Type != "startEvent");
    }

    private void CheckBoundary(FlowNode node, EventKind? kind)
    {
        if (node.AttachedTo is null)
            Error(node.Id, $"Boundary event '{node.Id}' is attached to '{node.AttachedToRef}', which is not an element of the process; attach it to a task or subprocess.");
        else if (!node.AttachedTo.IsActivity)
            Error(node.Id, $"Boundary event '{node.Id}' is attached to {node.AttachedTo}; attach boundary events to tasks, subprocesses or call activities.");
        if (kind is not (EventKind.Timer or EventKind.Message or EventKind.Error))
            Error(node.Id, $"Boundary event '{node.Id}' must be a timer, message or error boundary event.");
        if (kind == EventKind.Error && !node.CancelActivity)
            Error(node.Id, $"Error boundary event '{node.Id}' is non-interrupting; error events always interrupt.");
        if (node.Outgoing.Count == 0)
            Warn(node.Id, $"Boundary event '{node.Id}' has no outgoing flow.");
    }

    private void CheckTimer(FlowNode node)
    {
        var ev = node.Event!;
        if (ev.TimerKind is null || string.IsNullOrWhiteSpace(ev.TimerExpression))
        {
            Error(node.Id, $"Timer '{node.Id}' has no time set; give a timeDate, timeDuration or timeCycle.");
            return;
        }
        var cycleAllowed = node.Type == "startEvent" || (node.Type == "boundaryEvent" && !node.CancelActivity);
        if (ev.TimerKind == TimerKind.Cycle && !cycleAllowed)
            Error(node.Id, $"Timer '{node.Id}' has a timeCycle; cycles are for timer start events and non-interrupting boundary timers. Use a timeDuration or timeDate.");
        if (ev.TimerKind != TimerKind.Cycle && node.Type == "startEvent" && ev.TimerKind == TimerKind.Duration)
            Error(node.Id, $"Timer start event '{node.Id}' has a timeDuration; use a timeCycle (R/P1D or a cron expression) or a timeDate.");
        if (ExpressionCache.IsExpression(ev.TimerExpression))
            Feel(node.Id, ev.TimerExpression!, "timer");
        else if (TimerSchedule.Parse(ev.TimerKind.Value, ev.TimerExpression!, TimeZoneInfo.Utc, out var error) is null)
            Error(node.Id, $"The timer of '{node.Id}' cannot be read: {error}");
    }

    private void CheckMessage(FlowNode node, bool needsKey)
    {
        var reference = node.Event?.MessageRef ?? node.MessageRef;
        var message = reference is null ? null : definitions.Messages.GetValueOrDefault(reference);
        if (message is null)
        {
            Error(node.Id, reference is null
                ? $"{node} references no message; choose a global message (bpmn:message) with a name."
                : $"{node} references message '{reference}', which is not defined in the file.");
            return;
        }
        if (string.IsNullOrWhiteSpace(message.Name))
            Error(node.Id, $"Message '{message.Id}' used by '{node.Id}' has no name; the name is what senders correlate on.");
        else
            Feel(node.Id, message.Name, "message name");
        if (needsKey && string.IsNullOrWhiteSpace(message.CorrelationKey))
            Error(node.Id, $"Message '{message.Id}' used by '{node.Id}' has no correlation key; set zeebe:subscription correlationKey (e.g. =applicationId).");
        else if (message.CorrelationKey is { } key)
            Feel(node.Id, key, "correlation key");
    }

    private void CheckActivity(FlowNode node)
    {
        switch (node.Type)
        {
            case "serviceTask" or "sendTask" or "businessRuleTask":
            case "scriptTask" when node.Script is null:
                if (node.Type == "businessRuleTask" && ZeebeCalledDecision(node))
                    Error(node.Id, $"Business rule task '{node.Id}' calls a DMN decision, which is not supported; give it a job type (zeebe:taskDefinition) handled in the host.");
                else if (string.IsNullOrWhiteSpace(node.TaskDefinition?.Type))
                    Error(node.Id, node.Type == "scriptTask"
                        ? $"Script task '{node.Id}' has neither a FEEL script (zeebe:script) nor a job type (zeebe:taskDefinition type); set one."
                        : $"{node} has no job type; set zeebe:taskDefinition type to a handler registered in the host.");
                break;
            case "scriptTask":
                if (string.IsNullOrWhiteSpace(node.Script!.Expression))
                    Error(node.Id, $"Script task '{node.Id}' has an empty zeebe:script expression.");
                if (string.IsNullOrWhiteSpace(node.Script.ResultVariable))
                    Error(node.Id, $"Script task '{node.Id}' has no resultVariable; name the variable the script's result is stored in.");
                break;
            case "userTask":
                var u = node.UserTask;
                if (u is null || (string.IsNullOrWhiteSpace(u.Assignee) && string.IsNullOrWhiteSpace(u.CandidateGroups) && string.IsNullOrWhiteSpace(u.CandidateUsers)))
                    Error(node.Id, $"User task '{node.Id}' has no assignee, candidate group or candidate user, so nobody would see it; set zeebe:assignmentDefinition.");
                break;
            case "callActivity":
                var processId = node.CalledElement?.ProcessId;
                if (string.IsNullOrWhiteSpace(processId))
                    Error(node.Id, $"Call activity '{node.Id}' names no process; set zeebe:calledElement processId.");
                else if (!ExpressionCache.IsExpression(processId) && !knownKeys.Contains(processId))
                    Warn(node.Id, $"Call activity '{node.Id}' calls process '{processId}', which is not deployed yet; deploy it before this runs, or instances get an incident here.");
                break;
        }
        if (node.MultiInstance is { } mi)
        {
            if (!node.IsActivity)
                Error(node.Id, $"{node} has a multi-instance marker; only tasks, subprocesses and call activities can be multi-instance.");
            if (string.IsNullOrWhiteSpace(mi.InputCollection))
                Error(node.Id, $"Multi-instance '{node.Id}' has no inputCollection; set zeebe:loopCharacteristics inputCollection (e.g. =applicants).");
            if (!string.IsNullOrWhiteSpace(mi.OutputCollection) != !string.IsNullOrWhiteSpace(mi.OutputElement))
                Error(node.Id, $"Multi-instance '{node.Id}' sets only one of outputCollection and outputElement; set both or neither.");
        }
        foreach (var mapping in node.Inputs.Concat(node.Outputs))
            if (string.IsNullOrWhiteSpace(mapping.Target))
                Error(node.Id, $"A variable mapping of '{node.Id}' has no target variable name.");
    }

    private static bool ZeebeCalledDecision(FlowNode node) =>
        node.Source.Descendants(Parsing.BpmnNames.Zeebe + "calledDecision").Any();

    private void CheckGateway(FlowNode node)
    {
        switch (node.Type)
        {
            case "exclusiveGateway":
                if (node.DefaultFlowId is { } d && node.Outgoing.All(f => f.Id != d))
                    Error(node.Id, $"Exclusive gateway '{node.Id}' names default flow '{d}', which is not one of its outgoing flows.");
                if (node.Outgoing.Count > 1)
                    foreach (var flow in node.Outgoing.Where(f => f.Condition is null && f.Id != node.DefaultFlowId))
                        Error(flow.Id, $"Sequence flow '{flow.Id}' leaves exclusive gateway '{node.Id}' without a condition and is not its default flow; add a FEEL condition or mark it as the default.");
                break;
            case "parallelGateway":
                foreach (var flow in node.Outgoing.Where(f => f.Condition is not null))
                    Warn(flow.Id, $"Sequence flow '{flow.Id}' leaves parallel gateway '{node.Id}' with a condition, which is ignored; every outgoing flow is taken.");
                break;
            case "eventBasedGateway":
                if (node.Outgoing.Count < 2)
                    Error(node.Id, $"Event-based gateway '{node.Id}' needs at least two outgoing flows to events to choose between.");
                foreach (var flow in node.Outgoing)
                    if (flow.To is { } target && !(target.Type == "intermediateCatchEvent" && target.Event?.Kind is EventKind.Timer or EventKind.Message))
                        Error(target.Id, $"{target} follows event-based gateway '{node.Id}'; only timer and message intermediate catch events may follow it.");
                break;
        }
    }
}
