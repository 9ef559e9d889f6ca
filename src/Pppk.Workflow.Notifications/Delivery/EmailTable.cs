using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Notifications.Delivery;

/// <summary>The values of <c>pppk.emails.status</c>.</summary>
public static class EmailStatus
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Failed = "failed";
}

/// <summary>
/// The owner of <c>pppk.emails</c> (its schema is <see cref="Database.EmailRecord"/>): the queue's insert, the sender's
/// claim and outcomes, the outbox screen's reads and retry, and the emails sent to one address.
/// </summary>
public static class EmailTable
{
    /// <summary>A row claimed for delivery, as <see cref="EmailMessage.Build"/> turns it into a MIME message.</summary>
    public sealed record Claimed(long Id, string MessageId, string[] To, string[] Cc, string Subject, string Html, string Text, DateTimeOffset CreatedAt, int Attempts)
    {
        public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
    }

    /// <summary>An email as the outbox screen shows it; the rendered <see cref="Html"/> and <see cref="Text"/> only when one email is asked for.</summary>
    internal sealed record View(long Id, string MessageId, string[] To, string[] Cc, string Template, string Subject, string Status, int Attempts,
        string? LastError, Guid? InstanceId, string? ElementId, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset NextAttemptAt)
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Html { get; init; }
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Text { get; init; }
    }

    /// <summary>An email sent (or queued) to an address: what its owner was told, when.</summary>
    public sealed record SentTo(long Id, string Template, string Subject, string Status, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

    private const string ViewColumns = """id, message_id, "to", cc, template, subject, status, attempts, last_error, instance_id, element_id, created_at, sent_at, next_attempt_at""";

    /// <summary>The insert of one email, as its own statement of the caller's batch; a repeated dedup key adds nothing.</summary>
    internal static NpgsqlBatchCommand Insert(OutgoingEmail e, string messageId, DateTimeOffset now)
    {
        var cmd = new NpgsqlBatchCommand("""
            INSERT INTO pppk.emails (message_id, dedup_key, instance_id, element_id, template, "to", cc, subject, html, text, status, attempts, last_error, next_attempt_at, created_at,
                                     attachment_names, attachment_types, attachment_contents)
            VALUES (@mid, @dedup, @inst, @elem, @tpl, @to, @cc, @subject, @html, @text, @status, 0, @error, @now, @now, @an, @at, @ac)
            ON CONFLICT (dedup_key) DO NOTHING
            """);
        cmd.Parameters.AddWithValue("mid", messageId);
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
        cmd.Parameters.AddWithValue("an", e.Attachments.Select(a => a.FileName).ToArray());
        cmd.Parameters.AddWithValue("at", e.Attachments.Select(a => a.ContentType).ToArray());
        cmd.Parameters.AddWithValue("ac", NpgsqlDbType.Array | NpgsqlDbType.Bytea, e.Attachments.Select(a => a.Content).ToArray());
        return cmd;
    }

    /// <summary>
    /// An email queued with a step's flush (<see cref="EmailQueue.Queue"/>): the emails of one transaction are written by one
    /// <c>INSERT … SELECT … FROM unnest(…)</c>. Recipients travel as one JSON array per row (<c>unnest</c> cannot take
    /// ragged arrays); an email with attachments has a statement of its own (<see cref="Insert"/>).
    /// </summary>
    internal sealed class Row(OutgoingEmail email, string messageId, DateTimeOffset now) : StepRows
    {
        private OutgoingEmail Email { get; } = email;
        private string MessageId { get; } = messageId;
        private DateTimeOffset Now { get; } = now;

        protected override IEnumerable<NpgsqlBatchCommand> Commands(IReadOnlyList<StepRows> rows)
        {
            var all = rows.Cast<Row>().ToList();
            foreach (var r in all.Where(r => r.Email.Attachments.Count > 0)) yield return Insert(r.Email, r.MessageId, r.Now);
            var plain = all.Where(r => r.Email.Attachments.Count == 0).ToList();
            if (plain.Count == 0) yield break;
            var cmd = new NpgsqlBatchCommand("""
                INSERT INTO pppk.emails (message_id, dedup_key, instance_id, element_id, template, "to", cc, subject, html, text, status, attempts, last_error, next_attempt_at, created_at)
                SELECT mid, dedup, inst, elem, tpl, ARRAY(SELECT jsonb_array_elements_text(to_json)), ARRAY(SELECT jsonb_array_elements_text(cc_json)),
                       subject, html, text, status, 0, error, now_at, now_at
                FROM unnest(@mid, @dedup, @inst, @elem, @tpl, @to, @cc, @subject, @html, @text, @status, @error, @now)
                     AS u(mid, dedup, inst, elem, tpl, to_json, cc_json, subject, html, text, status, error, now_at)
                ON CONFLICT (dedup_key) DO NOTHING
                """);
            cmd.Parameters.AddWithValue("mid", plain.Select(r => r.MessageId).ToArray());
            cmd.Parameters.AddWithValue("dedup", NpgsqlDbType.Array | NpgsqlDbType.Text, plain.Select(r => r.Email.DedupKey).ToArray());
            cmd.Parameters.AddWithValue("inst", NpgsqlDbType.Array | NpgsqlDbType.Uuid, plain.Select(r => r.Email.InstanceId).ToArray());
            cmd.Parameters.AddWithValue("elem", NpgsqlDbType.Array | NpgsqlDbType.Text, plain.Select(r => r.Email.ElementId).ToArray());
            cmd.Parameters.AddWithValue("tpl", plain.Select(r => r.Email.Template).ToArray());
            cmd.Parameters.AddWithValue("to", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, plain.Select(r => JsonSerializer.Serialize(r.Email.To)).ToArray());
            cmd.Parameters.AddWithValue("cc", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, plain.Select(r => JsonSerializer.Serialize(r.Email.Cc)).ToArray());
            cmd.Parameters.AddWithValue("subject", plain.Select(r => r.Email.Subject).ToArray());
            cmd.Parameters.AddWithValue("html", plain.Select(r => r.Email.Html).ToArray());
            cmd.Parameters.AddWithValue("text", plain.Select(r => r.Email.Text).ToArray());
            cmd.Parameters.AddWithValue("status", plain.Select(r => r.Email.Error is null ? EmailStatus.Queued : EmailStatus.Failed).ToArray());
            cmd.Parameters.AddWithValue("error", NpgsqlDbType.Array | NpgsqlDbType.Text, plain.Select(r => r.Email.Error ?? r.Email.Warning).ToArray());
            cmd.Parameters.AddWithValue("now", plain.Select(r => r.Now).ToArray());
            yield return cmd;
        }
    }

    /// <summary>Leases up to <paramref name="take"/> due rows to sender <paramref name="slot"/> (its own lapsed or held rows included), in id order.</summary>
    internal static async Task<List<Claimed>> ClaimAsync(NpgsqlDataSource db, int slot, TimeSpan lease, int take, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE pppk.emails e SET lease_until = now() + @lease, lease_owner = @slot
            WHERE e.id IN (SELECT id FROM pppk.emails
                           WHERE status = 'queued' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now() OR lease_owner = @slot)
                           ORDER BY next_attempt_at, id LIMIT @take FOR UPDATE SKIP LOCKED)
            RETURNING e.id, e.message_id, e."to", e.cc, e.subject, e.html, e.text, e.created_at, e.attempts, e.attachment_names, e.attachment_types, e.attachment_contents
            """);
        cmd.Parameters.AddWithValue("lease", lease);
        cmd.Parameters.AddWithValue("slot", slot);
        cmd.Parameters.AddWithValue("take", take);
        var rows = new List<Claimed>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add(new Claimed(r.GetInt64(0), r.GetString(1), r.GetFieldValue<string[]>(2), r.GetFieldValue<string[]>(3), r.GetString(4),
                r.GetString(5), r.GetString(6), r.GetFieldValue<DateTimeOffset>(7), r.GetInt32(8)) { Attachments = ReadAttachments(r, 9) });
        rows.Sort((a, b) => a.Id.CompareTo(b.Id));
        return rows;
    }

    internal static async Task MarkSentAsync(NpgsqlDataSource db, long id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("UPDATE pppk.emails SET status = 'sent', sent_at = now(), attempts = attempts + 1, lease_until = NULL, lease_owner = NULL WHERE id = @id");
        cmd.Parameters.AddWithValue("id", id);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Records a failed attempt: <paramref name="status"/> queued (again after <paramref name="delay"/>) or failed for good.</summary>
    internal static async Task MarkFailedAttemptAsync(NpgsqlDataSource db, long id, string status, int attempts, string error, TimeSpan delay, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE pppk.emails SET status = @status, attempts = @attempts, last_error = @error, next_attempt_at = now() + @delay,
                   lease_until = NULL, lease_owner = NULL WHERE id = @id
            """);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("status", status);
        cmd.Parameters.AddWithValue("attempts", attempts);
        cmd.Parameters.AddWithValue("error", error);
        cmd.Parameters.AddWithValue("delay", delay);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Gives leased rows back, due no sooner than <paramref name="delay"/> from now, without spending an attempt.</summary>
    internal static async Task ReleaseAsync(NpgsqlDataSource db, long[] ids, TimeSpan delay, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("UPDATE pppk.emails SET lease_until = NULL, lease_owner = NULL, next_attempt_at = greatest(next_attempt_at, now() + @delay) WHERE id = ANY(@ids)");
        cmd.Parameters.AddWithValue("ids", ids);
        cmd.Parameters.AddWithValue("delay", delay);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Renews the lease on the rows <paramref name="slot"/> still holds and has not sent.</summary>
    internal static async Task ExtendLeaseAsync(NpgsqlDataSource db, long[] ids, int slot, TimeSpan lease, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("UPDATE pppk.emails SET lease_until = now() + @lease WHERE id = ANY(@ids) AND lease_owner = @slot AND status = 'queued'");
        cmd.Parameters.AddWithValue("ids", ids);
        cmd.Parameters.AddWithValue("lease", lease);
        cmd.Parameters.AddWithValue("slot", slot);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Whether a queued row is due now and not leased.</summary>
    internal static async Task<bool> AnyDueAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM pppk.emails WHERE status = 'queued' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now()))");
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>When the next queued row can be taken (its retry time, or its lease's end); null when none is queued.</summary>
    internal static async Task<DateTimeOffset?> NextDueAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT min(greatest(next_attempt_at, coalesce(lease_until, next_attempt_at))) FROM pppk.emails WHERE status = 'queued'");
        return await cmd.ExecuteScalarAsync(ct) is DateTime next ? new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc)) : null;
    }

    /// <summary>A page of the outbox, newest first, filtered by what the caller gave, and how many rows match.</summary>
    internal static async Task<(List<View> Items, (int Total, bool Capped) Total)> ListAsync(NpgsqlDataSource db, string? status, Guid? instanceId, string? template,
        long? beforeId, int take, int skip, CancellationToken ct)
    {
        var filter = new SqlFilter()
            .When(status, "status = @status", "status")
            .When(instanceId, "instance_id = @inst", "inst")
            .When(template, "template = @tpl", "tpl");
        // Newest first; after a cursor, the ids below the last one read (a keyset page over the primary key).
        var page = new SqlFilter().When(beforeId, "id < @before", "before");
        await using var cmd = page.Bind(filter.Bind(db.CreateCommand($"""
            SELECT {ViewColumns}
            FROM pppk.emails WHERE {filter.Where} AND {page.Where} ORDER BY id DESC LIMIT @take OFFSET @skip
            """)));
        cmd.Parameters.AddWithValue("take", take);
        cmd.Parameters.AddWithValue("skip", skip);
        var items = new List<View>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                items.Add(ReadView(r));
        return (items, await ListTotal.CountAsync(db, $"SELECT 1 FROM pppk.emails WHERE {filter.Where}", filter, ct));
    }

    /// <summary>One email with its rendered bodies; null if there is none.</summary>
    internal static async Task<View?> GetAsync(NpgsqlDataSource db, long id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {ViewColumns}, html, text
            FROM pppk.emails WHERE id = @id
            """);
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? ReadView(r) with { Html = r.GetString(14), Text = r.GetString(15) } : null;
    }

    /// <summary>Queues a failed email again with fresh attempts; false when it is not failed (or does not exist).</summary>
    internal static async Task<bool> RetryFailedAsync(NpgsqlDataSource db, long id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE pppk.emails SET status = 'queued', attempts = 0, next_attempt_at = now(), lease_until = NULL, lease_owner = NULL
            WHERE id = @id AND status = 'failed' RETURNING id
            """);
        cmd.Parameters.AddWithValue("id", id);
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>The email's status; null if there is none.</summary>
    internal static async Task<string?> StatusAsync(NpgsqlDataSource db, long id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT status FROM pppk.emails WHERE id = @id");
        cmd.Parameters.AddWithValue("id", id);
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>The emails with <paramref name="address"/> among their recipients (any case), newest first, at most <paramref name="take"/>.</summary>
    public static async Task<List<SentTo>> SentToAsync(NpgsqlDataSource db, string address, int take, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT id, template, subject, status, created_at, sent_at FROM pppk.emails
            WHERE lower(@address) = ANY(SELECT lower(x) FROM unnest("to") AS x) ORDER BY created_at DESC LIMIT @take
            """);
        cmd.Parameters.AddWithValue("address", address);
        cmd.Parameters.AddWithValue("take", take);
        var emails = new List<SentTo>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            emails.Add(new SentTo(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5)));
        return emails;
    }

    private static EmailAttachment[] ReadAttachments(NpgsqlDataReader r, int first)
    {
        var names = r.GetFieldValue<string[]>(first);
        var types = r.GetFieldValue<string[]>(first + 1);
        var contents = r.GetFieldValue<byte[][]>(first + 2);
        return [.. names.Select((name, i) => new EmailAttachment(name, types[i], contents[i]))];
    }

    private static View ReadView(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetFieldValue<string[]>(2), r.GetFieldValue<string[]>(3),
        r.GetString(4), r.GetString(5), r.GetString(6), r.GetInt32(7), r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetGuid(9),
        r.IsDBNull(10) ? null : r.GetString(10), r.GetFieldValue<DateTimeOffset>(11), r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12),
        r.GetFieldValue<DateTimeOffset>(13));
}
