using Pppk.Workflow.Engine.Model;

namespace Pppk.Workflow.Engine.Validation;

/// <summary>What the engine does not run, with what to draw instead.</summary>
internal static class UnsupportedElements
{
    public static string? ForNodeType(FlowNode node) => node.Type switch
    {
        "inclusiveGateway" => "Inclusive gateways are not supported yet; use exclusive or parallel gateways.",
        "complexGateway" => "Complex gateways are not supported; use exclusive or parallel gateways.",
        "adHocSubProcess" => "Ad-hoc subprocesses are not supported; use an embedded subprocess with gateways.",
        "transaction" => "Transactions are not supported; use an embedded subprocess with boundary error events.",
        "subProcess" when node.TriggeredByEvent => "Event subprocesses are not supported yet; use boundary events on an embedded subprocess.",
        "callChoreography" or "choreographyTask" or "subChoreography" => "Choreographies are not executable; model the participant's process instead.",
        _ => null,
    };

    public static string ForEvent(EventKind kind) => kind switch
    {
        EventKind.Signal => "Signal events are not supported; use message events with a correlation key.",
        EventKind.Escalation => "Escalation events are not supported; use error events, or a non-interrupting timer for reminders.",
        EventKind.Compensate => "Compensation is not supported; model the undo steps explicitly after a boundary error event.",
        EventKind.Conditional => "Conditional events are not supported; use an exclusive gateway, or a message sent when the condition becomes true.",
        EventKind.Link => "Link events are not supported; draw the sequence flow directly.",
        _ => "Cancel events are not supported (they belong to transactions); use error events.",
    };

    public static string ForScopeChild(string localName) => localName switch
    {
        "dataObject" or "dataObjectReference" => "Data objects are not supported; keep data in process variables (zeebe:ioMapping).",
        "dataStoreReference" or "dataStore" => "Data stores are not supported; read and write data in a service task handler.",
        _ => $"<{localName}> is not part of the executable subset; remove it.",
    };
}
