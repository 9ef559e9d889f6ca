using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>A call waiting in <see cref="GroupCommit{TCall}"/>: its answer, set by the batch that runs it.</summary>
internal abstract class GroupedCall
{
    public abstract Task Done { get; }

    public abstract void Fail(Exception e);
}

/// <summary>
/// Group commit's lanes, queue and linger, without the database (<see cref="StepRunner.RunGroupedAsync{T}"/> runs each
/// batch in one transaction). A caller queues its call and, if fewer than <c>lanes</c> callers are running batches, runs
/// everything queued so far (at most <c>maxBatch</c> calls) itself, batch after batch, until its own call is answered;
/// then it hands the lane to a background drain if calls are still queued. Else a running lane takes its call next.
/// Under load (the last batch had more than one call) a lane first waits up to <c>linger</c> for as many calls as the
/// last batch had, so batches stay as big as the load; a lone caller never waits.
/// </summary>
internal sealed class GroupCommit<TCall>(int lanes, int maxBatch, TimeSpan linger, TimeProvider clock, ILogger logger) where TCall : GroupedCall
{
    private readonly ConcurrentQueue<TCall> _pending = new();
    private readonly int _maxBatch = Math.Max(1, maxBatch);
    private int _leaders;
    private int _lastBatch = 1;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>False when grouping is off (no lanes): each call then runs in a transaction of its own.</summary>
    public bool Enabled => lanes > 0;

    /// <summary>
    /// Queues <paramref name="call"/>; returns once a batch answered it or a running lane took it over (await the call's
    /// own answer then). <paramref name="runBatch"/> runs one batch and answers every call in it.
    /// </summary>
    public async Task JoinAsync(TCall call, Func<List<TCall>, Task> runBatch)
    {
        _pending.Enqueue(call);
        if (linger > TimeSpan.Zero) Interlocked.Exchange(ref _arrived, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        if (TryLead()) await DrainAsync(call.Done, runBatch);
    }

    private bool TryLead()
    {
        if (Interlocked.Increment(ref _leaders) <= lanes) return true;
        Interlocked.Decrement(ref _leaders);
        return false;
    }

    /// <summary>Runs queued calls batch by batch while holding a lane; <paramref name="mine"/> is the caller's own call.</summary>
    private async Task DrainAsync(Task? mine, Func<List<TCall>, Task> runBatch)
    {
        while (true)
        {
            if (linger > TimeSpan.Zero && _lastBatch > 1) await LingerAsync(_lastBatch);
            var batch = new List<TCall>();
            while (batch.Count < _maxBatch && _pending.TryDequeue(out var next)) batch.Add(next);
            if (batch.Count == 0)
            {
                Interlocked.Decrement(ref _leaders);
                // A caller that queued while every lane was taken relies on this second look.
                if (_pending.IsEmpty || !TryLead()) return;
                continue;
            }
            _lastBatch = batch.Count;
            try
            {
                await runBatch(batch);
            }
            catch (Exception e)
            {
                // runBatch answers every call itself; this only guards the lane count against a bug there.
                logger.LogError(e, "A grouped step batch failed unexpectedly");
                foreach (var call in batch) call.Fail(e);
            }
            if (mine is { IsCompleted: true } && !_pending.IsEmpty)
            {
                // The caller has its answer; the lane passes to a background drain for the ones still waiting.
                _ = Task.Run(() => DrainAsync(null, runBatch));
                return;
            }
        }
    }

    /// <summary>Under load, waits (at most the linger time) until as many calls are queued as the last batch had.</summary>
    private async Task LingerAsync(int target)
    {
        Task? deadline = null;
        while (_pending.Count < target)
        {
            var arrived = Volatile.Read(ref _arrived).Task;
            if (_pending.Count >= target) return;
            deadline ??= Task.Delay(linger, clock); // made only when the lane has to wait
            if (await Task.WhenAny(arrived, deadline) == deadline) return;
        }
    }
}
