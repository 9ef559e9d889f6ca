using Pppk.Workflow.Testing;
using Xunit.Abstractions;

namespace Pppk.Workflow.Host.Tests.Load;

/// <summary>
/// A SIGKILL while assigning listeners run (tasks created with an assignee): after a restart every task's listener has
/// had its effect exactly once (one probe row per instance), no job is left and the tasks are still open.
/// </summary>
[Trait("Category", "Load")]
[Collection("Load")]
public sealed class AssigningListenerCrashTests(ITestOutputHelper output)
{
    private const int Instances = 2000;
    private const string Key = "crash_assigning";

    private static string Definition() => Bpmn.Chain(Key, """
        <bpmn:userTask id="periksa" name="Periksa"><bpmn:extensionElements><zeebe:userTask/><zeebe:assignmentDefinition assignee="admin" candidateGroups="verifier"/>
          <zeebe:taskListeners><zeebe:taskListener eventType="assigning" type="diagnostics.probe"/></zeebe:taskListeners>
        </bpmn:extensionElements></bpmn:userTask>
        """);

    [Fact]
    public async Task Killed_host_while_assigning_listeners_run_loses_none_and_repeats_no_effect()
    {
        var cs = await TestCluster.CreateDatabaseAsync("crash_assigning");
        HostProcess? host = null;
        try
        {
            host = HostProcess.Start("crash-assigning-1", cs, "web,worker");
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(60));
            using var http = host.Client();
            await new WorkflowApiClient(http).DeployAsync(Definition());
            // One batch opens every task at once, so the listeners' jobs queue up and the kill lands among them (started in
            // paced chunks, the listeners kept up with the starts and had all run before any kill).
            var starting = LoadDb.BatchStartAsync(http, Key, Instances, chunk: Instances);
            var midway = await LoadDb.WaitUntilAsync(async () => await LoadDb.ProbeRowsAsync(cs) >= Instances / 4, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(20));
            Assert.True(midway, "assigning listener probes never started");
            host.Kill();
            var atKill = await LoadDb.ProbeRowsAsync(cs);
            // A batch cut short by the kill fails its request; the database says how many instances were started.
            var startError = await Record.ExceptionAsync(() => starting);
            var started = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.instances");
            output.WriteLine($"SIGKILL with {atKill} probe effects of {started} started instances ({startError?.GetType().Name ?? "every batch sent"})");
            Assert.True(started >= Instances / 4, $"only {started} instances started");
            Assert.True(atKill < started, "every listener ran before the kill; the crash proved nothing");

            host = HostProcess.Start("crash-assigning-2", cs, "web,worker");
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(60));
            var done = await LoadDb.WaitUntilAsync(async () => await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.jobs") == 0
                && await LoadDb.ProbeRowsAsync(cs) >= started, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1));

            Assert.True(done, $"only {await LoadDb.ProbeRowsAsync(cs)} of {started} listeners ran");
            Assert.Equal(started, await LoadDb.ProbeRowsAsync(cs));
            Assert.Equal(0, await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM (SELECT instance_id FROM pppk.probe_effects GROUP BY instance_id HAVING count(*) <> 1) x"));
            Assert.Equal(0, await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.incidents WHERE resolved_at IS NULL"));
            Assert.Equal(started, await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.user_tasks WHERE state = 'open' AND assignee = 'admin'"));
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
