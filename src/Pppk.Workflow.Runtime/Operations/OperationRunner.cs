using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Operations;

/// <summary>
/// Runs an operation in chunks. Each chunk is one step transaction: it claims the next pending items (FOR UPDATE SKIP
/// LOCKED), applies the operation to their instances through the steps, settles the items and advances the counters,
/// and commits all of it at once. A process killed mid-chunk loses that transaction whole, so its items are pending
/// again and the next run does each exactly once. While a run goes on it holds a session advisory lock on the
/// operation: a second run (the resume check, a requeued job) sees it and leaves; the lock dies with the process.
/// </summary>
internal sealed class OperationRunner(StepRunner steps, OperationActions actions, NpgsqlDataSource db, IOptions<OperationsOptions> options,
    ILogger<OperationRunner> logger, StartStreams streams)
{
    private enum Chunk { Worked, Empty, Stopped }

    /// <summary>Runs chunks for one slice; answers whether the operation has more to do (the caller queues it again).</summary>
    public async Task<bool> RunAsync(Guid id, CancellationToken ct)
    {
        await using var session = await db.OpenConnectionAsync(ct);
        if (!await LockAsync(session, "pg_try_advisory_lock", id, ct)) return false;
        try
        {
            var until = DateTime.UtcNow + options.Value.Slice;
            while (!ct.IsCancellationRequested)
            {
                Chunk chunk;
                try
                {
                    chunk = await steps.RunAsync(tx => ChunkAsync(tx, id, ct), ct);
                }
                catch (WorkflowException e)
                {
                    // The operation as a whole cannot go on (its process version is gone): it fails, with the reason.
                    logger.LogWarning("Operation {Id} failed: {Reason}", id, e.Message);
                    await OperationTable.EndAsync(session, null, id, "failed", e.Message, CancellationToken.None);
                    return false;
                }
                if (chunk == Chunk.Stopped) return false;
                if (chunk == Chunk.Empty)
                {
                    await OperationItemTable.CompleteIfDoneAsync(db, id, ct);
                    return false;
                }
                if (DateTime.UtcNow > until) return true;
            }
            return true;
        }
        finally
        {
            // Pooled connections keep session state (no reset on close): the lock is released here, not by the pool.
            await LockAsync(session, "pg_advisory_unlock", id, CancellationToken.None);
        }
    }

    private static async Task<bool> LockAsync(NpgsqlConnection session, string function, Guid id, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT {function}(hashtextextended(@key, 17))", session);
        cmd.Parameters.AddWithValue("key", "operation:" + id);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private async Task<Chunk> ChunkAsync(StepTransaction tx, Guid id, CancellationToken ct)
    {
        var head = await OperationTable.HeadAsync(tx, id, ct);
        if (head is null || head.State != "running") return Chunk.Stopped;
        if (head.CancelRequested)
        {
            await OperationTable.EndAsync(tx.Connection, tx.Transaction, id, "cancelled", null, ct);
            return Chunk.Stopped;
        }
        // A streamed start has no items: its chunks read the next rows of its source after its cursor.
        if (streams.Streams(head.Type)) return await streams.ChunkAsync(tx, id, head, ct) ? Chunk.Worked : Chunk.Empty;
        var items = await OperationItemTable.ClaimAsync(tx, id, options.Value.ChunkSize, ct);
        if (items.Count == 0) return Chunk.Empty;
        var request = JsonSerializer.Deserialize<OperationRequest>(head.Request, JsonSerializerOptions.Web)!;
        var outcomes = await actions.ApplyAsync(tx, id, head, request, items, ct);
        await OperationItemTable.SettleAsync(tx, id, outcomes, ct);
        var failed = outcomes.Count(o => o.Failure is not null);
        await OperationTable.AdvanceAsync(tx, id, outcomes.Count - failed, failed, ct);
        return Chunk.Worked;
    }
}
