using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Host.Dashboard;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.Organisation;

/// <summary>
/// Issue 19, the dashboard: "Tugas terlambat per unit" counts overdue tasks only, by unit name; the durations are the
/// median and 90th percentile of time in each step over the last 90 days, per step and per unit.
/// </summary>
public sealed class DashboardTests(OrganisationHost host) : IClassFixture<OrganisationHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    private static string Process(string key, string taskId, string taskName, string extra = "") =>
        WithProperties(Chain(key, UserTask(taskId, taskName, candidateGroups: "verifier", extra: extra)), ("caseUnit", "=unitCode"));

    private async Task<JsonElement> GetAsync(string url) => await _api.Http.GetFromJsonAsync<JsonElement>(url);

    [Fact]
    public async Task Only_overdue_tasks_count_per_unit_named_and_durations_give_median_and_p90_per_step_and_unit()
    {
        await _api.DeployAsync(Process("dasbor_tenggat", "periksa", "Periksa berkas", "<zeebe:taskSchedule dueDate=\"=date and time(due)\"/>"));
        await _api.StartAsync("dasbor_tenggat", new { unitCode = OrganisationHost.UnitA, due = "2020-01-01T00:00:00Z" });
        await _api.StartAsync("dasbor_tenggat", new { unitCode = OrganisationHost.UnitA, due = "2099-01-01T00:00:00Z" });
        await _api.StartAsync("dasbor_tenggat", new { unitCode = OrganisationHost.UnitB, due = "2099-01-01T00:00:00Z" });

        var summary = await GetAsync("/api/dashboard/summary");
        var tasks = summary.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("definitionKey").GetString() == "dasbor_tenggat");
        Assert.Equal((3, 1), (tasks.GetProperty("open").GetInt32(), tasks.GetProperty("overdue").GetInt32()));
        Assert.Equal(1, summary.GetProperty("overdueTasks").GetInt32());
        var units = summary.GetProperty("tasksByUnit").EnumerateArray().Select(u => (u.GetProperty("unit").GetString(), u.GetProperty("unitCode").GetString(), u.GetProperty("overdue").GetInt32()));
        Assert.Equal([("Dinas A", OrganisationHost.UnitA, 1)], units);

        // Five completed tasks: 1, 2, 3 and 10 hours in unit A, and one of 1000 hours that ended 100 days ago (outside the window).
        await _api.DeployAsync(Process("dasbor_durasi", "nilai", "Nilai kinerja"));
        var ids = new List<string>();
        foreach (var _ in Enumerable.Range(0, 5))
        {
            var instance = await _api.StartAsync("dasbor_durasi", new { unitCode = OrganisationHost.UnitA });
            var task = (await _api.OpenTasksAsync((string)instance["id"]!))[0]!;
            (await _api.CompleteAsync((string)task["id"]!)).EnsureSuccessStatusCode();
            ids.Add((string)task["id"]!);
        }
        await using (var db = NpgsqlDataSource.Create(host.ConnectionString))
        {
            foreach (var (id, hours, endedDaysAgo) in ids.Zip([(1, 0), (2, 0), (3, 0), (10, 0), (1000, 100)], (id, x) => (id, x.Item1, x.Item2)))
            {
                await using var update = db.CreateCommand(
                    "UPDATE pppk.user_tasks SET ended_at = now() - make_interval(days => $2), created_at = now() - make_interval(days => $2) - make_interval(hours => $3) WHERE id = $1");
                update.Parameters.AddWithValue(Guid.Parse(id));
                update.Parameters.AddWithValue(endedDaysAgo);
                update.Parameters.AddWithValue(hours);
                Assert.Equal(1, await update.ExecuteNonQueryAsync());
            }
        }

        var durations = await GetAsync("/api/dashboard/durations");
        Assert.Equal(90, durations.GetProperty("days").GetInt32());
        var step = durations.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("definitionKey").GetString() == "dasbor_durasi");
        Assert.Equal(("nilai", "Nilai kinerja", 4), (step.GetProperty("elementId").GetString(), step.GetProperty("name").GetString(), step.GetProperty("count").GetInt32()));
        // percentile_cont over 1, 2, 3, 10 hours: the median between 2 and 3, the 90th 70% of the way from 3 to 10.
        Assert.Equal(2.5, step.GetProperty("medianHours").GetDouble(), 2);
        Assert.Equal(7.9, step.GetProperty("p90Hours").GetDouble(), 2);
        var unit = durations.GetProperty("units").EnumerateArray().Single();
        Assert.Equal(("Dinas A", OrganisationHost.UnitA, 4), (unit.GetProperty("unit").GetString(), unit.GetProperty("unitCode").GetString(), unit.GetProperty("count").GetInt32()));
        Assert.Equal(7.9, unit.GetProperty("p90Hours").GetDouble(), 2);
    }

    [Fact]
    public async Task The_durations_read_uses_the_index_of_completed_tasks_when_most_tasks_are_older()
    {
        await _api.DeployAsync(Process("dasbor_rencana", "isi", "Isi data"));
        var instance = (string)(await _api.StartAsync("dasbor_rencana", new { unitCode = OrganisationHost.UnitB }))["id"]!;
        await using var db = NpgsqlDataSource.Create(host.ConnectionString);
        await using var connection = await db.OpenConnectionAsync();
        // Three years of completed tasks, one an hour, seen by the planner, then taken back.
        await using var tx = await connection.BeginTransactionAsync();
        await using (var fill = new NpgsqlCommand("""
            INSERT INTO pppk.user_tasks (id, instance_id, wait_id, element_id, candidate_groups, candidate_users, state, created_at, ended_at)
            SELECT gen_random_uuid(), $1, 1000 + n, 'isi', '{}', '{}', 'completed', now() - make_interval(hours => n + 5), now() - make_interval(hours => n)
            FROM generate_series(1, 26000) n
            """, connection, tx))
        {
            fill.Parameters.AddWithValue(Guid.Parse(instance));
            await fill.ExecuteNonQueryAsync();
        }
        await using (var analyze = new NpgsqlCommand("ANALYZE pppk.user_tasks", connection, tx)) await analyze.ExecuteNonQueryAsync();
        var plan = new List<string>();
        await using (var explain = new NpgsqlCommand("""
            EXPLAIN SELECT i.definition_key, t.element_id, percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.ended_at - t.created_at))
            FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id WHERE t.state = 'completed' AND t.ended_at >= now() - interval '90 days' GROUP BY 1, 2
            """, connection, tx))
        await using (var r = await explain.ExecuteReaderAsync())
            while (await r.ReadAsync()) plan.Add(r.GetString(0));
        await tx.RollbackAsync();
        Assert.Contains(plan, line => line.Contains("ix_user_tasks_completed_ended_at"));
    }

    /// <summary>Issue 21: the figures are kept between refreshes and then count the steps made since; the history lands in this month's partition.</summary>
    [Fact]
    public async Task Kept_figures_stay_until_the_next_refresh_which_counts_the_steps_made_since()
    {
        await _api.DeployAsync(Process("dasbor_simpan", "cek", "Cek berkas"));
        var snapshots = new DashboardSnapshots(host.Host.Services, Options.Create(new DashboardRefreshOptions { Refresh = TimeSpan.FromHours(1) }), TimeProvider.System,
            NullLogger<DashboardSnapshots>.Instance);
        // Not active means cancelled here: a completed task would count in the durations the test above reads.
        static (long Active, long Ended, long Open) Figures(DashboardApi.Summary s) => (
            s.Instances.Where(i => i.DefinitionKey == "dasbor_simpan" && i.Status == "active").Sum(i => i.Count),
            s.Instances.Where(i => i.DefinitionKey == "dasbor_simpan" && i.Status != "active").Sum(i => i.Count),
            s.Tasks.Where(t => t.DefinitionKey == "dasbor_simpan").Sum(t => t.Open));
        Assert.Equal((0, 0, 0), Figures(await snapshots.SummaryAsync(default)));

        var first = (string)(await _api.StartAsync("dasbor_simpan", new { unitCode = OrganisationHost.UnitA }))["id"]!;
        await _api.StartAsync("dasbor_simpan", new { unitCode = OrganisationHost.UnitB });
        Assert.Equal((0, 0, 0), Figures(await snapshots.SummaryAsync(default)));
        await snapshots.RefreshAsync(default);
        Assert.Equal((2, 0, 2), Figures(await snapshots.SummaryAsync(default)));

        (await _api.Http.PostAsJsonAsync($"/api/instances/{first}/cancel", new { reason = "uji" })).EnsureSuccessStatusCode();
        await snapshots.RefreshAsync(default);
        var summary = await snapshots.SummaryAsync(default);
        Assert.Equal((1, 1, 1), Figures(summary));
        Assert.True(summary.At > DateTimeOffset.UtcNow.AddMinutes(-1));

        // The task's history row: in this month's partition, its end written by the cancelling step.
        await using var db = NpgsqlDataSource.Create(host.ConnectionString);
        await using var row = db.CreateCommand("SELECT (SELECT relname::text FROM pg_class WHERE oid = h.tableoid), ended_at IS NOT NULL FROM pppk.history h WHERE instance_id = $1 AND element_id = 'cek'");
        row.Parameters.AddWithValue(Guid.Parse(first));
        await using var r = await row.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.Equal((HistoryPartitions.NameOf(DateTimeOffset.UtcNow), true), (r.GetString(0), r.GetBoolean(1)));
    }
}
