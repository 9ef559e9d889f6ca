using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;

namespace Pppk.Workflow.Runtime.Jobs;

/// <summary>
/// Registers recurring jobs without letting a stale lock stop the process: a process killed while Hangfire's scheduler
/// held a recurring job's lock leaves that lock until <c>DistributedLockTimeout</c> (1 minute), and a restart inside that
/// minute would fail its start-up registration. The job's stored definition stays valid meanwhile, so the registration
/// is retried in the background instead.
/// </summary>
internal sealed class TolerantRecurringJobs(IRecurringJobManager inner, ILogger<TolerantRecurringJobs> log) : IRecurringJobManager
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(20);
    private const int Attempts = 30;

    public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) =>
        Tolerate(recurringJobId, () => inner.AddOrUpdate(recurringJobId, job, cronExpression, options));

    public void Trigger(string recurringJobId) => inner.Trigger(recurringJobId);

    public void RemoveIfExists(string recurringJobId) => Tolerate(recurringJobId, () => inner.RemoveIfExists(recurringJobId));

    private void Tolerate(string id, Action change)
    {
        try
        {
            change();
        }
        catch (Exception e) when (IsLockTimeout(e))
        {
            log.LogWarning("Recurring job {RecurringJobId} is locked (a process stopped while holding it); registering it again in the background", id);
            _ = Task.Run(() => RetryAsync(id, change));
        }
    }

    private async Task RetryAsync(string id, Action change)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            await Task.Delay(RetryEvery);
            try
            {
                change();
                log.LogInformation("Recurring job {RecurringJobId} registered after {Attempt} retries", id, attempt);
                return;
            }
            catch (Exception e) when (IsLockTimeout(e))
            {
            }
            catch (Exception e)
            {
                log.LogError(e, "Recurring job {RecurringJobId} could not be registered", id);
                return;
            }
        }
        log.LogError("Recurring job {RecurringJobId} stayed locked for {Minutes} minutes; it runs with its previous definition", id, Attempts * RetryEvery.TotalMinutes);
    }

    private static bool IsLockTimeout(Exception e) => e is DistributedLockTimeoutException or PostgreSqlDistributedLockException;
}
