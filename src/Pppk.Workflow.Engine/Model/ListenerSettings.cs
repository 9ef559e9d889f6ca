namespace Pppk.Workflow.Engine.Model;

/// <summary>When a listener runs: before or after an element (execution listeners), before a user task is created or completed, or after it is assigned (task listeners).</summary>
public enum ListenerPhase { Start, End, Creating, Completing, Assigning }

/// <summary>One <c>zeebe:executionListener</c> or <c>zeebe:taskListener</c>: a job of <see cref="Type"/> the element waits for, as Camunda 8.6+ runs them.</summary>
public sealed record ListenerSettings(string? EventType, string? Type, string? Retries, bool IsTaskListener)
{
    /// <summary>The phase the event type names (Camunda 8.8 names and the earlier ones); null for one this engine does not run.</summary>
    public ListenerPhase? Phase => (IsTaskListener, EventType?.Trim()) switch
    {
        (false, "start") => ListenerPhase.Start,
        (false, "end") => ListenerPhase.End,
        (true, "creating" or "create") => ListenerPhase.Creating,
        (true, "completing" or "complete") => ListenerPhase.Completing,
        (true, "assigning" or "assignment") => ListenerPhase.Assigning,
        _ => null,
    };

    /// <summary>Task listener events Camunda has that this engine does not run yet.</summary>
    public static readonly HashSet<string> UnsupportedTaskEvents = ["updating", "update", "canceling", "cancel"];
}
