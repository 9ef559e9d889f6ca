using System.ComponentModel;
using Hangfire;
using Microsoft.Extensions.Logging;
using Pppk.Workflow.Runtime.Outbox;
using Pppk.Workflow.Runtime.Steps;
using Pppk.Workflow.Runtime.Timers;

namespace Pppk.Workflow.Runtime.Jobs;

/// <summary>
/// The Hangfire jobs of the runtime. Each drains a table in batches for a few seconds and, if work remains, enqueues
/// itself again, so long drains share the workers with everything else. None holds business state: a job lost or run
/// twice changes nothing, because the rows are the truth.
/// </summary>
public sealed class WorkflowJobs(IServiceProvider services, IBackgroundJobClient jobs, JobsOptions options, ILogger<WorkflowJobs> logger)
{
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(10);

    [DisplayName("Fire due timers")]
    [AutomaticRetry(Attempts = 3)]
    public async Task DrainTimers(bool fanOut, CancellationToken ct)
    {
        var drain = Get<TimerDrain>();
        await DrainAsync("timers", ct2 => drain.FireBatchAsync(ct2), drain.BatchSize, fanOut, j => j.DrainTimers(false, CancellationToken.None), ct);
    }

    [DisplayName("Run due jobs")]
    [AutomaticRetry(Attempts = 3)]
    public async Task DrainJobs(bool fanOut, CancellationToken ct)
    {
        var drain = Get<JobDrain>();
        await DrainAsync("jobs", ct2 => drain.RunBatchAsync(ct2), JobDrain.BatchSize, fanOut, j => j.DrainJobs(false, CancellationToken.None), ct);
    }

    [DisplayName("Deliver triggers between instances")]
    [AutomaticRetry(Attempts = 3)]
    public async Task DrainInbox(CancellationToken ct)
    {
        var drain = Get<InboxDrain>();
        await DrainAsync("inbox", ct2 => drain.RunBatchAsync(ct2), InboxDrain.BatchSize, false, j => j.DrainInbox(CancellationToken.None), ct);
    }

    /// <summary>Every minute: arms timers and jobs coming within the horizon, dispatches outbox rows a crash left behind, and drains anything already due.</summary>
    [DisplayName("Sweep timers, jobs, inbox and outbox")]
    [AutomaticRetry(Attempts = 0)]
    public async Task Sweep(CancellationToken ct)
    {
        var sweep = Get<Sweeper>();
        await sweep.RunAsync(ct);
    }

    [DisplayName("Prune finished instances")]
    public async Task Prune(CancellationToken ct) => await Get<Instances.Housekeeping>().PruneAsync(ct);

    [DisplayName("Timer start {0}/{1}")]
    [AutomaticRetry(Attempts = 3)]
    public async Task StartByTimer(string definitionKey, string startEventId, CancellationToken ct) =>
        await Get<Instances.InstanceService>().StartByTimerAsync(definitionKey, startEventId, ct);

    private async Task DrainAsync(string what, Func<CancellationToken, Task<int>> batch, int batchSize, bool fanOut,
        System.Linq.Expressions.Expression<Func<WorkflowJobs, Task>> again, CancellationToken ct)
    {
        var until = DateTime.UtcNow + Slice;
        var total = 0;
        var first = true;
        while (!ct.IsCancellationRequested)
        {
            var n = await batch(ct);
            total += n;
            if (first && fanOut && n == batchSize)
            {
                // A full first batch means a burst: let more workers share it.
                for (var i = 1; i < options.DrainParallelism; i++) jobs.Enqueue(again);
            }
            first = false;
            if (n < batchSize) break;
            if (DateTime.UtcNow > until)
            {
                jobs.Enqueue(again);
                break;
            }
        }
        if (total > 0) logger.LogDebug("Drained {Count} {What}", total, what);
    }

    private T Get<T>() where T : notnull => (T)services.GetService(typeof(T))!;
}
