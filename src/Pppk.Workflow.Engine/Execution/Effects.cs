using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>What a step asks the runtime to do or record. The engine performs none of these itself.</summary>
public abstract record Effect;

public sealed record UserTaskCreated(
    long WaitId, long ElementInstanceKey, string ElementId, string? Name, string? Assignee,
    IReadOnlyList<string> CandidateGroups, IReadOnlyList<string> CandidateUsers,
    DateTimeOffset? DueAt, DateTimeOffset? FollowUpAt, string? FormId, string? FormKey,
    Model.ResourceBinding? FormBinding = null, int Priority = Model.TaskPriority.Default) : Effect;

public sealed record TimerScheduled(long WaitId, string ElementId, DateTimeOffset DueAt) : Effect;

public sealed record MessageSubscriptionOpened(long WaitId, string ElementId, string MessageName, string? CorrelationKey) : Effect;

/// <summary>The instance waits for a signal broadcast with <paramref name="SignalName"/> (catch event, boundary, event subprocess start).</summary>
public sealed record SignalSubscriptionOpened(long WaitId, string ElementId, string SignalName) : Effect;

/// <summary>Broadcast a signal, in this step's transaction: every open subscription with the name is triggered and every process with a matching signal start starts.</summary>
public sealed record SignalThrown(string ElementId, string SignalName, JsonObject Variables) : Effect;

/// <summary>An escalation no boundary event or event subprocess caught; the instance goes on (as in Camunda 8), the history keeps the fact.</summary>
public sealed record EscalationNotCaught(long ElementInstanceKey, string ElementId, string EscalationCode) : Effect;

/// <summary>This instance was called by a parent and threw an escalation it did not catch: report it to the parent as ChildEscalated.</summary>
public sealed record EscalationToParent(long ParentWaitId, string EscalationCode) : Effect;

/// <summary>Run the handler of <paramref name="Type"/>; report back with JobCompleted/JobFailed/JobThrewError for <paramref name="WaitId"/>. <paramref name="NotBefore"/> is set for a retry after back-off.</summary>
public sealed record JobCreated(
    long WaitId, string ElementId, string Type, int Retries, JsonObject Variables,
    IReadOnlyDictionary<string, string> Headers, DateTimeOffset? NotBefore = null) : Effect;

/// <summary>Start an instance of <paramref name="ProcessId"/> (the version <paramref name="Binding"/> names, latest when null) with StartTrigger(Variables, ParentWaitId: WaitId).</summary>
public sealed record ChildInstanceRequested(long WaitId, string ElementId, string ProcessId, JsonObject Variables, Model.ResourceBinding? Binding = null) : Effect;
/// <summary>
/// A message throw or message end event published a message: the runtime correlates it in the same transaction as
/// <c>POST /api/messages</c> does (every waiting subscription with the name and key, one per instance, and message starts).
/// </summary>
public sealed record MessagePublished(long ElementInstanceKey, string ElementId, string Name, string? CorrelationKey, JsonObject Variables) : Effect;

/// <summary>A wait point ended: <paramref name="Triggered"/> when its event happened, otherwise withdrawn (task cancelled, timer cancelled, subscription closed, child to cancel).</summary>
public sealed record WaitPointClosed(long WaitId, WaitKind Kind, string ElementId, bool Triggered) : Effect;

/// <summary>This instance was called by a parent: report completion to the parent's wait.</summary>
public sealed record CompletedToParent(long ParentWaitId, JsonObject Variables) : Effect;

/// <summary>This instance was called by a parent and ended with an error it did not catch: report it to the parent as ChildFailed.</summary>
public sealed record ErrorToParent(long ParentWaitId, string ErrorCode, string? Message) : Effect;

public sealed record ElementStarted(long ElementInstanceKey, string ElementId, string ElementType, string? Name, DateTimeOffset At) : Effect;

public sealed record ElementEnded(
    long ElementInstanceKey, string ElementId, string ElementType, string? Name, DateTimeOffset At,
    bool Terminated, string? CompletedBy, JsonObject? VariablesSet) : Effect;

/// <summary>An incident; <paramref name="Message"/> renders in either language and has the code (the state keeps the English text).</summary>
public sealed record IncidentRaised(long IncidentId, long ElementInstanceKey, string ElementId, LocalizedText Message) : Effect;

public sealed record IncidentResolved(long IncidentId) : Effect;

public sealed record VariablesChanged(long ScopeKey, JsonObject Variables) : Effect;

public sealed record InstanceCompleted(JsonObject Variables) : Effect;

public sealed record InstanceTerminated(string ElementId) : Effect;

public sealed record InstanceCancelled(string? Reason) : Effect;

/// <summary>A modification ran: the element instances it activated (in the order asked) and the element ids it terminated (<paramref name="Terminated"/> instances, a token waiting at a join counting as one).</summary>
public sealed record InstanceModified(IReadOnlyList<ActivatedElement> Activated, IReadOnlyList<string> TerminatedElementIds, int Terminated) : Effect;

/// <summary>An element instance a modification created, with the variables it was given.</summary>
public sealed record ActivatedElement(string ElementId, long ElementInstanceKey, JsonObject? Variables);

/// <summary>The instance moved to another version of its process: <paramref name="Mappings"/> is where each active element went.</summary>
public sealed record InstanceMigrated(IReadOnlyList<Migration.ElementMapping> Mappings) : Effect;

/// <summary>A live element instance now stands at <paramref name="ElementId"/> of the target version (its history row follows).</summary>
public sealed record ElementMigrated(long ElementInstanceKey, string ElementId, string ElementType, string? Name) : Effect;

/// <summary>An open user task kept by a migration: same wait id and assignee, the target element's name, form and priority.</summary>
public sealed record UserTaskMigrated(long WaitId, string ElementId, string? Name, string? FormId, string? FormKey,
    Model.ResourceBinding? FormBinding, int Priority) : Effect;

/// <summary>A job kept by a migration: same wait id and retries, the target element's type and headers.</summary>
public sealed record JobMigrated(long WaitId, string ElementId, string Type, IReadOnlyDictionary<string, string> Headers) : Effect;

/// <summary>A subscription or wait (message, signal, condition, called instance) kept by a migration under the target's element id.</summary>
public sealed record WaitPointMigrated(long WaitId, WaitKind Kind, string ElementId) : Effect;

/// <summary>An open incident carried by a migration to the element its element instance now stands at.</summary>
public sealed record IncidentMigrated(long IncidentId, string ElementId) : Effect;
