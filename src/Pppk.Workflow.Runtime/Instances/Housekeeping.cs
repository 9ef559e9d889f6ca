using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Runtime.Messages;
using Pppk.Workflow.Runtime.Outbox;

namespace Pppk.Workflow.Runtime.Instances;

/// <summary>
/// Daily: drops the heavy state of long-finished instances, expired buffered messages and message ids, old outbox rows;
/// creates the history's coming months and drops its months past <see cref="RuntimeOptions.HistoryRetention"/>.
/// </summary>
internal sealed class Housekeeping(NpgsqlDataSource db, IOptions<RuntimeOptions> options, TimeProvider clock, ILogger<Housekeeping> logger)
{
    public async Task PruneAsync(CancellationToken ct)
    {
        await using var batch = db.CreateBatch();
        var prune = InstanceTable.PruneState(options.Value.StateRetention);
        batch.BatchCommands.Add(prune);
        batch.BatchCommands.Add(MessageBuffer.PruneExpired());
        batch.BatchCommands.Add(MessageIdTable.PruneExpired());
        batch.BatchCommands.Add(OutboxTable.PruneDispatched());
        await batch.ExecuteNonQueryAsync(ct);
        logger.LogInformation("Pruned state of instances finished more than {Retention} ago: {Count}", options.Value.StateRetention, prune.RecordsAffected);
        await KeepHistoryAsync(ct);
    }

    /// <summary>The history's partitions: the coming months created, the months past the retention dropped.</summary>
    public async Task KeepHistoryAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var created = await HistoryPartitions.EnsureAsync(db, now, ct);
        var dropped = await HistoryPartitions.DropBeforeAsync(db, now - options.Value.HistoryRetention, ct);
        if (created > 0 || dropped.Count > 0)
            logger.LogInformation("History partitions: {Created} months created, dropped past {Retention}: {Dropped}", created, options.Value.HistoryRetention,
                string.Join(", ", dropped));
    }
}
