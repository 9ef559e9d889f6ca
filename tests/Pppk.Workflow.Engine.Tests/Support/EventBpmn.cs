namespace Pppk.Workflow.Engine.Tests.Support;

/// <summary>Shorthands for event subprocesses, escalation and signal events, next to <see cref="Bpmn"/>'s.</summary>
public static class EventBpmn
{
    private static string Flag(bool value) => value ? "true" : "false";

    /// <summary>An event subprocess: <paramref name="start"/> (one of the starts below) and its inner elements.</summary>
    public static string Esp(string id, string start, string inner) => $"""<subProcess id="{id}" triggeredByEvent="true">{start}{inner}</subProcess>""";

    public static string MessageStart(string id, string messageRef, bool interrupting = true) =>
        $"""<startEvent id="{id}" isInterrupting="{Flag(interrupting)}"><messageEventDefinition messageRef="{messageRef}"/></startEvent>""";

    public static string TimerStart(string id, string text, bool interrupting = true, string kind = "timeDuration") =>
        $"""<startEvent id="{id}" isInterrupting="{Flag(interrupting)}"><timerEventDefinition><{kind}>{Bpmn.Esc(text)}</{kind}></timerEventDefinition></startEvent>""";

    public static string ErrorStart(string id, string? errorRef = null) =>
        $"""<startEvent id="{id}"><errorEventDefinition{(errorRef is null ? "" : $" errorRef=\"{errorRef}\"")}/></startEvent>""";

    public static string EscalationStart(string id, string? escalationRef = null, bool interrupting = true) =>
        $"""<startEvent id="{id}" isInterrupting="{Flag(interrupting)}"><escalationEventDefinition{(escalationRef is null ? "" : $" escalationRef=\"{escalationRef}\"")}/></startEvent>""";

    public static string SignalStart(string id, string signalRef, bool interrupting = true) =>
        $"""<startEvent id="{id}" isInterrupting="{Flag(interrupting)}"><signalEventDefinition signalRef="{signalRef}"/></startEvent>""";

    public static string Escalation(string id, string code) => $"""<escalation id="{id}" name="{id}" escalationCode="{code}"/>""";
    public static string Signal(string id, string name) => $"""<signal id="{id}" name="{Bpmn.Esc(name)}"/>""";

    public static string EscalationThrow(string id, string escalationRef) =>
        $"""<intermediateThrowEvent id="{id}"><escalationEventDefinition escalationRef="{escalationRef}"/></intermediateThrowEvent>""";
    public static string EscalationEnd(string id, string escalationRef) =>
        $"""<endEvent id="{id}"><escalationEventDefinition escalationRef="{escalationRef}"/></endEvent>""";
    public static string BoundaryEscalation(string id, string host, string? escalationRef = null, bool interrupting = true) =>
        $"""<boundaryEvent id="{id}" attachedToRef="{host}" cancelActivity="{Flag(interrupting)}"><escalationEventDefinition{(escalationRef is null ? "" : $" escalationRef=\"{escalationRef}\"")}/></boundaryEvent>""";

    public static string SignalThrow(string id, string signalRef, string extra = "") =>
        $"""<intermediateThrowEvent id="{id}">{(extra.Length > 0 ? $"<extensionElements>{extra}</extensionElements>" : "")}<signalEventDefinition signalRef="{signalRef}"/></intermediateThrowEvent>""";
    public static string SignalEnd(string id, string signalRef) => $"""<endEvent id="{id}"><signalEventDefinition signalRef="{signalRef}"/></endEvent>""";
    public static string SignalCatch(string id, string signalRef) => $"""<intermediateCatchEvent id="{id}"><signalEventDefinition signalRef="{signalRef}"/></intermediateCatchEvent>""";
    public static string BoundarySignal(string id, string host, string signalRef, bool interrupting = true) =>
        $"""<boundaryEvent id="{id}" attachedToRef="{host}" cancelActivity="{Flag(interrupting)}"><signalEventDefinition signalRef="{signalRef}"/></boundaryEvent>""";
}
