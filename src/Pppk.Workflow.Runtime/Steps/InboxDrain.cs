using Microsoft.Extensions.Logging;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>Runs triggers one instance left for another (a child's completion, a parent's cancellation), each row once, deleted with its step.</summary>
internal sealed class InboxDrain(StepRunner runner, ILogger<InboxDrain> logger)
{
    public const int BatchSize = 100;

    public async Task<int> RunBatchAsync(CancellationToken ct) => await runner.RunAsync(async tx =>
    {
        var rows = await InboxTable.ClaimAsync(tx, BatchSize, ct);
        if (rows.Count == 0) return 0;
        await tx.LoadAsync(rows.Select(r => r.InstanceId), ct);
        foreach (var (_, instanceId, trigger) in rows)
        {
            if (tx.Find(instanceId) is { } instance)
                tx.Enqueue(instance, TriggerJson.Read(trigger), null);
            else
                logger.LogWarning("Inbox trigger for instance {InstanceId} dropped: the instance is gone or pruned", instanceId);
        }
        await InboxTable.DeleteAsync(tx, [.. rows.Select(r => r.Id)], ct);
        return rows.Count;
    }, ct);
}
