using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Host.Tests.Load;
using Pppk.Workflow.Testing;
using Xunit.Abstractions;

namespace Pppk.Workflow.Host.Tests.Operations;

/// <summary>
/// A power cut in the middle of a 10,000-instance batch operation (a migration from version 1 to 2, and a set-variables):
/// the host process is SIGKILLed while chunks commit, started again, and the operation must finish with every instance
/// done exactly once (one audit entry per instance, one migration history row, every item done, the counters matching),
/// none lost.
/// </summary>
[Trait("Category", "Load")]
[Collection("Load")]
public sealed class OperationCrashTests(ITestOutputHelper output)
{
    private const int Instances = 10_000;
    private const string Key = "ops_crash";

    [Theory]
    [InlineData("migrate")]
    [InlineData("set-variables")]
    public async Task Killed_host_resumes_the_operation_and_does_every_instance_exactly_once(string type)
    {
        var clock = Stopwatch.StartNew();
        var cs = await TestCluster.CreateDatabaseAsync("opscrash");
        HostProcess? host = null;
        try
        {
            host = HostProcess.Start("opscrash-1", cs, "web,worker");
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(60));
            string id;
            using (var http = host.Client())
            {
                await new WorkflowApiClient(http).DeployAsync(Bpmn.Chain(Key, Bpmn.UserTask("periksa")));
                Assert.Equal(Instances, await LoadDb.BatchStartAsync(http, Key, Instances, chunk: 2000));
                output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: {Instances} instances started");
                await new WorkflowApiClient(http).DeployAsync(Bpmn.Chain(Key, Bpmn.UserTask("periksa", "Periksa berkas (aturan baru)")));
                id = type == "migrate"
                    ? await http.CreateAsync(new { type, filter = new { definitionKey = Key, version = 1 }, targetVersion = 2 })
                    : await http.CreateAsync(new { type, filter = new { definitionKey = Key }, variables = new { diperbarui = true } });
            }

            // Kill once a few chunks committed, while the runner is inside the next one.
            var midway = await LoadDb.WaitUntilAsync(async () => await DoneAsync(cs, id) >= 1000, TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(20));
            Assert.True(midway, "the operation never got going");
            host.Kill();
            var doneAtKill = await DoneAsync(cs, id);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: SIGKILL with {doneAtKill} of {Instances} done");
            Assert.True(doneAtKill < Instances, "the operation finished before the kill; the crash proved nothing");
            Assert.Equal(doneAtKill, await LoadDb.ScalarAsync(cs, $"SELECT count(*) FROM pppk.operation_items WHERE operation_id = '{id}' AND state = 'done'"));

            host = HostProcess.Start("opscrash-2", cs, "web,worker");
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(60));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: restarted");
            JsonObject op;
            using (var http = host.Client())
                op = await http.WaitEndedAsync(id, TimeSpan.FromMinutes(5));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: {op["state"]}, done {op["done"]}, failed {op["failed"]}");

            var action = type == "migrate" ? "migrate" : "set-variables";
            var audited = await LoadDb.ScalarAsync(cs, $"SELECT count(*) FROM pppk.audit WHERE action = '{action}'");
            var twice = await LoadDb.ScalarAsync(cs,
                $"SELECT count(*) FROM (SELECT instance_id FROM pppk.audit WHERE action = '{action}' GROUP BY instance_id HAVING count(*) <> 1) x");
            var changed = await LoadDb.ScalarAsync(cs, type == "migrate"
                ? $"SELECT count(*) FROM pppk.instances WHERE definition_key = '{Key}' AND version = 2 AND status = 'active'"
                : $"SELECT count(*) FROM pppk.instances WHERE definition_key = '{Key}' AND state->'elements'->0->'variables'->>'diperbarui' = 'true'");
            var migrationRows = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.history WHERE element_type = 'migration'");
            var openTasks = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.user_tasks WHERE state = 'open'");
            var notDone = await LoadDb.ScalarAsync(cs, $"SELECT count(*) FROM pppk.operation_items WHERE operation_id = '{id}' AND state <> 'done'");
            output.WriteLine($"audit entries {audited}; instances with other than one entry {twice}; instances changed {changed}; " +
                             $"migration history rows {migrationRows}; open tasks {openTasks}; items not done {notDone}");

            Assert.Equal("completed", (string)op["state"]!);
            Assert.Equal((Instances, Instances, 0), ((int)op["total"]!, (int)op["done"]!, (int)op["failed"]!));
            Assert.Equal(Instances, audited);
            Assert.Equal(0, twice);
            Assert.Equal(0, notDone);
            Assert.Equal(Instances, changed);
            Assert.Equal(type == "migrate" ? Instances : 0, migrationRows);
            Assert.Equal(Instances, openTasks);
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

    private static Task<long> DoneAsync(string cs, string id) => LoadDb.ScalarAsync(cs, $"SELECT coalesce(max(done), 0) FROM pppk.operations WHERE id = '{id}'");
}
