using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Steps;
using static Pppk.Workflow.Runtime.Steps.StepBatch;

namespace Pppk.Workflow.Runtime.Jobs;

/// <summary>The owner of <c>pppk.jobs</c>' step writes (its record: <see cref="JobRecord"/>): a job created, retried or gone.</summary>
internal sealed class JobTable() : WaitPointWriter<JobTable.Row>("jobs")
{
    public sealed record Row(string ElementId, string Type, int Retries, string Variables, string Headers, DateTimeOffset DueAt, DateTimeOffset CreatedAt);

    protected override void AddUpserts(NpgsqlBatch batch, List<(EffectBuffer.WaitKey Key, Row Row)> rows) => Add(batch, """
        INSERT INTO pppk.jobs (instance_id, wait_id, element_id, type, retries, variables, headers, due_at, attempts, created_at)
        SELECT i, w, e, t, r, v, h, d, 0, c FROM unnest(@inst, @wait, @el, @type, @retries, @vars::jsonb[], @headers::jsonb[], @due, @created) AS u(i, w, e, t, r, v, h, d, c)
        ON CONFLICT (instance_id, wait_id) DO UPDATE SET retries = excluded.retries, variables = excluded.variables, due_at = excluded.due_at, locked_until = NULL
        """,
        P("inst", rows.Select(j => j.Key.InstanceId)), P("wait", rows.Select(j => j.Key.WaitId)), P("el", rows.Select(j => j.Row.ElementId)),
        P("type", rows.Select(j => j.Row.Type)), P("retries", rows.Select(j => j.Row.Retries)), P("vars", rows.Select(j => j.Row.Variables)),
        P("headers", rows.Select(j => j.Row.Headers)), P("due", rows.Select(j => j.Row.DueAt)), P("created", rows.Select(j => j.Row.CreatedAt)));

    private readonly List<(EffectBuffer.WaitKey Key, string Type, string Headers)> _retyped = [];

    /// <summary>A job kept by a migration: the target element's type and headers (its element id through <see cref="WaitPointWriter{TRow}.Migrated"/>).</summary>
    public void Retyped(EffectBuffer.WaitKey key, string elementId, string type, string headers)
    {
        Migrated(key, elementId);
        _retyped.Add((key, type, headers));
    }

    /// <summary>After the rows: the types and headers of jobs a migration kept.</summary>
    public void AddRetypedTo(NpgsqlBatch batch)
    {
        if (_retyped.Count > 0)
            Add(batch, "UPDATE pppk.jobs j SET type = u.type, headers = u.headers FROM unnest(@inst, @wait, @type, @headers::jsonb[]) AS u(inst, wait, type, headers) WHERE j.instance_id = u.inst AND j.wait_id = u.wait",
                P("inst", _retyped.Select(j => j.Key.InstanceId)), P("wait", _retyped.Select(j => j.Key.WaitId)), P("type", _retyped.Select(j => j.Type)),
                P("headers", _retyped.Select(j => j.Headers)));
    }

    /// <summary>The table, for the sweeper's arming of wake-ups (<see cref="Outbox.OutboxTable.ArmAsync"/>).</summary>
    public const string Name = "pppk.jobs";

    /// <summary>A job leased to this worker.</summary>
    public sealed record Claimed(long Id, Guid InstanceId, long WaitId, string ElementId, string Type, int Retries, JsonObject Variables, Dictionary<string, string> Headers, int Attempts);

    /// <summary>Leases up to <paramref name="limit"/> due, unleased jobs, earliest first, for <paramref name="lease"/> (committed at once).</summary>
    public static async Task<List<Claimed>> ClaimAsync(NpgsqlDataSource db, TimeSpan lease, int limit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE pppk.jobs j SET locked_until = now() + @lease, attempts = attempts + 1
            WHERE j.id IN (SELECT id FROM pppk.jobs WHERE due_at <= now() AND (locked_until IS NULL OR locked_until < now())
                           ORDER BY due_at LIMIT @limit FOR UPDATE SKIP LOCKED)
            RETURNING id, instance_id, wait_id, element_id, type, retries, variables::text, headers::text, attempts
            """);
        cmd.Parameters.AddWithValue("lease", lease);
        cmd.Parameters.AddWithValue("limit", limit);
        var list = new List<Claimed>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new Claimed(reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
                JsonNode.Parse(reader.GetString(6))!.AsObject(), JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(7)) ?? [], reader.GetInt32(8)));
        }
        return list;
    }

    /// <summary>Extends the lease of jobs still leased (a withdrawn job has no row; a released one no lease).</summary>
    public static async Task RenewLeaseAsync(NpgsqlDataSource db, long[] ids, TimeSpan lease, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("UPDATE pppk.jobs SET locked_until = now() + @lease WHERE id = ANY(@ids) AND locked_until IS NOT NULL");
        cmd.Parameters.AddWithValue("lease", lease);
        cmd.Parameters.AddWithValue("ids", ids);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Which of <paramref name="ids"/> still have a row, locked for this transaction.</summary>
    public static async Task<HashSet<long>> LockLiveAsync(StepTransaction tx, long[] ids, CancellationToken ct)
    {
        var live = new HashSet<long>();
        await using var cmd = tx.Command("SELECT id FROM pppk.jobs WHERE id = ANY(@ids) FOR UPDATE");
        cmd.Parameters.AddWithValue("ids", ids);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) live.Add(reader.GetInt64(0));
        return live;
    }

    public static Task<bool> AnyDueAsync(NpgsqlDataSource db, CancellationToken ct) =>
        db.ExistsAsync("SELECT EXISTS (SELECT 1 FROM pppk.jobs WHERE due_at <= now() AND (locked_until IS NULL OR locked_until < now()))", ct);
}
