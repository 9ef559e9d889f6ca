namespace Pppk.Workflow.Runtime.Jobs;

/// <summary>
/// A job of an external handler (one that reaches outside the database), written in the step's transaction and run
/// after commit by batched Hangfire jobs. Claimed by setting <see cref="LockedUntil"/>; deleted by the step that takes its result.
/// </summary>
public sealed class JobRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public long WaitId { get; set; }
    public required string ElementId { get; set; }
    public required string Type { get; set; }
    public int Retries { get; set; }
    public required string Variables { get; set; }
    public required string Headers { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
