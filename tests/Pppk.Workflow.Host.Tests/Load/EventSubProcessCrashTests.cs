using System.Diagnostics;
using Pppk.Workflow.Host.Tests.WorkflowApi;
using Pppk.Workflow.Testing;
using Xunit.Abstractions;

namespace Pppk.Workflow.Host.Tests.Load;

/// <summary>
/// A power cut while event subprocesses (and signal listeners) run: each instance's interrupting timer event subprocess fires, runs a probe
/// job and waits for a message; the host is SIGKILLed midway and started again. Every instance must complete, each
/// event subprocess must have run once and its probe's effect be recorded exactly once.
/// </summary>
[Trait("Category", "Load")]
[Collection("Load")]
public sealed class EventSubProcessCrashTests(ITestOutputHelper output)
{
    private const int Instances = 600;
    private const string Key = "crash_esp";

    /// <summary>start → wait for a message that never comes; event subprocess (timer, interrupting): probe job → message lanjut → end.</summary>
    private static string Definition() => Bpmn.Process(Key, string.Join("\n",
        "<bpmn:startEvent id=\"start\"/>", Bpmn.MessageCatch("never", "msg_never"), "<bpmn:endEvent id=\"end\"/>",
        Bpmn.Flow("f0", "start", "never"), Bpmn.Flow("f1", "never", "end"),
        """<bpmn:subProcess id="deadline" triggeredByEvent="true"><bpmn:startEvent id="deadline_start"><bpmn:timerEventDefinition><bpmn:timeDuration>PT3S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>""",
        Bpmn.ServiceTask("probe", "diagnostics.probe", extra: """<zeebe:taskHeaders><zeebe:header key="delayMs" value="100"/></zeebe:taskHeaders>"""),
        Bpmn.MessageCatch("lanjut", "msg_lanjut"), "<bpmn:endEvent id=\"deadline_end\"/>",
        Bpmn.Flow("g0", "deadline_start", "probe"), Bpmn.Flow("g1", "probe", "lanjut"), Bpmn.Flow("g2", "lanjut", "deadline_end"), "</bpmn:subProcess>"),
        Bpmn.Message("msg_never", "never", "=businessKey") + Bpmn.Message("msg_lanjut", "lanjut", "=businessKey"));

