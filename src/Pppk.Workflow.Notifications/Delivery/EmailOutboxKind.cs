using Hangfire;
using Pppk.Workflow.Runtime.Outbox;

namespace Pppk.Workflow.Notifications.Delivery;

/// <summary>The outbox kind an email task's step writes: after commit it wakes a drain (one, while one is still waiting to start).</summary>
public sealed class EmailOutboxKind(EmailSender sender) : IOutboxKind
{
    public const string Kind = "email";

    string IOutboxKind.Kind => Kind;

    public void Dispatch(IBackgroundJobClient jobs, DateTimeOffset? runAt)
    {
        if (sender.ClaimDispatch()) jobs.Enqueue<EmailJobs>(j => j.Deliver(CancellationToken.None));
    }
}
