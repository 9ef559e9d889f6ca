using Npgsql;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Notifications.Delivery;

/// <summary>A rendered email to be queued.</summary>
public sealed record OutgoingEmail(string Template, IReadOnlyList<string> To, IReadOnlyList<string> Cc, string Subject, string Html, string Text)
{
    public Guid? InstanceId { get; init; }
    public string? ElementId { get; init; }

    /// <summary>Queueing the same key again adds nothing (a job run twice, a digest re-run).</summary>
    public string? DedupKey { get; init; }

    /// <summary>Set when the email can't be sent (no valid recipient): it is stored as failed with this reason.</summary>
    public string? Error { get; init; }

    /// <summary>Recipients left out (named), noted on the email while the others still get it.</summary>
    public string? Warning { get; init; }

    /// <summary>Files sent with it (bounded by <see cref="EmailOptions.MaxAttachmentBytes"/> when queued from a task).</summary>
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
}

/// <summary>Writes emails into the outbox (<see cref="EmailTable"/>), inside the caller's transaction when it has one.</summary>
public sealed class EmailQueue(MessageIds messageIds)
{
    /// <summary>
    /// Queues the emails with the step's flush: written in the step's transaction, in the round trip that writes the
    /// step's own rows, with the emails of the transaction's other steps in one statement (<see cref="EmailTable.Row"/>),
    /// so a burst of email steps costs neither a round trip nor a statement per email (a repeated dedup key adds nothing).
    /// </summary>
    public void Queue(StepUnitOfWork step, IReadOnlyList<OutgoingEmail> emails)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var e in emails) step.Write(new EmailTable.Row(e, messageIds.Create(), now));
    }

    private async Task<int> QueueAsync(Func<NpgsqlBatch> newBatch, IReadOnlyList<OutgoingEmail> emails, CancellationToken ct)
    {
        if (emails.Count == 0) return 0;
        var added = 0;
        // One row per statement keeps text[] columns simple (unnest cannot take ragged arrays); batched in one round trip.
        await using var batch = newBatch();
        var now = DateTimeOffset.UtcNow;
        foreach (var e in emails)
            batch.BatchCommands.Add(EmailTable.Insert(e, messageIds.Create(), now));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        do { } while (await reader.NextResultAsync(ct));
        foreach (var c in batch.BatchCommands) added += c.RecordsAffected;
        return added;
    }

    /// <summary>Queues on a connection of its own and commits.</summary>
    public async Task<int> QueueAsync(NpgsqlDataSource db, IReadOnlyList<OutgoingEmail> emails, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await QueueAsync(() => new NpgsqlBatch(connection), emails, ct);
    }
}

/// <summary>Stable Message-IDs: a random id at the configured domain, fixed when the email is queued.</summary>
public sealed class MessageIds(string domain)
{
    public string Create() => $"{Guid.CreateVersion7():N}@{domain}";
}