    [Fact]
    public async Task Killed_host_during_event_subprocesses_loses_nothing_and_runs_nothing_twice()
    {
        var total = Stopwatch.StartNew();
        var cs = await TestCluster.CreateDatabaseAsync("crash_esp");
        HostProcess? host = null;
        try
        {
            host = HostProcess.Start("crash-esp-1", cs, "web,worker");
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(60));
            using (var http = host.Client())
            {
                var api = new WorkflowApiClient(http);
                await api.DeployAsync(Definition());
                var started = await LoadDb.BatchStartAsync(http, Key, Instances, chunk: 200, pause: TimeSpan.FromSeconds(2));
                Assert.Equal(Instances, started);
            }
            output.WriteLine($"{total.Elapsed.TotalSeconds:F1}s: {Instances} instances started");

            var midway = await LoadDb.WaitUntilAsync(async () => await LoadDb.ProbeRowsAsync(cs) >= 100, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(50));
            Assert.True(midway, "no event subprocess ran its probe");
            host.Kill();
            var probesAtKill = await LoadDb.ProbeRowsAsync(cs);
            var timersAtKill = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.timers");
            output.WriteLine($"{total.Elapsed.TotalSeconds:F1}s: SIGKILL with {probesAtKill} probe effects, {timersAtKill} event subprocess timers pending");
            Assert.True(probesAtKill < Instances, "all probes ran before the kill; the crash proved nothing");

            host = HostProcess.Start("crash-esp-2", cs, "web,worker");
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(60));
            // every event subprocess is running before the messages go out, so none is buffered past its subscription
            var allWaiting = await LoadDb.WaitUntilAsync(async () =>
                await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.message_subscriptions WHERE element_id = 'lanjut'") == Instances,
                TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1));
            Assert.True(allWaiting, "not every event subprocess reached its message catch after the restart");
            using (var http = host.Client())
                await LoadDb.PublishAllAsync(http, "lanjut", Instances);
            output.WriteLine($"{total.Elapsed.TotalSeconds:F1}s: restarted, {Instances} messages published");

            var done = await LoadDb.WaitUntilAsync(async () => await LoadDb.CompletedAsync(cs, Key) == Instances, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1));
            var completed = await LoadDb.CompletedAsync(cs, Key);
            var rows = await LoadDb.ProbeRowsAsync(cs);
            var perInstance = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM (SELECT instance_id FROM pppk.probe_effects GROUP BY instance_id HAVING count(*) <> 1) x");
            var espRuns = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.history WHERE element_id = 'deadline'");
            var espTwice = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM (SELECT instance_id FROM pppk.history WHERE element_id = 'deadline' GROUP BY instance_id HAVING count(*) <> 1) x");
            var mainEnded = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.history WHERE element_id = 'end'");
            var leftovers = await LoadDb.ScalarAsync(cs,
                "SELECT (SELECT count(*) FROM pppk.timers) + (SELECT count(*) FROM pppk.jobs) + (SELECT count(*) FROM pppk.message_subscriptions) + (SELECT count(*) FROM pppk.inbox)");
            var incidents = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.incidents WHERE resolved_at IS NULL");
            output.WriteLine($"{total.Elapsed.TotalSeconds:F1}s: completed {completed}/{Instances}; probe rows {rows}; event subprocess runs {espRuns}; " +
                             $"leftover waits {leftovers}; open incidents {incidents}");

            Assert.True(done, $"only {completed} of {Instances} completed within 3 minutes");
            Assert.Equal(Instances, rows);
            Assert.Equal(0, perInstance);
            Assert.Equal(Instances, espRuns);
            Assert.Equal(0, espTwice);
            Assert.Equal(0, mainEnded); // the interrupting event subprocess ended the main flow every time
            Assert.Equal(0, leftovers);
            Assert.Equal(0, incidents);
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

    private const string Listener = "crash_sig_listener";

    /// <summary>
    /// A signal thrown inside a step reaches the instances it does not hold through their inbox, written in the thrower's
    /// transaction: a SIGKILL while the listeners run loses none of them, and each runs its probe once.
    /// </summary>
    [Fact]
    public async Task Killed_host_after_a_signal_throw_loses_no_listener_and_runs_none_twice()
    {
        const string Signal = """<bpmn:signal id="sig" name="ronde-ditutup"/>""";
        var listener = Bpmn.Process(Listener, string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", """<bpmn:intermediateCatchEvent id="tunggu"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateCatchEvent>""",
            Bpmn.ServiceTask("probe", "diagnostics.probe", extra: """<zeebe:taskHeaders><zeebe:header key="delayMs" value="100"/></zeebe:taskHeaders>"""),
            "<bpmn:endEvent id=\"end\"/>", Bpmn.Flow("f0", "start", "tunggu"), Bpmn.Flow("f1", "tunggu", "probe"), Bpmn.Flow("f2", "probe", "end")), Signal);
        var thrower = Bpmn.Process("crash_sig_thrower", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", Bpmn.TimerCatch("sebentar", "PT1S"),
            """<bpmn:intermediateThrowEvent id="siarkan"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateThrowEvent>""",
            "<bpmn:endEvent id=\"end\"/>", Bpmn.Flow("f0", "start", "sebentar"), Bpmn.Flow("f1", "sebentar", "siarkan"), Bpmn.Flow("f2", "siarkan", "end")), Signal);
        var total = Stopwatch.StartNew();
        var cs = await TestCluster.CreateDatabaseAsync("crash_sig");
        HostProcess? host = null;
        try
        {
            host = HostProcess.Start("crash-sig-1", cs, "web,worker");
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(60));
            using (var http = host.Client())
            {
                var api = new WorkflowApiClient(http);
                await api.DeployAsync(listener);
                await api.DeployAsync(thrower);
                Assert.Equal(Instances, await LoadDb.BatchStartAsync(http, Listener, Instances, chunk: 300));
                await api.StartAsync("crash_sig_thrower");
            }
            output.WriteLine($"{total.Elapsed.TotalSeconds:F1}s: {Instances} listeners and the thrower started");

            var midway = await LoadDb.WaitUntilAsync(async () => await LoadDb.ProbeRowsAsync(cs) >= 100, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(50));
            Assert.True(midway, "no listener ran its probe");
            host.Kill();
            var probesAtKill = await LoadDb.ProbeRowsAsync(cs);
            var inboxAtKill = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.inbox");
            output.WriteLine($"{total.Elapsed.TotalSeconds:F1}s: SIGKILL with {probesAtKill} probe effects, {inboxAtKill} signals still in inboxes");
            Assert.True(probesAtKill < Instances, "all probes ran before the kill; the crash proved nothing");

            host = HostProcess.Start("crash-sig-2", cs, "web,worker");
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(60));
            var done = await LoadDb.WaitUntilAsync(async () => await LoadDb.CompletedAsync(cs, Listener) == Instances, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1));
            var completed = await LoadDb.CompletedAsync(cs, Listener);
            var rows = await LoadDb.ProbeRowsAsync(cs);
            var perInstance = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM (SELECT instance_id FROM pppk.probe_effects GROUP BY instance_id HAVING count(*) <> 1) x");
            var caught = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.history WHERE element_id = 'tunggu' AND ended_at IS NOT NULL AND NOT terminated");
            var leftovers = await LoadDb.ScalarAsync(cs,
                "SELECT (SELECT count(*) FROM pppk.signal_subscriptions) + (SELECT count(*) FROM pppk.jobs) + (SELECT count(*) FROM pppk.inbox) + (SELECT count(*) FROM pppk.timers)");
            output.WriteLine($"{total.Elapsed.TotalSeconds:F1}s: restarted; completed {completed}/{Instances}; probe rows {rows}; signals caught {caught}; leftovers {leftovers}");

            Assert.True(done, $"only {completed} of {Instances} listeners completed within 3 minutes");
            Assert.Equal(Instances, rows);
            Assert.Equal(0, perInstance);
            Assert.Equal(Instances, caught);
            Assert.Equal(0, leftovers);
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
