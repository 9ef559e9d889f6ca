using Microsoft.Extensions.Logging;
using Npgsql;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Diagnostics;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Jobs;

/// <summary>
/// Runs due jobs: claims a batch by leasing it (<c>locked_until</c>, committed at once so the external handlers run outside
/// any transaction), runs the external handlers concurrently, then reports every result as a step in one transaction, in
/// which the inline handlers' jobs (retries after a back-off) run as steps of their own, with the transaction's connection.
/// The lease is short and renewed while the handlers run, so rows of a process killed mid-batch run again within
/// <see cref="Lease"/> (plus the next sweep), not after the longest a handler may take.
/// </summary>
internal sealed class JobDrain(NpgsqlDataSource db, StepRunner runner, JobHandlerRegistry handlers, ILogger<JobDrain> logger)
{
    public const int BatchSize = 100;
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);

    public async Task<int> RunBatchAsync(CancellationToken ct)
    {
        var claimed = await JobTable.ClaimAsync(db, Lease, BatchSize, ct);
        if (claimed.Count == 0) return 0;

        // An inline handler's retry runs in the reporting step below, inside its transaction like its first attempt.
        var results = new JobResult?[claimed.Count];
        var external = Enumerable.Range(0, claimed.Count).Where(i => handlers.Find(claimed[i].Type) is not { Inline: true }).ToList();
        if (external.Count > 0)
        {
            using var renewing = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var renew = RenewLeaseAsync(external.Select(i => claimed[i].Id).ToArray(), renewing.Token);
            try
            {
                await Parallel.ForEachAsync(external, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (i, token) =>
                    results[i] = await RunHandlerAsync(claimed[i], token));
            }
            finally
            {
                await renewing.CancelAsync();
                await renew;
            }
        }

        await runner.RunAsync(async tx =>
        {
            // Only jobs whose row is still ours: a job withdrawn meanwhile (instance cancelled) has no row and its result is dropped.
            var live = await JobTable.LockLiveAsync(tx, [.. claimed.Select(c => c.Id)], ct);
            await tx.LoadAsync(claimed.Where(c => live.Contains(c.Id)).Select(c => c.InstanceId), ct);
            for (var i = 0; i < claimed.Count; i++)
            {
                var job = claimed[i];
                if (!live.Contains(job.Id) || tx.Find(job.InstanceId) is not { } instance) continue;
                tx.Buffer.Jobs[new(job.InstanceId, job.WaitId)] = null; // done; a retry re-inserts it in the step
                tx.Enqueue(instance, results[i] is { } result
                    ? result.ToTrigger(job.WaitId, job.Retries)
                    : new InlineJobDue(new JobCreated(job.WaitId, job.ElementId, job.Type, job.Retries, job.Variables, job.Headers)), null);
            }
        }, ct);
        return claimed.Count;
    }

    /// <summary>Keeps the batch's lease alive while its handlers run (a slow handler must not be run twice by another worker).</summary>
    private async Task RenewLeaseAsync(long[] ids, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(RenewEvery, ct);
                try
                {
                    await JobTable.RenewLeaseAsync(db, ids, Lease, ct);
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException)
                {
                    logger.LogWarning(e, "Renewing the lease of {Count} jobs failed; they may run again elsewhere if it ends", ids.Length);
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task<JobResult> RunHandlerAsync(JobTable.Claimed job, CancellationToken ct)
    {
        if (handlers.Find(job.Type) is not { } handler)
            return new JobResult.Failure($"No handler is registered for job type '{job.Type}'.");
        using var scope = RuntimeLog.InstanceScope(logger, job.InstanceId);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (job.Attempts > 1)
            logger.LogInformation("Job {JobType} of {InstanceId} runs again (attempt {Attempt}) after an interrupted run", job.Type, job.InstanceId, job.Attempts);
        try
        {
            var result = await handler.HandleAsync(new JobContext
            {
                InstanceId = job.InstanceId, ElementId = job.ElementId, WaitId = job.WaitId, Type = job.Type, Variables = job.Variables,
                Headers = job.Headers, RetriesLeft = job.Retries,
            }, ct);
            RuntimeLog.Job(logger, job.Type, job.InstanceId, job.ElementId, result.GetType().Name, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Job {JobType} of {InstanceId} failed", job.Type, job.InstanceId);
            return new JobResult.Failure($"{e.GetType().Name}: {e.Message}");
        }
    }
}
