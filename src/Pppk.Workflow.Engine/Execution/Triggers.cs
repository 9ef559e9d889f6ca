using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>Something that happened to an instance. The runtime loads the state, calls <see cref="WorkflowEngine.Handle"/> and stores the result.</summary>
public abstract record Trigger;

/// <summary>Start a new instance. <paramref name="StartEventId"/> picks a message or timer start; null picks the none start. <paramref name="ParentWaitId"/> is set when a call activity starts it.</summary>
public sealed record StartTrigger(JsonObject? Variables = null, string? StartEventId = null, long? ParentWaitId = null) : Trigger;

public sealed record UserTaskCompleted(long WaitId, string? CompletedBy, JsonObject? Variables = null) : Trigger;

/// <summary>An open task's assignee changed (claim, unclaim, assign; null: released): its assigning listeners run.</summary>
public sealed record TaskAssigned(long WaitId, string? Assignee) : Trigger;

public sealed record TimerFired(long WaitId) : Trigger;

public sealed record MessageCorrelated(long WaitId, JsonObject? Variables = null) : Trigger;

/// <summary>A signal with the subscription's name was broadcast (POST /api/signals or a signal throw event).</summary>
public sealed record SignalReceived(long WaitId, JsonObject? Variables = null) : Trigger;

/// <summary>A conditional event's condition became true at the end of a step. The engine raises it itself; the runtime never sends it.</summary>
public sealed record ConditionSatisfied(long WaitId) : Trigger;

public sealed record JobCompleted(long WaitId, JsonObject? Variables = null) : Trigger;

/// <summary>
/// The handler failed. With retries left the job is scheduled again after <paramref name="Backoff"/>; with none an incident is raised.
/// <paramref name="Message"/> is the handler's own text, as it gave it; <paramref name="Reason"/> is set instead when the runtime
/// itself failed the job (no handler), so the incident quotes it in the user's language.
/// </summary>
public sealed record JobFailed(long WaitId, string Message, int RetriesLeft, TimeSpan Backoff = default, LocalizedText? Reason = null) : Trigger;

/// <summary>The handler threw a BPMN error, caught by the nearest boundary error event with a matching code.</summary>
public sealed record JobThrewError(long WaitId, string ErrorCode, string? Message = null, JsonObject? Variables = null) : Trigger;

public sealed record ChildCompleted(long WaitId, JsonObject? Variables = null) : Trigger;

/// <summary>A called instance threw an escalation it did not catch; it goes on, and the escalation is thrown again at the call activity.</summary>
public sealed record ChildEscalated(long WaitId, string EscalationCode) : Trigger;

/// <summary>A called instance ended with an error it did not catch.</summary>
public sealed record ChildFailed(long WaitId, string ErrorCode, string? Message = null) : Trigger;

public sealed record CancelInstance(string? Reason = null) : Trigger;

/// <summary>Sets variables on the process scope, or on a given element instance scope (e.g. to fix an incident).</summary>
public sealed record SetVariables(JsonObject Variables, long? ScopeKey = null) : Trigger;

public sealed record RetryIncident(long IncidentId) : Trigger;

/// <summary>The runtime could not start the process a call activity names (unknown key): an incident on the call activity; retry asks again.</summary>
public sealed record ChildStartFailed(long WaitId, LocalizedText Message) : Trigger;

/// <summary>
/// Process instance modification, in one step: every active instance of each element in <paramref name="TerminateElementIds"/>
/// is terminated and each of <paramref name="Activate"/> is activated (creating the scopes it needs). Check it first with
/// <see cref="WorkflowEngine.CheckModification"/>; a refused one changes nothing.
/// </summary>
public sealed record ModifyInstance(IReadOnlyList<ElementActivation> Activate, IReadOnlyList<string> TerminateElementIds) : Trigger;

/// <summary>An element to activate; <paramref name="Variables"/> become local variables of the scope it is activated in.</summary>
public sealed record ElementActivation(string ElementId, JsonObject? Variables = null);
