using Npgsql;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Steps;
using static Pppk.Workflow.Runtime.Steps.StepBatch;

namespace Pppk.Workflow.Runtime.Timers;

/// <summary>A scheduled timer of an instance. The row is the timer: firing or cancelling deletes it, in the step's transaction.</summary>
public sealed class TimerRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public long WaitId { get; set; }
    public required string ElementId { get; set; }
    public DateTimeOffset DueAt { get; set; }
}

/// <summary>The owner of <c>pppk.timers</c>' step writes: a timer armed (or re-armed) or gone.</summary>
internal sealed class TimerTable() : WaitPointWriter<TimerTable.Row>("timers")
{
    public sealed record Row(string ElementId, DateTimeOffset DueAt);

    protected override void AddUpserts(NpgsqlBatch batch, List<(EffectBuffer.WaitKey Key, Row Row)> rows) => Add(batch, """
        INSERT INTO pppk.timers (instance_id, wait_id, element_id, due_at) SELECT * FROM unnest(@inst, @wait, @el, @due)
        ON CONFLICT (instance_id, wait_id) DO UPDATE SET due_at = excluded.due_at, element_id = excluded.element_id
        """,
        P("inst", rows.Select(t => t.Key.InstanceId)), P("wait", rows.Select(t => t.Key.WaitId)),
        P("el", rows.Select(t => t.Row.ElementId)), P("due", rows.Select(t => t.Row.DueAt)));

    /// <summary>The table, for the sweeper's arming of wake-ups (<see cref="Outbox.OutboxTable.ArmAsync"/>).</summary>
    public const string Name = "pppk.timers";

    /// <summary>Up to <paramref name="limit"/> due timers, earliest first, locked for this transaction (others skip them).</summary>
    public static async Task<List<(long Id, Guid InstanceId, long WaitId)>> ClaimDueAsync(StepTransaction tx, int limit, CancellationToken ct)
    {
        var due = new List<(long, Guid, long)>();
        await using var cmd = tx.Command("""
            SELECT id, instance_id, wait_id, extract(epoch FROM now() - due_at)::float8 FROM pppk.timers WHERE due_at <= now()
            ORDER BY due_at LIMIT @limit FOR UPDATE SKIP LOCKED
            """);
        cmd.Parameters.AddWithValue("limit", limit);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            due.Add((reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2)));
            tx.Tally.TimerClaimed(reader.GetDouble(3));
        }
        return due;
    }

    /// <summary>A timer that could not fire waits a minute, so it does not block the drain.</summary>
    public static async Task PostponeAsync(StepTransaction tx, long id, CancellationToken ct)
    {
        await using var cmd = tx.Command("UPDATE pppk.timers SET due_at = now() + interval '1 minute' WHERE id = @id");
        cmd.Parameters.AddWithValue("id", id);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static Task<bool> AnyDueAsync(NpgsqlDataSource db, CancellationToken ct) =>
        db.ExistsAsync("SELECT EXISTS (SELECT 1 FROM pppk.timers WHERE due_at <= now())", ct);
}
