using Hangfire;
using Microsoft.Extensions.Logging;
using Npgsql;
using Pppk.Workflow.Runtime.Jobs;
using Pppk.Workflow.Runtime.Steps;
using Pppk.Workflow.Runtime.Timers;

namespace Pppk.Workflow.Runtime.Outbox;

/// <summary>
/// What happens once a step's transaction committed: its outbox rows are dispatched to Hangfire (and marked), and
/// triggers it left in other instances' inboxes are handed to the inbox drain. If the process dies before this, the
/// minute sweep does it.
/// </summary>
internal sealed class AfterCommit(NpgsqlDataSource db, IBackgroundJobClient jobs, IEnumerable<IOutboxKind> kinds, ILogger<AfterCommit> logger)
{
    private readonly Dictionary<string, IOutboxKind> _kinds = kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    public async Task RunAsync(EffectBuffer buffer, CancellationToken ct)
    {
        if (buffer.Outbox.Count > 0)
            await DispatchAsync([.. buffer.Outbox.Keys.Select(k => k.Kind)], [.. buffer.Outbox.Keys.Select(k => k.Key)], ct);
        if (buffer.Inbox.Count > 0)
            jobs.Enqueue<WorkflowJobs>(j => j.DrainInbox(CancellationToken.None));
    }

    /// <summary>Dispatches the given outbox rows, or (with null) every row left undispatched for more than a few seconds.</summary>
    public async Task<int> DispatchAsync(string[]? kinds, string[]? keys, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var rows = await OutboxTable.ClaimAsync(connection, tx, kinds, keys, ct);
        foreach (var (_, kind, runAt) in rows)
        {
            // Dispatch is idempotent: a drain that runs twice finds nothing the second time.
            switch (kind)
            {
                case TimerArming.TimerDrainKind:
                    Schedule(j => j.DrainTimers(true, CancellationToken.None), runAt);
                    break;
                case TimerArming.JobDrainKind:
                    Schedule(j => j.DrainJobs(true, CancellationToken.None), runAt);
                    break;
                default:
                    if (_kinds.TryGetValue(kind, out var other)) other.Dispatch(jobs, runAt);
                    else logger.LogError("Unknown outbox kind {Kind}", kind);
                    break;
            }
        }
        if (rows.Count > 0)
        {
            await OutboxTable.MarkDispatchedAsync(connection, tx, [.. rows.Select(r => r.Id)], ct);
        }
        await tx.CommitAsync(ct);
        Diagnostics.RuntimeMetrics.Dispatched(rows.Count);
        return rows.Count;
    }

    private void Schedule(System.Linq.Expressions.Expression<Func<WorkflowJobs, Task>> job, DateTimeOffset? runAt)
    {
        if (runAt is { } at && at > DateTimeOffset.UtcNow)
            jobs.Schedule(job, at);
        else
            jobs.Enqueue(job);
    }
}
