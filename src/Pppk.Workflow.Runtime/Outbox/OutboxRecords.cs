namespace Pppk.Workflow.Runtime.Outbox;

/// <summary>
/// A side effect outside the database (a Hangfire enqueue or schedule, later an email), written in the step's
/// transaction and dispatched after commit. <see cref="DedupKey"/> folds equal effects into one row (one drain per due second).
/// </summary>
public sealed class OutboxRecord
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public required string DedupKey { get; set; }
    public DateTimeOffset? RunAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }
}

/// <summary>A trigger for an instance produced by another instance's step (child completed, parent cancelled), run in its own transaction.</summary>
public sealed class InboxRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public required string Trigger { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
