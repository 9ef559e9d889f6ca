namespace Pppk.Workflow.Runtime.Messages;

/// <summary>An open message subscription (receive task, catch event, boundary, event-based gateway branch).</summary>
public sealed class MessageSubscriptionRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public long WaitId { get; set; }
    public required string ElementId { get; set; }
    public required string MessageName { get; set; }
    public string? CorrelationKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A published message kept for its time to live, waiting for a subscription to open.</summary>
public sealed class BufferedMessageRecord
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public string? CorrelationKey { get; set; }
    public string? Variables { get; set; }
    public string? MessageId { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>A message id seen within its time to live: a repeat is accepted once.</summary>
public sealed class MessageIdRecord
{
    public required string MessageId { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
