using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Pppk.Workflow.Runtime.Instances;

/// <summary>Daily: drops the heavy state of long-finished instances, expired buffered messages and message ids, old outbox rows.</summary>
internal sealed class Housekeeping(NpgsqlDataSource db, IOptions<RuntimeOptions> options, ILogger<Housekeeping> logger)
{
    public async Task PruneAsync(CancellationToken ct)
    {
        await using var batch = db.CreateBatch();
        var prune = new NpgsqlBatchCommand("UPDATE pppk.instances SET state = NULL WHERE ended_at < now() - @retention AND state IS NOT NULL");
        prune.Parameters.AddWithValue("retention", options.Value.StateRetention);
        batch.BatchCommands.Add(prune);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM pppk.buffered_messages WHERE expires_at < now()"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM pppk.message_ids WHERE expires_at < now()"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM pppk.outbox WHERE dispatched_at < now() - interval '1 day'"));
        await batch.ExecuteNonQueryAsync(ct);
        logger.LogInformation("Pruned state of instances finished more than {Retention} ago: {Count}", options.Value.StateRetention, prune.RecordsAffected);
    }
}
