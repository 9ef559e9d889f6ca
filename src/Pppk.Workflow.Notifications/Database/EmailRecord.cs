namespace Pppk.Workflow.Notifications.Database;

/// <summary>One email in the outbox: rendered when queued, then delivered (or failed) on its own.</summary>
public sealed class EmailRecord
{
    public long Id { get; set; }

    /// <summary>The stable RFC 5322 Message-ID, the same on every delivery attempt.</summary>
    public required string MessageId { get; set; }

    /// <summary>Folds a re-run of the same queueing (a job run again) into one row; null for ad-hoc emails.</summary>
    public string? DedupKey { get; set; }

    public Guid? InstanceId { get; set; }
    public string? ElementId { get; set; }
    public required string Template { get; set; }
    public string[] To { get; set; } = [];
    public string[] Cc { get; set; } = [];
    public required string Subject { get; set; }
    public required string Html { get; set; }
    public required string Text { get; set; }

    /// <summary>queued, sent or failed.</summary>
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Set while a sender holds the row; a crashed sender's rows are taken again once it passes.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>The sender slot holding the lease; a sender that takes the slot's lock takes over its rows at once.</summary>
    public int? LeaseOwner { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The attached files, by position in the three arrays (name, MIME type, bytes); empty for most emails.</summary>
    public string[] AttachmentNames { get; set; } = [];
    public string[] AttachmentTypes { get; set; } = [];
    public byte[][] AttachmentContents { get; set; } = [];
}
