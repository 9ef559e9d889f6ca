using Pppk.Workflow.Host.Tests.WorkflowApi;
using Pppk.Workflow.Testing;
using Xunit.Abstractions;

namespace Pppk.Workflow.Host.Tests.Load;

/// <summary>
/// A SIGKILL while compensation is in progress: throw events wait for their handlers' (or compensation event subprocesses') probe jobs, some done, some not.
/// After a restart every handler has run once, every throw event passed once, and the job after it ran once.
/// </summary>
[Trait("Category", "Load")]
[Collection("Load")]
public sealed class CompensationCrashTests(ITestOutputHelper output)
{
    private const int Instances = 200;
    private const string Key = "comp_crash";

    /// <summary>start → probe 'pesan' (compensated by probe 'batal') → compensation throw 'urungkan' → probe 'lapor' → end.</summary>
    private static string Definition() => Bpmn.Process(Key, string.Join("\n",
        "<bpmn:startEvent id=\"start\"/>", Bpmn.ServiceTask("pesan", "diagnostics.probe"),
        """<bpmn:boundaryEvent id="b_pesan" attachedToRef="pesan"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>""",
        Bpmn.ServiceTask("batal", "diagnostics.probe", extra: """<zeebe:taskHeaders><zeebe:header key="delayMs" value="3000"/></zeebe:taskHeaders>""")
            .Replace("<bpmn:serviceTask id=\"batal\"", "<bpmn:serviceTask id=\"batal\" isForCompensation=\"true\""),
        """<bpmn:association id="as1" associationDirection="One" sourceRef="b_pesan" targetRef="batal"/>""",
        """<bpmn:intermediateThrowEvent id="urungkan"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>""",
        Bpmn.ServiceTask("lapor", "diagnostics.probe"), "<bpmn:endEvent id=\"end\"/>",
        Bpmn.Flow("f0", "start", "pesan"), Bpmn.Flow("f1", "pesan", "urungkan"), Bpmn.Flow("f2", "urungkan", "lapor"), Bpmn.Flow("f3", "lapor", "end")));

    private const string EspKey = "comp_esp_crash";

    /// <summary>start → subprocess 'pesan_sub' (probe 'pesan'; compensation event subprocess 'batal_esp' with probe 'batal') → throw 'urungkan' → probe 'lapor' → end.</summary>
    private static string EspDefinition() => Bpmn.Process(EspKey, string.Join("\n",
        "<bpmn:startEvent id=\"start\"/>",
        $"""
        <bpmn:subProcess id="pesan_sub">
          <bpmn:startEvent id="s1"/>{Bpmn.ServiceTask("pesan", "diagnostics.probe")}<bpmn:endEvent id="e1"/>
          {Bpmn.Flow("p1", "s1", "pesan")}{Bpmn.Flow("p2", "pesan", "e1")}
          <bpmn:subProcess id="batal_esp" triggeredByEvent="true">
            <bpmn:startEvent id="batal_s"><bpmn:compensateEventDefinition/></bpmn:startEvent>
            {Bpmn.ServiceTask("batal", "diagnostics.probe", extra: """<zeebe:taskHeaders><zeebe:header key="delayMs" value="3000"/></zeebe:taskHeaders>""")}
            <bpmn:endEvent id="batal_e"/>
            {Bpmn.Flow("b1", "batal_s", "batal")}{Bpmn.Flow("b2", "batal", "batal_e")}
          </bpmn:subProcess>
        </bpmn:subProcess>
        """,
        """<bpmn:intermediateThrowEvent id="urungkan"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>""",
        Bpmn.ServiceTask("lapor", "diagnostics.probe"), "<bpmn:endEvent id=\"end\"/>",
        Bpmn.Flow("f0", "start", "pesan_sub"), Bpmn.Flow("f1", "pesan_sub", "urungkan"), Bpmn.Flow("f2", "urungkan", "lapor"), Bpmn.Flow("f3", "lapor", "end")));

    [Fact]
    public Task Killed_host_during_compensation_runs_each_handler_once_and_passes_each_throw_once() =>
        KillDuringCompensationAsync("compcrash", Key, Definition(), ["pesan", "batal", "urungkan", "lapor"]);

    [Fact]
    public Task Killed_host_during_a_compensation_event_subprocess_runs_it_once_and_passes_each_throw_once() =>
        KillDuringCompensationAsync("compespcrash", EspKey, EspDefinition(), ["pesan_sub", "pesan", "batal_esp", "batal", "urungkan", "lapor"]);

    private async Task KillDuringCompensationAsync(string name, string key, string definition, string[] elements)
    {
        var cs = await TestCluster.CreateDatabaseAsync(name);
        HostProcess? host = null;
        try
        {
            host = HostProcess.Start($"{name}-1", cs, "web,worker");
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(60));
            using (var http = host.Client())
            {
                await new WorkflowApiClient(http).DeployAsync(definition);
                Assert.Equal(Instances, await LoadDb.BatchStartAsync(http, key, Instances));
            }
            // kill while the handlers are under way: a handler's probe records its effect first, then takes 3 s to report
            var midway = await LoadDb.WaitUntilAsync(async () => await LoadDb.ProbeRowsAsync(cs) >= Instances + 20, TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(50));
            Assert.True(midway, "no compensation handler ever started");
            host.Kill();
            var passedAtKill = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.history WHERE element_id = 'urungkan' AND ended_at IS NOT NULL");
            output.WriteLine($"SIGKILL with {await LoadDb.ProbeRowsAsync(cs)} probe effects and {passedAtKill} throw events passed");
            Assert.True(passedAtKill < Instances, "every compensation finished before the kill; the crash proved nothing");

            host = HostProcess.Start($"{name}-2", cs, "web,worker");
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(60));
            var done = await LoadDb.WaitUntilAsync(async () => await LoadDb.CompletedAsync(cs, key) == Instances, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1));

            Assert.True(done, $"only {await LoadDb.CompletedAsync(cs, key)} of {Instances} completed within 3 minutes");
            foreach (var element in elements)
                Assert.Equal(Instances, await LoadDb.ScalarAsync(cs, $"SELECT count(*) FROM pppk.history WHERE element_id = '{element}'"));
            Assert.Equal(3 * Instances, await LoadDb.ProbeRowsAsync(cs)); // one effect per job: pesan, batal and lapor of each instance
            Assert.Equal(0, await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM (SELECT instance_id FROM pppk.probe_effects GROUP BY 1 HAVING count(*) <> 3) x"));
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
