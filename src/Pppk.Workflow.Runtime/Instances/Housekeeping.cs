using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Runtime.Messages;
using Pppk.Workflow.Runtime.Outbox;

namespace Pppk.Workflow.Runtime.Instances;

/// <summary>Daily: drops the heavy state of long-finished instances, expired buffered messages and message ids, old outbox rows.</summary>
internal sealed class Housekeeping(NpgsqlDataSource db, IOptions<RuntimeOptions> options, ILogger<Housekeeping> logger)
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
    }
}
