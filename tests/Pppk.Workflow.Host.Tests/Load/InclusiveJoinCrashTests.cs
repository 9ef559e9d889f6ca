using Pppk.Workflow.Host.Tests.WorkflowApi;
using Pppk.Workflow.Testing;
using Xunit.Abstractions;

namespace Pppk.Workflow.Host.Tests.Load;

/// <summary>
/// A SIGKILL while inclusive joins wait: one branch's probe job has reached the join, the other branch's timer is still
/// pending. After a restart every instance passes the join exactly once and the probe after it runs once per instance.
/// </summary>
[Trait("Category", "Load")]
[Collection("Load")]
public sealed class InclusiveJoinCrashTests(ITestOutputHelper output)
{
    private const int Instances = 200;
    private const string Key = "or_crash";

    /// <summary>start → inclusive fork → (probe 'sebelum' | timer) → inclusive join → probe 'sesudah' → end.</summary>
    private static string Definition() => Bpmn.Process(Key, string.Join("\n",
        "<bpmn:startEvent id=\"start\"/>", "<bpmn:inclusiveGateway id=\"fork\"/>",
        Bpmn.ServiceTask("sebelum", "diagnostics.probe", extra: """<zeebe:taskHeaders><zeebe:header key="delayMs" value="20"/></zeebe:taskHeaders>"""),
        Bpmn.TimerCatch("tunggu", "PT15S"), "<bpmn:inclusiveGateway id=\"join\"/>",
        Bpmn.ServiceTask("sesudah", "diagnostics.probe"), "<bpmn:endEvent id=\"end\"/>",
        Bpmn.Flow("f0", "start", "fork"), Bpmn.Flow("f1", "fork", "sebelum", "=n >= 0"), Bpmn.Flow("f2", "fork", "tunggu", "=n >= 0"),
        Bpmn.Flow("f3", "sebelum", "join"), Bpmn.Flow("f4", "tunggu", "join"), Bpmn.Flow("f5", "join", "sesudah"), Bpmn.Flow("f6", "sesudah", "end")));

    [Fact]
    public async Task Killed_host_while_joins_wait_passes_each_join_once()
    {
        var cs = await TestCluster.CreateDatabaseAsync("orcrash");
        HostProcess? host = null;
        try
        {
            host = HostProcess.Start("orcrash-1", cs, "web,worker");
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(60));
            using (var http = host.Client())
            {
                await new WorkflowApiClient(http).DeployAsync(Definition());
                Assert.Equal(Instances, await LoadDb.BatchStartAsync(http, Key, Instances));
            }
            // kill once most first branches wait at the join while every timer is still pending
            var waiting = await LoadDb.WaitUntilAsync(async () => await LoadDb.ProbeRowsAsync(cs) >= Instances / 2, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(50));
            Assert.True(waiting, "the probes before the join never ran");
            host.Kill();
            var timersAtKill = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.timers");
            var joinsAtKill = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.history WHERE element_id = 'join'");
            output.WriteLine($"SIGKILL with {await LoadDb.ProbeRowsAsync(cs)} probe effects, {timersAtKill} timers pending, {joinsAtKill} joins passed");
            Assert.True(timersAtKill > 0 && joinsAtKill < Instances, "every join fired before the kill; the crash proved nothing");

            host = HostProcess.Start("orcrash-2", cs, "web,worker");
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(60));
            var done = await LoadDb.WaitUntilAsync(async () => await LoadDb.CompletedAsync(cs, Key) == Instances, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1));

            Assert.True(done, $"only {await LoadDb.CompletedAsync(cs, Key)} of {Instances} completed within 3 minutes");
            Assert.Equal(Instances, await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.history WHERE element_id = 'join'"));
            Assert.Equal(Instances, await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.history WHERE element_id = 'sesudah'"));
            Assert.Equal(2 * Instances, await LoadDb.ProbeRowsAsync(cs)); // one effect per job: 'sebelum' and 'sesudah' of each instance
            Assert.Equal(0, await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM (SELECT instance_id FROM pppk.probe_effects GROUP BY 1 HAVING count(*) <> 2) x"));
            Assert.Equal(0, await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.timers"));
            Assert.Equal(0, await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.jobs"));
            Assert.Equal(0, await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.incidents WHERE resolved_at IS NULL"));
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
