using Hangfire;
using Npgsql;
using Pppk.Workflow.Runtime.Jobs;
using Pppk.Workflow.Runtime.Outbox;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Timers;

/// <summary>The safety net, every minute: nothing a crash left between commit and dispatch stays undone for longer.</summary>
internal sealed class Sweeper(NpgsqlDataSource db, AfterCommit afterCommit, IBackgroundJobClient jobs)
{
    public async Task RunAsync(CancellationToken ct)
    {
        await OutboxTable.ArmAsync(db, TimerTable.Name, TimerArming.TimerDrainKind, TimerArming.Horizon, ct);
        await OutboxTable.ArmAsync(db, JobTable.Name, TimerArming.JobDrainKind, TimerArming.Horizon, ct);
        await afterCommit.DispatchAsync(null, null, ct);

        // Anything already due (fell due while no worker ran, or its wake-up was lost) is drained now.
        if (await TimerTable.AnyDueAsync(db, ct))
            jobs.Enqueue<WorkflowJobs>(j => j.DrainTimers(true, CancellationToken.None));
        if (await JobTable.AnyDueAsync(db, ct))
            jobs.Enqueue<WorkflowJobs>(j => j.DrainJobs(true, CancellationToken.None));
        if (await InboxTable.AnyAsync(db, ct))
            jobs.Enqueue<WorkflowJobs>(j => j.DrainInbox(CancellationToken.None));
    }
}
