using Hangfire;
using Pppk.Workflow.Notifications.Digest;

namespace Pppk.Workflow.Notifications.Delivery;

/// <summary>The Hangfire entry points of email: the drain (after commit, on retry, every minute) and the daily digest.</summary>
public sealed class EmailJobs(EmailSender sender, DailyDigest digest)
{
    // A drain that dies is not retried by Hangfire: the minute sweep runs the next one.
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Deliver queued emails")]
    public Task<int> Deliver(CancellationToken ct) => sender.DrainAsync(ct);

    [AutomaticRetry(Attempts = 2)]
    [JobDisplayName("Daily task digest")]
    public Task<int> SendDigest(CancellationToken ct) => digest.SendAsync(ct);
}
