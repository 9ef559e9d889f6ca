using Npgsql;
using static Pppk.Workflow.Runtime.Steps.StepBatch;

namespace Pppk.Workflow.Runtime.Outbox;

/// <summary>The owner of <c>pppk.outbox</c>' step writes: effects outside the database, one row per (kind, dedup key), dispatched after commit by <see cref="AfterCommit"/>.</summary>
internal sealed class OutboxTable
{
    private readonly Dictionary<(string Kind, string Key), DateTimeOffset?> _rows = [];

    public int Count => _rows.Count;

    public IEnumerable<(string Kind, string Key)> Keys => _rows.Keys;

    /// <summary>Adds the row unless this transaction has it already (the first run time stays).</summary>
    public bool TryAdd(string kind, string key, DateTimeOffset? runAt) => _rows.TryAdd((kind, key), runAt);

    public void AddTo(NpgsqlBatch batch)
    {
        if (_rows.Count == 0) return;
        var rows = _rows.ToList();
        Add(batch, """
            INSERT INTO pppk.outbox (kind, dedup_key, run_at, created_at) SELECT k, d, r, now() FROM unnest(@kind, @key, @run) AS u(k, d, r)
            ON CONFLICT (kind, dedup_key) DO NOTHING
            """,
            P("kind", rows.Select(o => o.Key.Kind)), P("key", rows.Select(o => o.Key.Key)), P("run", rows.Select(o => o.Value)));
    }

    /// <summary>
    /// The given rows (<paramref name="kinds"/> with <paramref name="keys"/>), or with null every row left undispatched
    /// for more than a few seconds (at most 1,000), locked for this transaction (others skip them).
    /// </summary>
    public static async Task<List<(long Id, string Kind, DateTimeOffset? RunAt)>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction tx,
        string[]? kinds, string[]? keys, CancellationToken ct)
    {
        var sql = kinds is null
            ? "SELECT id, kind, run_at FROM pppk.outbox WHERE dispatched_at IS NULL AND created_at < now() - interval '5 seconds' ORDER BY id LIMIT 1000 FOR UPDATE SKIP LOCKED"
            : "SELECT o.id, o.kind, o.run_at FROM pppk.outbox o JOIN unnest(@kinds, @keys) AS u(kind, key) ON o.kind = u.kind AND o.dedup_key = u.key WHERE o.dispatched_at IS NULL FOR UPDATE OF o SKIP LOCKED";
        var rows = new List<(long, string, DateTimeOffset?)>();
        await using var select = new NpgsqlCommand(sql, connection, tx);
        if (kinds is not null)
        {
            select.Parameters.AddWithValue("kinds", kinds);
            select.Parameters.AddWithValue("keys", keys!);
        }
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2)));
        return rows;
    }

    public static async Task MarkDispatchedAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long[] ids, CancellationToken ct)
    {
        await using var mark = new NpgsqlCommand("UPDATE pppk.outbox SET dispatched_at = now() WHERE id = ANY(@ids)", connection, tx);
        mark.Parameters.AddWithValue("ids", ids);
        await mark.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Writes one row of <paramref name="kind"/> per distinct second (rounded up) at which a row of <paramref name="table"/>
    /// (a table with <c>due_at</c>: <see cref="Timers.TimerTable.Name"/>, <see cref="Jobs.JobTable.Name"/>) falls due within
    /// <paramref name="horizon"/>; existing ones are kept by the unique key.
    /// </summary>
    public static async Task ArmAsync(NpgsqlDataSource db, string table, string kind, TimeSpan horizon, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            INSERT INTO pppk.outbox (kind, dedup_key, run_at, created_at)
            SELECT @kind, to_char(s AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), s, now()
            FROM (SELECT DISTINCT date_trunc('second', due_at) + CASE WHEN due_at = date_trunc('second', due_at) THEN interval '0' ELSE interval '1 second' END AS s
                  FROM {table} WHERE due_at > now() AND due_at <= now() + @horizon) d
            ON CONFLICT (kind, dedup_key) DO NOTHING
            """);
        cmd.Parameters.AddWithValue("kind", kind);
        cmd.Parameters.AddWithValue("horizon", horizon);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Rows a committed step wrote that are not dispatched yet, counted up to <paramref name="cap"/> (the backlog gauge).</summary>
    public static async Task<long> CountWaitingAsync(NpgsqlDataSource db, int cap, CancellationToken ct) =>
        (await Api.ListTotal.CountAsync(db, "SELECT 1 FROM pppk.outbox WHERE dispatched_at IS NULL", new Database.SqlFilter(), ct, cap)).Total;

    /// <summary>For the daily housekeeping: rows dispatched more than a day ago.</summary>
    public static NpgsqlBatchCommand PruneDispatched() => new("DELETE FROM pppk.outbox WHERE dispatched_at < now() - interval '1 day'");
}
