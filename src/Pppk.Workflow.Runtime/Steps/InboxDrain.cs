using Microsoft.Extensions.Logging;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>Runs triggers one instance left for another (a child's completion, a parent's cancellation), each row once, deleted with its step.</summary>
internal sealed class InboxDrain(StepRunner runner, ILogger<InboxDrain> logger)
{
    public const int BatchSize = 100;

    public async Task<int> RunBatchAsync(CancellationToken ct) => await runner.RunAsync(async tx =>
    {
        var rows = new List<(long Id, Guid InstanceId, string Trigger)>();
        await using (var cmd = tx.Command("SELECT id, instance_id, trigger::text FROM pppk.inbox ORDER BY id LIMIT @limit FOR UPDATE SKIP LOCKED"))
        {
            cmd.Parameters.AddWithValue("limit", BatchSize);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add((reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2)));
        }
        if (rows.Count == 0) return 0;
        await tx.LoadAsync(rows.Select(r => r.InstanceId), ct);
        foreach (var (_, instanceId, trigger) in rows)
        {
            if (tx.Find(instanceId) is { } instance)
                tx.Enqueue(instance, TriggerJson.Read(trigger), null);
            else
                logger.LogWarning("Inbox trigger for instance {InstanceId} dropped: the instance is gone or pruned", instanceId);
        }
        await using var delete = tx.Command("DELETE FROM pppk.inbox WHERE id = ANY(@ids)");
        delete.Parameters.AddWithValue("ids", rows.Select(r => r.Id).ToArray());
        await delete.ExecuteNonQueryAsync(ct);
        return rows.Count;
    }, ct);
}
