using Npgsql;
using Pppk.Workflow.Runtime.Steps;
using static Pppk.Workflow.Runtime.Steps.StepBatch;

namespace Pppk.Workflow.Runtime.Messages;

/// <summary>The owner of <c>pppk.message_subscriptions</c>' step writes: a subscription opened or gone.</summary>
internal sealed class SubscriptionTable() : WaitPointWriter<SubscriptionTable.Row>("message_subscriptions")
{
    public sealed record Row(string ElementId, string MessageName, string? CorrelationKey, DateTimeOffset CreatedAt);

    protected override void AddUpserts(NpgsqlBatch batch, List<(EffectBuffer.WaitKey Key, Row Row)> rows) => Add(batch, """
        INSERT INTO pppk.message_subscriptions (instance_id, wait_id, element_id, message_name, correlation_key, created_at)
        SELECT * FROM unnest(@inst, @wait, @el, @name, @key, @at) ON CONFLICT (instance_id, wait_id) DO NOTHING
        """,
        P("inst", rows.Select(s => s.Key.InstanceId)), P("wait", rows.Select(s => s.Key.WaitId)), P("el", rows.Select(s => s.Row.ElementId)),
        P("name", rows.Select(s => s.Row.MessageName)), P("key", rows.Select(s => s.Row.CorrelationKey)), P("at", rows.Select(s => s.Row.CreatedAt)));

    /// <summary>The subscriptions a message of (<paramref name="name"/>, <paramref name="correlationKey"/>) reaches: the oldest of each instance.</summary>
    public static async Task<List<(Guid InstanceId, long WaitId)>> WaitingForAsync(StepTransaction tx, string name, string? correlationKey, CancellationToken ct)
    {
        var waits = new List<(Guid, long)>();
        await using var cmd = tx.Command("""
            SELECT DISTINCT ON (instance_id) instance_id, wait_id FROM pppk.message_subscriptions
            WHERE message_name = @n AND correlation_key IS NOT DISTINCT FROM @k ORDER BY instance_id, id
            """);
        cmd.Parameters.AddWithValue("n", name);
        cmd.Parameters.AddWithValue("k", (object?)correlationKey ?? DBNull.Value);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) waits.Add((reader.GetGuid(0), reader.GetInt64(1)));
        return waits;
    }

    /// <summary>Every stored subscription to (<paramref name="name"/>, <paramref name="correlationKey"/>), by instance, oldest first.</summary>
    public static async Task<List<EffectBuffer.WaitKey>> AllWaitingForAsync(StepTransaction tx, string name, string? correlationKey, CancellationToken ct)
    {
        var waits = new List<EffectBuffer.WaitKey>();
        await using var cmd = tx.Command("""
            SELECT instance_id, wait_id FROM pppk.message_subscriptions
            WHERE message_name = @n AND correlation_key IS NOT DISTINCT FROM @k ORDER BY instance_id, id
            """);
        cmd.Parameters.AddWithValue("n", name);
        cmd.Parameters.AddWithValue("k", (object?)correlationKey ?? DBNull.Value);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) waits.Add(new(reader.GetGuid(0), reader.GetInt64(1)));
        return waits;
    }

    public static async Task<bool> AnyAsync(StepTransaction tx, string name, string correlationKey, CancellationToken ct)
    {
        await using var cmd = tx.Command("SELECT EXISTS (SELECT 1 FROM pppk.message_subscriptions WHERE message_name = @n AND correlation_key = @k)");
        cmd.Parameters.AddWithValue("n", name);
        cmd.Parameters.AddWithValue("k", correlationKey);
        return await cmd.ExecuteScalarAsync(ct) is true;
    }
}
