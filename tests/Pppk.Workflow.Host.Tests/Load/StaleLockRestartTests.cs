using Pppk.Workflow.Testing;
using Xunit.Abstractions;

namespace Pppk.Workflow.Host.Tests.Load;

/// <summary>
/// A process killed while Hangfire's scheduler held a recurring job's lock leaves the lock behind for a minute; a host
/// started in that minute must start (registering the job again in the background), not stop on the lock.
/// </summary>
[Trait("Category", "Load")]
[Collection("Load")]
public sealed class StaleLockRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_host_starts_while_a_killed_process_still_holds_a_recurring_jobs_lock()
    {
        var cs = await TestCluster.CreateDatabaseAsync("stale_lock_restart");
        HostProcess? host = null;
        try
        {
            host = HostProcess.Start("stale-lock-1", cs, "web,worker");
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(60));
            host.Kill();
            // What the killed scheduler would have left: the lock row of a recurring job the start-up registers.
            Assert.Equal(1, await LoadDb.ScalarAsync(cs, """
                WITH held AS (
                    INSERT INTO hangfire.lock (resource, updatecount, acquired)
                    VALUES ('hangfire:lock:recurring-job:runtime:operations', 0, now() AT TIME ZONE 'UTC')
                    ON CONFLICT DO NOTHING RETURNING 1)
                SELECT count(*) FROM held
                """));

            host = HostProcess.Start("stale-lock-2", cs, "web,worker");
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(90));
            Assert.Contains("registering it again in the background", host.Output());
        }
        catch
        {
            if (host is not null) output.WriteLine(host.Output());
            throw;
        }
        finally
        {
            host?.Dispose();
            await TestCluster.DropDatabaseAsync(cs);
        }
    }
}
