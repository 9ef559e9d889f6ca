using System.Diagnostics;
using Pppk.Workflow.Host.Tests.Load;
using Pppk.Workflow.Testing;
using Xunit.Abstractions;

namespace Pppk.Workflow.Host.Tests.Operations;

/// <summary>
/// A power cut in the middle of an evaluation cycle over 20,000 employees: <c>pppk.start-evaluations</c> streams them as
/// a <c>start-evaluations</c> operation (1,000 a chunk), the host process is SIGKILLed while chunks commit, started again,
/// and the operation must go on from its last committed chunk: every employee evaluated exactly once, none twice, none lost.
/// </summary>
[Trait("Category", "Load")]
[Collection("Load")]
public sealed class StreamedStartCrashTests(ITestOutputHelper output)
{
    private const int Employees = 8_000;
    private const string Key = "stream_crash";

    [Fact]
    public async Task Killed_host_resumes_the_evaluation_cycle_from_its_last_chunk_and_starts_every_case_once()
    {
        var clock = Stopwatch.StartNew();
        var cs = await TestCluster.CreateDatabaseAsync("streamcrash");
        var settings = new Dictionary<string, string> { ["Runtime__Operations__StartChunkSize"] = "500" };
        HostProcess? host = null;
        try
        {
            host = HostProcess.Start("streamcrash-1", cs, "web,worker", settings);
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(180)); // a shared, loaded box starts slowly
            await LoadDb.ScalarAsync(cs, $"""
                WITH e AS (
                    INSERT INTO pppk.employees (id, nik, name, unit_code, grade, service_years)
                    SELECT g, '6402' || lpad(g::text, 12, '0'), 'Pegawai ' || g, 'DINKES', 7, 1 FROM generate_series(1, {Employees}) g RETURNING id)
                INSERT INTO pppk.contracts (employee_id, tmt, "end", years, status, part_time) SELECT id, '2030-01-01', '2034-12-31', 5, 'active', false FROM e
                """);
            using (var http = host.Client())
            {
                var api = new WorkflowApiClient(http);
                await api.DeployAsync(Bpmn.Chain(Key, Bpmn.ServiceTask("mulai", "pppk.start-evaluations")));
                await api.StartAsync(Key, new { year = 2031, period = "annual" });
            }

            // Kill once a few chunks committed, while the runner is inside the next one.
            var midway = await LoadDb.WaitUntilAsync(async () => await DoneAsync(cs) >= 2000, TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(20));
            Assert.True(midway, "the operation never got going");
            host.Kill();
            var doneAtKill = await DoneAsync(cs);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: SIGKILL with {doneAtKill} of {Employees} done");
            Assert.True(doneAtKill < Employees, "the operation finished before the kill; the crash proved nothing");
            // A chunk commits its starts, its cursor and its counters together: what was counted is exactly what was started.
            Assert.Equal(doneAtKill, await EvaluationsAsync(cs));

            host = HostProcess.Start("streamcrash-2", cs, "web,worker", settings);
            await host.WaitReadyAsync(cs, TimeSpan.FromSeconds(180)); // a shared, loaded box starts slowly
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: restarted");
            var ended = await LoadDb.WaitUntilAsync(async () => await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.operations WHERE state <> 'running'") == 1,
                TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(200));
            Assert.True(ended, "the operation did not end after the restart");

            var operations = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.operations");
            var completed = await LoadDb.ScalarAsync(cs, $"SELECT count(*) FROM pppk.operations WHERE state = 'completed' AND total = {Employees} AND done = {Employees} AND failed = 0");
            var evaluations = await EvaluationsAsync(cs);
            var twice = await LoadDb.ScalarAsync(cs,
                "SELECT count(*) FROM (SELECT business_key FROM pppk.instances WHERE definition_key = 'evaluasi-kinerja' GROUP BY 1 HAVING count(*) > 1) x");
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: operations {operations}, completed with every employee {completed}, evaluations {evaluations}, keys started twice {twice}");
            Assert.Equal(1, operations);
            Assert.Equal(1, completed);
            Assert.Equal(Employees, evaluations);
            Assert.Equal(0, twice);
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

    private static Task<long> DoneAsync(string cs) => LoadDb.ScalarAsync(cs, "SELECT coalesce(max(done), 0) FROM pppk.operations WHERE type = 'start-evaluations'");

    private static Task<long> EvaluationsAsync(string cs) => LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.instances WHERE definition_key = 'evaluasi-kinerja'");
}
