using Hangfire;
using Npgsql;
using Pppk.Workflow.Runtime.Jobs;
using Pppk.Workflow.Runtime.Outbox;

namespace Pppk.Workflow.Runtime.Timers;

/// <summary>The safety net, every minute: nothing a crash left between commit and dispatch stays undone for longer.</summary>
internal sealed class Sweeper(NpgsqlDataSource db, AfterCommit afterCommit, IBackgroundJobClient jobs)
{
    public async Task RunAsync(CancellationToken ct)
    {
        await ArmAsync("pppk.timers", TimerArming.TimerDrainKind, ct);
        await ArmAsync("pppk.jobs", TimerArming.JobDrainKind, ct);
        await afterCommit.DispatchAsync(null, null, ct);

        // Anything already due (fell due while no worker ran, or its wake-up was lost) is drained now.
        if (await ExistsAsync("SELECT EXISTS (SELECT 1 FROM pppk.timers WHERE due_at <= now())", ct))
            jobs.Enqueue<WorkflowJobs>(j => j.DrainTimers(true, CancellationToken.None));
        if (await ExistsAsync("SELECT EXISTS (SELECT 1 FROM pppk.jobs WHERE due_at <= now() AND (locked_until IS NULL OR locked_until < now()))", ct))
            jobs.Enqueue<WorkflowJobs>(j => j.DrainJobs(true, CancellationToken.None));
        if (await ExistsAsync("SELECT EXISTS (SELECT 1 FROM pppk.inbox)", ct))
            jobs.Enqueue<WorkflowJobs>(j => j.DrainInbox(CancellationToken.None));
    }

    /// <summary>Writes one outbox row per distinct due second within the horizon (existing ones are kept by the unique key).</summary>
    private async Task ArmAsync(string table, string kind, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            INSERT INTO pppk.outbox (kind, dedup_key, run_at, created_at)
            SELECT @kind, to_char(s AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), s, now()
            FROM (SELECT DISTINCT date_trunc('second', due_at) + CASE WHEN due_at = date_trunc('second', due_at) THEN interval '0' ELSE interval '1 second' END AS s
                  FROM {table} WHERE due_at > now() AND due_at <= now() + @horizon) d
            ON CONFLICT (kind, dedup_key) DO NOTHING
            """);
        cmd.Parameters.AddWithValue("kind", kind);
        cmd.Parameters.AddWithValue("horizon", TimerArming.Horizon);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<bool> ExistsAsync(string sql, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(sql);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
