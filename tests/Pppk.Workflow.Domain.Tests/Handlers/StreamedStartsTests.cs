using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Domain.Handlers.Renewal;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Tests.Handlers;

/// <summary>The host of <see cref="StreamedStartsTests"/>: streamed starts read 1,000 rows a chunk, its worker polls often.</summary>
public sealed class StreamedStartsHost : DomainTestHost
{
    public const int StartChunkSize = 1_000;

    protected override Dictionary<string, string?> Settings()
    {
        var s = base.Settings();
        s["Runtime:Operations:StartChunkSize"] = StartChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        s["Jobs:QueuePollInterval"] = "00:00:00.200";
        return s;
    }

    /// <summary>Runs <paramref name="sql"/> on the host's database (seeding by generate_series).</summary>
    public async Task SqlAsync(string sql)
    {
        await using var data = NpgsqlDataSource.Create(ConnectionString);
        await using var cmd = data.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The one value <paramref name="sql"/> answers, as a number.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var data = NpgsqlDataSource.Create(ConnectionString);
        await using var cmd = data.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}

/// <summary>
/// The evaluation cycle over 2,500 employees streams: <c>pppk.start-evaluations</c> makes one <c>start-evaluations</c>
/// operation that reads the employees 1,000 at a time and starts exactly one evaluation each; the same job run again
/// answers the same operation, and a new job for the same period starts none of those still running.
/// </summary>
public sealed class StreamedStartsTests(StreamedStartsHost host) : IClassFixture<StreamedStartsHost>
{
    private const int Employees = 2_500;
    private const int Year = 2031;
    private const string Period = "Q3";

    [Fact]
    public async Task The_evaluation_cycle_starts_one_case_per_employee_in_chunks_and_a_rerun_starts_none()
    {
        // 2,500 employees with an active contract, ids 600001-602500, and one whose contract ended (not due).
        await SqlAsync($"""
            INSERT INTO pppk.employees (id, nik, name, unit_code, grade, service_years)
              SELECT 600000 + g, '6402' || lpad(g::text, 12, '0'), 'Pegawai ' || g, 'DINKES', 7, 1 FROM generate_series(1, {Employees + 1}) g;
            INSERT INTO pppk.contracts (id, employee_id, tmt, "end", years, status, part_time)
              SELECT 600000 + g, 600000 + g, '2030-01-01', '2034-12-31', 5, CASE WHEN g = {Employees + 1} THEN 'ended' ELSE 'active' END, false
              FROM generate_series(1, {Employees + 1}) g;
            """);
        var due = await ScalarAsync("SELECT count(*) FROM pppk.employees e WHERE EXISTS (SELECT 1 FROM pppk.contracts c WHERE c.employee_id = e.id AND c.status = 'active')");
        Assert.True(due >= Employees);

        var job = Job(waitId: 1);
        var first = await HandleAsync(job);
        var op = await WaitEndedAsync(first.Id);
        Assert.Equal(("start-evaluations", "completed", "evaluasi-kinerja"), ((string)op["type"]!, (string)op["state"]!, (string)op["definitionKey"]!));
        Assert.Equal((due, due, 0L), ((long)op["total"]!.GetValue<int>(), (long)op["done"]!.GetValue<int>(), (long)op["failed"]!.GetValue<int>()));
        Assert.Equal(due, (long)first.Due);
        Assert.Equal(due, await EvaluationsAsync());
        Assert.Equal(0L, await ScalarAsync($"SELECT count(*) FROM (SELECT business_key FROM pppk.instances WHERE definition_key = 'evaluasi-kinerja' GROUP BY 1 HAVING count(*) > 1) x"));
        Assert.Equal(0L, await ScalarAsync($"SELECT count(*) FROM pppk.instances WHERE business_key = '{600000 + Employees + 1}:{Year}:{Period}'"));
        // One committed chunk per 1,000 employees: the cursor stands at the last employee read.
        Assert.Equal((long)(600000 + Employees), await ScalarAsync($"SELECT cursor::bigint FROM pppk.operations WHERE id = '{first.Id}'"));

        // The same job run again (its process died after the operation was made): the same operation, nothing new.
        var again = await HandleAsync(job);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM pppk.operations WHERE type = 'start-evaluations'"));

        // A new job for the same period: its own operation, which finds every evaluation still running and starts none.
        var second = await HandleAsync(Job(waitId: 2));
        Assert.NotEqual(first.Id, second.Id);
        var secondOp = await WaitEndedAsync(second.Id);
        Assert.Equal(("completed", due), ((string)secondOp["state"]!, (long)secondOp["done"]!.GetValue<int>()));
        Assert.Equal(due, await EvaluationsAsync());
    }

    private Task<long> EvaluationsAsync() =>
        ScalarAsync($"SELECT count(*) FROM pppk.instances WHERE definition_key = 'evaluasi-kinerja' AND business_key LIKE '%:{Year}:{Period}'");

    private static JobContext Job(long waitId) => new()
    {
        InstanceId = Guid.Parse("0193a000-0000-7000-8000-000000000021"), ElementId = "mulai_evaluasi", WaitId = waitId, Type = "pppk.start-evaluations",
        Variables = new JsonObject { ["year"] = Year, ["period"] = Period }, Headers = new Dictionary<string, string>(), RetriesLeft = 3,
    };

    private async Task<(Guid Id, int Due)> HandleAsync(JobContext job)
    {
        var handler = host.Service<IEnumerable<IJobHandler>>().OfType<StartEvaluationsHandler>().Single();
        var result = await handler.HandleAsync(job, CancellationToken.None);
        var output = Assert.IsType<JobResult.Completed>(result).Variables!;
        return (Guid.Parse((string)output["evaluationsOperationId"]!), (int)output["evaluationsDue"]!);
    }

    private async Task<JsonObject> WaitEndedAsync(Guid id)
    {
        using var admin = host.Client();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var op = (await admin.GetFromJsonAsync<JsonObject>($"/api/operations/{id}"))!;
            if ((string)op["state"]! != "running") return op;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Operation {id} still running: {op.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    private async Task SqlAsync(string sql)
    {
        await using var data = NpgsqlDataSource.Create(host.ConnectionString);
        await using var cmd = data.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var data = NpgsqlDataSource.Create(host.ConnectionString);
        await using var cmd = data.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}
