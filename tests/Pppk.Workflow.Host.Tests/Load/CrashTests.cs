using System.Diagnostics;
using Pppk.Workflow.Host.Tests.WorkflowApi;
using Pppk.Workflow.Testing;
using Xunit.Abstractions;

namespace Pppk.Workflow.Host.Tests.Load;

/// <summary>
/// A power cut in the middle of a burst: the host process is SIGKILLed while timers fire and probe jobs run, started
/// again, and every instance must still complete with its external effect recorded exactly once.
/// </summary>
[Trait("Category", "Load")]
[Collection("Load")] // one at a time: each drives 2,000 instances through host processes on 2 cores
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Instances = 2000;
    private const string Key = "crash_probe";

    /// <summary>start → timer → probe job (slow by <paramref name="delayMs"/>) → [message lanjut keyed by businessKey] → end.</summary>
    public static string Definition(string key, string timer, int delayMs, bool withMessage)
    {
        var elements = new List<string>
        {
            Bpmn.TimerCatch("wait", timer),
            Bpmn.ServiceTask("probe", "diagnostics.probe", extra: $"""<zeebe:taskHeaders><zeebe:header key="delayMs" value="{delayMs}"/></zeebe:taskHeaders>"""),
        };
        if (withMessage) elements.Add(Bpmn.MessageCatch("lanjut", "msg_lanjut"));
        var xml = Bpmn.Chain(key, [.. elements]);
        return withMessage ? xml.Replace("</bpmn:definitions>", Bpmn.Message("msg_lanjut", "lanjut", "=businessKey") + "\n</bpmn:definitions>") : xml;
    }

    [Fact]
    public async Task Killed_host_loses_nothing_and_repeats_no_effect()
    {
        var total = Stopwatch.StartNew();
        var cs = await TestCluster.CreateDatabaseAsync("crash");
        HostProcess? host = null;
        try
        {
            host = HostProcess.Start("crash-1", cs, "web,worker");
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(60));
            using (var http = host.Client())
            {
                var api = new WorkflowApiClient(http);
                await api.DeployAsync(Definition(Key, "PT3S", 100, withMessage: true));
                // Four waves 2 s apart, so the kill finds timers of later waves still pending, jobs leased and probes half done.
                var started = await LoadDb.BatchStartAsync(http, Key, Instances, chunk: 500, pause: TimeSpan.FromSeconds(2));
                Assert.Equal(Instances, started);
            }
            output.WriteLine($"{total.Elapsed.TotalSeconds:F1}s: {Instances} instances started");

            // Kill once timers fired and some probes ran, but not all.
            var midway = await LoadDb.WaitUntilAsync(async () => await LoadDb.ProbeRowsAsync(cs) >= 150, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(50));
            Assert.True(midway, "probes never started");
            host.Kill();
            var probesAtKill = await LoadDb.ProbeRowsAsync(cs);
            var timersAtKill = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.timers");
            var leasedAtKill = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.jobs WHERE locked_until > now()");
            output.WriteLine($"{total.Elapsed.TotalSeconds:F1}s: SIGKILL with {probesAtKill} probe effects, {timersAtKill} timers left, {leasedAtKill} jobs leased");
            Assert.True(probesAtKill < Instances, "all probes ran before the kill; the crash proved nothing");

            host = HostProcess.Start("crash-2", cs, "web,worker");
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(60));
            output.WriteLine($"{total.Elapsed.TotalSeconds:F1}s: restarted");
            using (var http = host.Client())
                await LoadDb.PublishAllAsync(http, "lanjut", Instances);
            output.WriteLine($"{total.Elapsed.TotalSeconds:F1}s: {Instances} messages published");

            var done = await LoadDb.WaitUntilAsync(async () => await LoadDb.CompletedAsync(cs, Key) == Instances, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1));
            var completed = await LoadDb.CompletedAsync(cs, Key);
            var rows = await LoadDb.ProbeRowsAsync(cs);
            var invocations = await LoadDb.ProbeInvocationsAsync(cs);
            var perInstance = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM (SELECT instance_id FROM pppk.probe_effects GROUP BY instance_id HAVING count(*) <> 1) x");
            var timers = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.timers");
            var jobs = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.jobs");
            var incidents = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.incidents WHERE resolved_at IS NULL");
            var probeHistory = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.history WHERE element_id = 'probe'");
            output.WriteLine($"{total.Elapsed.TotalSeconds:F1}s: completed {completed}/{Instances}; probe effect rows {rows}; invocations {invocations} " +
                             $"(re-invocations {invocations - Instances}); timers {timers}; jobs {jobs}; open incidents {incidents}; probe history rows {probeHistory}");

            Assert.True(done, $"only {completed} of {Instances} completed within 3 minutes");
            Assert.Equal(Instances, completed);
            Assert.Equal(Instances, rows);
            Assert.Equal(0, perInstance);
            Assert.Equal(0, timers);
            Assert.Equal(0, jobs);
            Assert.Equal(0, incidents);
            Assert.Equal(Instances, probeHistory);
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
