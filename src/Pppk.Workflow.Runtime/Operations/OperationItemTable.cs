using Npgsql;
using NpgsqlTypes;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Operations;

/// <summary>One instance (or, for start, one new instance) of an operation: pending until a chunk does it, then done or failed.</summary>
public sealed class OperationItemRecord
{
    public Guid OperationId { get; set; }

    /// <summary>1, 2, … in the order chunks take them.</summary>
    public int ItemNo { get; set; }

    /// <summary>The instance worked on; for start, the instance started (null until then).</summary>
    public Guid? InstanceId { get; set; }

    /// <summary>A start item's <c>{ businessKey, variables }</c> (jsonb); null for the other types.</summary>
    public string? Payload { get; set; }

    /// <summary>pending, done or failed.</summary>
    public required string State { get; set; }
    public string? Code { get; set; }

    /// <summary>Why it failed, in English and Indonesian.</summary>
    public string? Message { get; set; }
    public string? MessageIndonesian { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>An item a chunk claimed.</summary>
internal sealed record ClaimedItem(int ItemNo, Guid? InstanceId, string? Payload);

/// <summary>What a chunk did with an item: done (with the instance, for start) or failed with the reason.</summary>
internal sealed record ItemOutcome(int ItemNo, Guid? InstanceId, LocalizedText? Failure);

/// <summary>
/// The owner of <c>pppk.operation_items</c>: materialized when the operation is created (from the instance filter in one
/// INSERT … SELECT, or the start items), claimed by chunks (FOR UPDATE SKIP LOCKED) and settled in the chunk's transaction.
/// </summary>
public static class OperationItemTable
{
    /// <summary>The filter as SQL over <c>pppk.instances</c>.</summary>
    private static SqlFilter Where(OperationFilter f) => f.Conditions.AddTo(new SqlFilter()
        .When(f.DefinitionKey, "i.definition_key = @key", "key")
        .When(f.Version, "i.version = @version", "version")
        .When(f.Status, "i.status = @status", "status")
        .When(f.BusinessKeys is { Count: > 0 } bks ? bks.ToArray() : null, "i.business_key = ANY(@bks)", "bks")
        .When(f.InstanceIds is { Count: > 0 } ids ? ids.ToArray() : null, "i.id = ANY(@ids)", "ids"));

    /// <summary>Inserts one item per instance the filter finds, in id order; answers how many.</summary>
    internal static async Task<int> MaterializeAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid operationId, OperationFilter filter, CancellationToken ct)
    {
        var where = Where(filter);
        await using var cmd = where.Bind(new NpgsqlCommand($"""
            INSERT INTO pppk.operation_items (operation_id, item_no, instance_id, state)
            SELECT @op, row_number() OVER (ORDER BY i.id), i.id, 'pending' FROM pppk.instances i WHERE {where.Where}
            """, conn, tx));
        cmd.Parameters.AddWithValue("op", operationId);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>How many instances the filter finds (a dry run).</summary>
    public static async Task<int> CountAsync(NpgsqlDataSource db, OperationFilter filter, CancellationToken ct)
    {
        var where = Where(filter);
        await using var cmd = where.Bind(db.CreateCommand($"SELECT count(*) FROM pppk.instances i WHERE {where.Where}"));
        return (int)(long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// One instance for each distinct (version, set of active elements) among those the filter finds, at most
    /// <paramref name="limit"/> sets: a migrate dry run checks its plan once per set, not once per instance.
    /// </summary>
    public static async Task<List<Guid>> RepresentativesAsync(NpgsqlDataSource db, OperationFilter filter, int limit, CancellationToken ct)
    {
        var where = Where(filter);
        await using var cmd = where.Bind(db.CreateCommand($"""
            SELECT (array_agg(id ORDER BY id))[1] FROM (
                SELECT i.id, i.version, ARRAY(SELECT DISTINCT e->>'elementId' FROM jsonb_array_elements(i.state->'elements') e ORDER BY 1) AS active
                FROM pppk.instances i WHERE {where.Where} AND i.state IS NOT NULL) x
            GROUP BY version, active ORDER BY 1 LIMIT @limit
            """));
        cmd.Parameters.AddWithValue("limit", limit);
        var ids = new List<Guid>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids.Add(r.GetGuid(0));
        return ids;
    }

    /// <summary>Inserts the start items (each a <c>{ businessKey, variables }</c> JSON), numbered in the given order.</summary>
    internal static async Task InsertStartsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid operationId, IReadOnlyList<string> payloads, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO pppk.operation_items (operation_id, item_no, payload, state)
            SELECT @op, u.n, u.payload::jsonb, 'pending' FROM unnest(@payloads) WITH ORDINALITY AS u(payload, n)
            """, conn, tx);
        cmd.Parameters.AddWithValue("op", operationId);
        cmd.Parameters.AddWithValue("payloads", payloads.ToArray());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Claims the next pending items of the operation for this chunk's transaction; items another runner holds are skipped,
    /// and a claimed item is pending again only if this transaction rolls back.
    /// </summary>
    internal static async Task<List<ClaimedItem>> ClaimAsync(StepTransaction tx, Guid operationId, int count, CancellationToken ct)
    {
        await using var cmd = tx.Command("""
            SELECT item_no, instance_id, payload::text FROM pppk.operation_items
            WHERE operation_id = @op AND state = 'pending' ORDER BY item_no LIMIT @n FOR UPDATE SKIP LOCKED
            """);
        cmd.Parameters.AddWithValue("op", operationId);
        cmd.Parameters.AddWithValue("n", count);
        var items = new List<ClaimedItem>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) items.Add(new(r.GetInt32(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.IsDBNull(2) ? null : r.GetString(2)));
        return items;
    }

    /// <summary>Settles the chunk's items (done, or failed with the reason) in the chunk's transaction.</summary>
    internal static async Task SettleAsync(StepTransaction tx, Guid operationId, IReadOnlyList<ItemOutcome> outcomes, CancellationToken ct)
    {
        if (outcomes.Count == 0) return;
        await using var cmd = tx.Command("""
            UPDATE pppk.operation_items i SET state = u.state, instance_id = coalesce(u.inst, i.instance_id), code = u.code, message = u.msg,
                message_indonesian = u.msgid, ended_at = now()
            FROM unnest(@no, @state, @inst, @code, @msg, @msgid) AS u(no, state, inst, code, msg, msgid)
            WHERE i.operation_id = @op AND i.item_no = u.no
            """);
        cmd.Parameters.AddWithValue("op", operationId);
        cmd.Parameters.AddWithValue("no", outcomes.Select(o => o.ItemNo).ToArray());
        cmd.Parameters.AddWithValue("state", outcomes.Select(o => o.Failure is null ? "done" : "failed").ToArray());
        cmd.Parameters.Add(new NpgsqlParameter("inst", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = outcomes.Select(o => o.InstanceId).ToArray() });
        cmd.Parameters.Add(Texts("code", outcomes.Select(o => o.Failure?.Code)));
        cmd.Parameters.Add(Texts("msg", outcomes.Select(o => o.Failure?.In(Language.English))));
        cmd.Parameters.Add(Texts("msgid", outcomes.Select(o => o.Failure?.In(Language.Indonesian))));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlParameter Texts(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    /// <summary>Completes the operation if no item is pending any more (items another runner still holds count as pending).</summary>
    internal static async Task<bool> CompleteIfDoneAsync(NpgsqlDataSource db, Guid operationId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE pppk.operations SET state = 'completed', ended_at = now(), started_at = coalesce(started_at, now())
            WHERE id = @op AND state = 'running'
              AND NOT EXISTS (SELECT 1 FROM pppk.operation_items WHERE operation_id = @op AND state = 'pending')
            """);
        cmd.Parameters.AddWithValue("op", operationId);
        return await cmd.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>The first <paramref name="limit"/> failed items of the operation, in item order, their reason in the language asked for.</summary>
    public static async Task<List<OperationError>> ErrorsAsync(NpgsqlDataSource db, Guid operationId, bool indonesian, int limit, CancellationToken ct)
    {
        var message = indonesian ? "coalesce(message_indonesian, message)" : "message";
        await using var cmd = db.CreateCommand($"""
            SELECT instance_id, item_no, code, {message} FROM pppk.operation_items
            WHERE operation_id = @op AND state = 'failed' ORDER BY item_no LIMIT @limit
            """);
        cmd.Parameters.AddWithValue("op", operationId);
        cmd.Parameters.AddWithValue("limit", limit);
        var errors = new List<OperationError>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            errors.Add(new(r.IsDBNull(0) ? null : r.GetGuid(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? "" : r.GetString(3)));
        return errors;
    }
}
