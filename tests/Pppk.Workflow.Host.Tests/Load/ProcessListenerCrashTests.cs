using Pppk.Workflow.Testing;
using Xunit.Abstractions;

namespace Pppk.Workflow.Host.Tests.Load;

/// <summary>
/// A SIGKILL while the process's own execution listeners run: every instance still completes, and each listener's job
/// and the task's job has its effect exactly once (process start listener, task, process end listener: three probe rows per instance).
/// </summary>
[Trait("Category", "Load")]
[Collection("Load")]
public sealed class ProcessListenerCrashTests(ITestOutputHelper output)
{
    private const int Instances = 300;
    private const string Key = "crash_proc_listeners";

    private static string Definition()
    {
        var xml = Bpmn.Chain(Key, Bpmn.ServiceTask("kerja", "diagnostics.probe", extra: """<zeebe:taskHeaders><zeebe:header key="delayMs" value="50"/></zeebe:taskHeaders>"""));
        var open = System.Text.RegularExpressions.Regex.Match(xml, "<bpmn:process [^>]*>");
        return xml.Insert(open.Index + open.Length, """
            <bpmn:extensionElements><zeebe:executionListeners>
              <zeebe:executionListener eventType="start" type="diagnostics.probe"/><zeebe:executionListener eventType="end" type="diagnostics.probe"/>
            </zeebe:executionListeners></bpmn:extensionElements>
            """);
    }

    [Fact]
    public async Task Killed_host_while_process_listeners_run_loses_no_listener_and_repeats_no_effect()
    {
        var cs = await TestCluster.CreateDatabaseAsync("crash_proc_listeners");
        HostProcess? host = null;
        try
        {
            host = HostProcess.Start("crash-proc-listeners-1", cs, "web,worker");
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(60));
            using (var http = host.Client())
            {
                await new WorkflowApiClient(http).DeployAsync(Definition());
                Assert.Equal(Instances, await LoadDb.BatchStartAsync(http, Key, Instances, chunk: 100, pause: TimeSpan.FromSeconds(1)));
            }
            var midway = await LoadDb.WaitUntilAsync(async () => await LoadDb.ProbeRowsAsync(cs) >= Instances / 2, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(20));
            Assert.True(midway, "listener probes never started");
            host.Kill();
            var atKill = await LoadDb.ProbeRowsAsync(cs);
            output.WriteLine($"SIGKILL with {atKill} of {3 * Instances} probe effects");
            Assert.True(atKill < 3 * Instances, "every job ran before the kill; the crash proved nothing");

            host = HostProcess.Start("crash-proc-listeners-2", cs, "web,worker");
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(60));
            var done = await LoadDb.WaitUntilAsync(async () => await LoadDb.CompletedAsync(cs, Key) == Instances, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1));

            Assert.True(done, $"only {await LoadDb.CompletedAsync(cs, Key)} of {Instances} completed");
            Assert.Equal(3 * Instances, await LoadDb.ProbeRowsAsync(cs));
            Assert.Equal(0, await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM (SELECT instance_id FROM pppk.probe_effects GROUP BY instance_id HAVING count(*) <> 3) x"));
            Assert.Equal(0, await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.jobs"));
            Assert.Equal(0, await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.incidents WHERE resolved_at IS NULL"));
            Assert.Equal(Instances, await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.history WHERE element_id = 'kerja'"));
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
