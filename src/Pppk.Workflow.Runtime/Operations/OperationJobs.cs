using System.ComponentModel;
using Hangfire;
using Npgsql;

namespace Pppk.Workflow.Runtime.Operations;

/// <summary>
/// The Hangfire jobs of batch operations: one job per operation runs a slice of chunks and queues itself again while work
/// remains; the resume check queues operations whose runner died (a job lost with its process, or never queued).
/// </summary>
public sealed class OperationJobs(IServiceProvider services, IBackgroundJobClient jobs)
{
    /// <summary>An operation with no chunk committed for this long and no live runner is queued again by the minutely check.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(1);

    [DisplayName("Batch operation {0}")]
    [AutomaticRetry(Attempts = 3)]
    public async Task Run(Guid operationId, CancellationToken ct)
    {
        if (await Get<OperationRunner>().RunAsync(operationId, ct))
            jobs.Enqueue<OperationJobs>(j => j.Run(operationId, CancellationToken.None));
    }

    /// <summary>At start-up (<paramref name="all"/>: every running operation) and every minute (the quiet ones): queues their runs; one still running elsewhere is left to it.</summary>
    [DisplayName("Resume batch operations")]
    [AutomaticRetry(Attempts = 0)]
    public async Task Resume(bool all, CancellationToken ct)
    {
        foreach (var id in await OperationTable.RunningAsync(Get<NpgsqlDataSource>(), all ? TimeSpan.Zero : Quiet, ct))
            jobs.Enqueue<OperationJobs>(j => j.Run(id, CancellationToken.None));
    }

    private T Get<T>() where T : notnull => (T)services.GetService(typeof(T))!;
}
