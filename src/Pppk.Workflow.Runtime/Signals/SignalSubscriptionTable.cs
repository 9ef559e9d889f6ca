using Npgsql;
using Pppk.Workflow.Runtime.Steps;
using static Pppk.Workflow.Runtime.Steps.StepBatch;

namespace Pppk.Workflow.Runtime.Signals;

/// <summary>An open signal subscription (catch event, boundary event, event subprocess start) of one instance.</summary>
public sealed class SignalSubscriptionRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public long WaitId { get; set; }
    public required string ElementId { get; set; }
    public required string SignalName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The owner of <c>pppk.signal_subscriptions</c>: the step's writes (a subscription opened or gone) and the broadcast's read.</summary>
internal sealed class SignalSubscriptionTable() : WaitPointWriter<SignalSubscriptionTable.Row>("signal_subscriptions")
{
    public sealed record Row(string ElementId, string SignalName, DateTimeOffset CreatedAt);

    protected override void AddUpserts(NpgsqlBatch batch, List<(EffectBuffer.WaitKey Key, Row Row)> rows) => Add(batch, """
        INSERT INTO pppk.signal_subscriptions (instance_id, wait_id, element_id, signal_name, created_at)
        SELECT * FROM unnest(@inst, @wait, @el, @name, @at) ON CONFLICT (instance_id, wait_id) DO NOTHING
        """,
        P("inst", rows.Select(s => s.Key.InstanceId)), P("wait", rows.Select(s => s.Key.WaitId)), P("el", rows.Select(s => s.Row.ElementId)),
        P("name", rows.Select(s => s.Row.SignalName)), P("at", rows.Select(s => s.Row.CreatedAt)));

    /// <summary>The committed subscriptions to <paramref name="name"/>, every one of them (an instance may wait at several elements).</summary>
    public static async Task<List<(Guid InstanceId, long WaitId)>> WaitingAsync(StepTransaction tx, string name, CancellationToken ct)
    {
        await using var cmd = tx.Command("SELECT instance_id, wait_id FROM pppk.signal_subscriptions WHERE signal_name = @n ORDER BY instance_id, id");
        cmd.Parameters.AddWithValue("n", name);
        var waits = new List<(Guid, long)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) waits.Add((reader.GetGuid(0), reader.GetInt64(1)));
        return waits;
    }
}
