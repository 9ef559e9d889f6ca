using Microsoft.Extensions.Logging;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Timers;

/// <summary>
/// Fires due timers in batches: claims up to <see cref="BatchSize"/> (<c>Jobs:TimerBatchSize</c>) rows with <c>FOR UPDATE SKIP LOCKED</c> (so
/// several workers share the work), runs each as a step in one transaction, deletes them with the commit. A fired or
/// cancelled timer has no row, so firing twice is impossible. A batch that fails is retried one timer at a time, so one
/// bad instance can't hold the others back.
/// </summary>
internal sealed class TimerDrain(StepRunner runner, Jobs.JobsOptions options, ILogger<TimerDrain> logger)
{
    public int BatchSize => options.TimerBatchSize;

    /// <summary>Fires one batch; returns how many timers it fired.</summary>
    public async Task<int> FireBatchAsync(CancellationToken ct)
    {
        try
        {
            return await runner.RunAsync(tx => ClaimAndQueueAsync(tx, BatchSize, null, ct), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "A timer batch failed; firing its timers one by one");
            var fired = 0;
            for (var i = 0; i < BatchSize; i++)
            {
                long? failedId = null;
                try
                {
                    var n = await runner.RunAsync(tx => ClaimAndQueueAsync(tx, 1, id => failedId = id, ct), ct);
                    if (n == 0) break;
                    fired += n;
                }
                catch (Exception one) when (one is not OperationCanceledException && failedId is not null)
                {
                    logger.LogError(one, "Timer {TimerId} could not fire; postponed by a minute", failedId);
                    await runner.RunAsync(tx => TimerTable.PostponeAsync(tx, failedId.Value, ct), ct);
                }
            }
            return fired;
        }
    }

    private static async Task<int> ClaimAndQueueAsync(StepTransaction tx, int limit, Action<long>? claimed, CancellationToken ct)
    {
        var due = await TimerTable.ClaimDueAsync(tx, limit, ct);
        if (due.Count == 0) return 0;
        if (due.Count == 1) claimed?.Invoke(due[0].Id);

        await tx.LoadAsync(due.Select(d => d.InstanceId), ct);
        foreach (var (_, instanceId, waitId) in due)
        {
            var key = new EffectBuffer.WaitKey(instanceId, waitId);
            tx.Buffer.Timers[key] = null; // fired; a cycle re-arms it in the step (last write wins)
            if (tx.Find(instanceId) is { } instance)
                tx.Enqueue(instance, new TimerFired(waitId), null);
        }
        return due.Count;
    }
}
