using Npgsql;
using NpgsqlTypes;
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
}

/// <summary>Writes emails into <c>pppk.emails</c>, inside the caller's transaction when it has one.</summary>
public sealed class EmailQueue(MessageIds messageIds)
{
    /// <summary>Queues the emails in the step's transaction; returns how many rows were added (a repeated dedup key adds none).</summary>
    public Task<int> QueueAsync(StepUnitOfWork step, IReadOnlyList<OutgoingEmail> emails, CancellationToken ct) => QueueAsync(step.Batch, emails, ct);

    private async Task<int> QueueAsync(Func<NpgsqlBatch> newBatch, IReadOnlyList<OutgoingEmail> emails, CancellationToken ct)
    {
        if (emails.Count == 0) return 0;
        var added = 0;
        // One row per statement keeps text[] columns simple (unnest cannot take ragged arrays); batched in one round trip.
        await using var batch = newBatch();
        var now = DateTimeOffset.UtcNow;
        foreach (var e in emails)
        {
            var cmd = new NpgsqlBatchCommand("""
                INSERT INTO pppk.emails (message_id, dedup_key, instance_id, element_id, template, "to", cc, subject, html, text, status, attempts, last_error, next_attempt_at, created_at)
                VALUES (@mid, @dedup, @inst, @elem, @tpl, @to, @cc, @subject, @html, @text, @status, 0, @error, @now, @now)
                ON CONFLICT (dedup_key) DO NOTHING
                """);
            cmd.Parameters.AddWithValue("mid", messageIds.Create());
            cmd.Parameters.AddWithValue("dedup", (object?)e.DedupKey ?? DBNull.Value);
            cmd.Parameters.AddWithValue("inst", NpgsqlDbType.Uuid, (object?)e.InstanceId ?? DBNull.Value);
            cmd.Parameters.AddWithValue("elem", (object?)e.ElementId ?? DBNull.Value);
            cmd.Parameters.AddWithValue("tpl", e.Template);
            cmd.Parameters.AddWithValue("to", e.To.ToArray());
            cmd.Parameters.AddWithValue("cc", e.Cc.ToArray());
            cmd.Parameters.AddWithValue("subject", e.Subject);
            cmd.Parameters.AddWithValue("html", e.Html);
            cmd.Parameters.AddWithValue("text", e.Text);
            cmd.Parameters.AddWithValue("status", e.Error is null ? EmailStatus.Queued : EmailStatus.Failed);
            cmd.Parameters.AddWithValue("error", (object?)(e.Error ?? e.Warning) ?? DBNull.Value);
            cmd.Parameters.AddWithValue("now", now);
            batch.BatchCommands.Add(cmd);
        }
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

public static class EmailStatus
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Failed = "failed";
}

/// <summary>Stable Message-IDs: a random id at the configured domain, fixed when the email is queued.</summary>
public sealed class MessageIds(string domain)
{
    public string Create() => $"{Guid.CreateVersion7():N}@{domain}";
}
