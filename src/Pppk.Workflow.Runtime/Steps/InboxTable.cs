using Npgsql;
using Pppk.Workflow.Runtime.Database;
using static Pppk.Workflow.Runtime.Steps.StepBatch;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>The owner of <c>pppk.inbox</c>' step writes: triggers for instances this transaction does not hold (read by <see cref="InboxDrain"/>).</summary>
internal sealed class InboxTable
{
    private readonly List<(Guid InstanceId, string Trigger, DateTimeOffset At)> _rows = [];

    public int Count => _rows.Count;

    public void Add(Guid instanceId, string trigger, DateTimeOffset at) => _rows.Add((instanceId, trigger, at));

    public void AddTo(NpgsqlBatch batch)
    {
        if (_rows.Count > 0)
            StepBatch.Add(batch, "INSERT INTO pppk.inbox (instance_id, trigger, created_at) SELECT * FROM unnest(@inst, @trigger::jsonb[], @at)",
                P("inst", _rows.Select(i => i.InstanceId)), P("trigger", _rows.Select(i => i.Trigger)), P("at", _rows.Select(i => i.At)));
    }

    /// <summary>Up to <paramref name="limit"/> rows, oldest first, locked for this transaction (others skip them).</summary>
    public static async Task<List<(long Id, Guid InstanceId, string Trigger)>> ClaimAsync(StepTransaction tx, int limit, CancellationToken ct)
    {
        var rows = new List<(long, Guid, string)>();
        await using var cmd = tx.Command("SELECT id, instance_id, trigger::text FROM pppk.inbox ORDER BY id LIMIT @limit FOR UPDATE SKIP LOCKED");
        cmd.Parameters.AddWithValue("limit", limit);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add((reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2)));
        return rows;
    }

    public static async Task DeleteAsync(StepTransaction tx, long[] ids, CancellationToken ct)
    {
        await using var delete = tx.Command("DELETE FROM pppk.inbox WHERE id = ANY(@ids)");
        delete.Parameters.AddWithValue("ids", ids);
        await delete.ExecuteNonQueryAsync(ct);
    }

    public static Task<bool> AnyAsync(NpgsqlDataSource db, CancellationToken ct) => db.ExistsAsync("SELECT EXISTS (SELECT 1 FROM pppk.inbox)", ct);
}
