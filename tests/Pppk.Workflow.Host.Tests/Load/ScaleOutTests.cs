using System.Diagnostics;
using Npgsql;
using Pppk.Workflow.Host.Tests.WorkflowApi;
using Pppk.Workflow.Testing;
using Xunit.Abstractions;

namespace Pppk.Workflow.Host.Tests.Load;

/// <summary>
/// Scale-out: one web-only and two worker-only host processes on one database. Every trigger runs exactly once
/// whichever worker picks it up, and none is lost.
/// </summary>
[Trait("Category", "Load")]
[Collection("Load")] // one at a time: each drives 2,000 instances through host processes on 2 cores
public sealed class ScaleOutTests(ITestOutputHelper output)
{
    private const int Instances = 2000;
    private const string Key = "scale_probe";
    // The process itself has a history row too (element id = process id).
    private static readonly string[] Elements = [Key, "start", "wait", "probe", "lanjut", "end"];

    [Fact]
    public async Task Two_workers_and_a_web_node_run_every_step_once()
    {
        var total = Stopwatch.StartNew();
        var cs = await TestCluster.CreateDatabaseAsync("scale");
        var hosts = new List<HostProcess>();
        try
        {
            // The web node first: it migrates the fresh database; the workers then find it ready.
            var web = HostProcess.Start("scale-web", cs, "web");
            hosts.Add(web);
            await web.WaitReadyAsync(cs, TimeSpan.FromSeconds(60));
            hosts.Add(HostProcess.Start("scale-worker-1", cs, "worker"));
            hosts.Add(HostProcess.Start("scale-worker-2", cs, "worker"));
            await Task.WhenAll(hosts.Skip(1).Select(h => h.WaitReadyAsync(cs, TimeSpan.FromSeconds(60))));
            output.WriteLine($"{total.Elapsed.TotalSeconds:F1}s: web + 2 workers up (pids {string.Join(", ", hosts.Select(h => h.Pid))})");

            using (var http = web.Client())
            {
                await new WorkflowApiClient(http).DeployAsync(CrashTests.Definition(Key, "PT2S", 20, withMessage: true));
                Assert.Equal(Instances, await LoadDb.BatchStartAsync(http, Key, Instances));
                output.WriteLine($"{total.Elapsed.TotalSeconds:F1}s: {Instances} instances started");
                await LoadDb.PublishAllAsync(http, "lanjut", Instances);
                output.WriteLine($"{total.Elapsed.TotalSeconds:F1}s: {Instances} messages published");
            }

            var done = await LoadDb.WaitUntilAsync(async () => await LoadDb.CompletedAsync(cs, Key) == Instances, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1));
            var completed = await LoadDb.CompletedAsync(cs, Key);
            output.WriteLine($"{total.Elapsed.TotalSeconds:F1}s: {completed}/{Instances} completed");

            var duplicateSteps = await LoadDb.ScalarAsync(cs,
                "SELECT count(*) FROM (SELECT instance_id, element_instance_key FROM pppk.history GROUP BY 1, 2 HAVING count(*) > 1) d");
            var wrongShape = await LoadDb.ScalarAsync(cs, $"""
                SELECT count(*) FROM (
                  SELECT i.id FROM pppk.instances i LEFT JOIN pppk.history h ON h.instance_id = i.id
                  WHERE i.definition_key = '{Key}'
                  GROUP BY i.id
                  HAVING count(h.id) <> {Elements.Length}
                      OR array_agg(h.element_id ORDER BY h.element_id COLLATE "C") <> ARRAY[{string.Join(", ", Elements.Order(StringComparer.Ordinal).Select(e => $"'{e}'"))}]::text[]
                      OR bool_or(h.ended_at IS NULL)) x
                """);
            var historyRows = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.history");
            var probeRows = await LoadDb.ProbeRowsAsync(cs);
            var invocations = await LoadDb.ProbeInvocationsAsync(cs);
            var probePerInstance = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM (SELECT instance_id FROM pppk.probe_effects GROUP BY 1 HAVING count(*) <> 1) x");
            var leftovers = await LoadDb.ScalarAsync(cs,
                "SELECT (SELECT count(*) FROM pppk.timers) + (SELECT count(*) FROM pppk.jobs) + (SELECT count(*) FROM pppk.message_subscriptions) + (SELECT count(*) FROM pppk.buffered_messages) + (SELECT count(*) FROM pppk.inbox)");
            var incidents = await LoadDb.ScalarAsync(cs, "SELECT count(*) FROM pppk.incidents");
            output.WriteLine($"history rows {historyRows} (expected {Instances * Elements.Length}); duplicate (instance, element instance) rows {duplicateSteps}; " +
                             $"instances with the wrong history {wrongShape}; probe rows {probeRows}, invocations {invocations}; leftover wait rows {leftovers}; incidents {incidents}");
            await ReportDistributionAsync(cs, hosts);

            Assert.True(done, $"only {completed} of {Instances} completed within 3 minutes");
            Assert.Equal(0, duplicateSteps);
            Assert.Equal(0, wrongShape);
            Assert.Equal(Instances * Elements.Length, historyRows);
            Assert.Equal(Instances, probeRows);
            Assert.Equal(0, probePerInstance);
            Assert.Equal(Instances, invocations); // no crash here: every probe runs exactly once
            Assert.Equal(0, leftovers);
            Assert.Equal(0, incidents);
        }
        catch
        {
            foreach (var h in hosts) output.WriteLine($"--- {h.Name}\n{h.Output()}");
            throw;
        }
        finally
        {
            foreach (var h in hosts) h.Dispose();
            await TestCluster.DropDatabaseAsync(cs);
        }
    }

    /// <summary>Which worker process ran how many Hangfire drain jobs (from Hangfire's Processing states; a server id holds the pid).</summary>
    private async Task ReportDistributionAsync(string cs, List<HostProcess> hosts)
    {
        try
        {
            await using var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                SELECT split_part(s.data::jsonb->>'ServerId', ':', 2) AS pid, j.invocationdata::jsonb->>'Method' AS method, count(*)
                FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid
                WHERE s.name = 'Processing' GROUP BY 1, 2 ORDER BY 1, 2
                """, conn);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var pid = r.IsDBNull(0) ? "?" : r.GetString(0);
                var name = hosts.FirstOrDefault(h => h.Pid.ToString() == pid)?.Name ?? pid;
                output.WriteLine($"  {name}: {r.GetInt64(2)} x {(r.IsDBNull(1) ? "?" : r.GetString(1))}");
            }
        }
        catch (PostgresException e)
        {
            output.WriteLine($"(distribution not available: {e.MessageText})");
        }
    }
}
