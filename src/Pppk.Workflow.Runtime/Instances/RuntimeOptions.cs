namespace Pppk.Workflow.Runtime.Instances;

/// <summary>The <c>Runtime</c> section.</summary>
public sealed class RuntimeOptions
{
    public const string Section = "Runtime";

    /// <summary>Finished instances keep their engine state this long; then it is dropped and only the history stays.</summary>
    public TimeSpan StateRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The history (the audit trail of every step) is kept this long, counted from the end of the month its rows
    /// started in; then housekeeping drops that month's partition whole. Ten years: longer than the longest contract
    /// (5 years) and its renewal; set it to the agency's records retention schedule (JRA).
    /// </summary>
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(3653);

    /// <summary>Time zone of timer start events and due dates shown to people.</summary>
    public string TimeZone { get; set; } = "Asia/Makassar";

    /// <summary>Folder deployed at start-up (BPMN, forms, calendars), relative to the home folder.</summary>
    public string WorkflowsDirectory { get; set; } = "workflows";

    /// <summary>How often each node compares its holiday calendar with the database's and reloads it after an edit made on another node.</summary>
    public TimeSpan CalendarRefresh { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Registers the <c>diagnostics.probe</c> job type for crash, scale-out and load tests. Off in production.</summary>
    public bool EnableProbeHandler { get; set; }

    /// <summary>
    /// Group commit: how many transactions may run API steps (start instance, complete task) at once. Calls that arrive
    /// while they are busy wait and then run together, many steps in one transaction. 0 turns grouping off. Measured on
    /// the 2-core box (runtime benchmark, 8 and 32 clients): 1 or 2 lanes give about twice the steps/s of 4 (bigger
    /// batches, less CPU per step); 2 keeps one lane moving while a long step (a big ranking) holds the other.
    /// </summary>
    public int GroupCommitLanes { get; set; } = 2;

    /// <summary>
    /// Group commit: under load (the last batch had more than one call), a lane waits up to this long for as many calls
    /// as the last batch had before it starts the next one, so batches stay as big as the load; a lone caller never
    /// waits. Measured at 8 clients (runtime benchmark): 2,450-2,900 steps/s without, 3,350-3,990 with 2 ms. Zero turns it off.
    /// </summary>
    public TimeSpan GroupCommitLinger { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Group commit: the most steps one transaction takes.</summary>
    public int GroupCommitMaxBatch { get; set; } = 64;

    /// <summary>
    /// The step deadline: the most one step (a trigger run through the engine with its inline handlers), or a unit of work's
    /// own queries before its steps, may take. Past it the step's transaction is rolled back, the element gets an incident
    /// (or the caller a problem) and the instance is free again. The database ends a step transaction left idle for twice this.
    /// </summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The absolute workflows folder, set by the host from <see cref="WorkflowsDirectory"/>.</summary>
    public string? WorkflowsPath { get; set; }
}
