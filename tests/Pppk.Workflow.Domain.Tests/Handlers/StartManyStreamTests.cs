using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Pppk.Workflow.Domain.Tests.Handlers;

/// <summary>
/// Issue 21, <c>POST /api/start-many</c> streams: the evaluation cycle started by hand over 2,500 employees (seeded by SQL)
/// previews by reading them 1,000 at a time, then runs as the handler's streamed <c>start-evaluations</c> operation, one
/// chunk of 1,000 after the committed cursor at a time, starting exactly one evaluation each; the next preview finds
/// them all running and a second start begins none.
/// </summary>
public sealed class StartManyStreamTests(StreamedStartsHost host) : IClassFixture<StreamedStartsHost>
{
    private const int Employees = 2_500;
    private const int Year = 2032;
    private const string Period = "Q1";

    [Fact]
    public async Task The_evaluations_started_by_hand_stream_in_chunks_and_start_each_employee_once()
    {
        await SqlAsync($"""
            INSERT INTO pppk.employees (id, nik, name, unit_code, grade, service_years)
              SELECT 650000 + g, '6403' || lpad(g::text, 12, '0'), 'Pegawai Manual ' || g, 'DINKES', 7, 1 FROM generate_series(1, {Employees}) g;
            INSERT INTO pppk.contracts (id, employee_id, tmt, "end", years, status, part_time)
              SELECT 650000 + g, 650000 + g, '2031-01-01', '2035-12-31', 5, 'active', false FROM generate_series(1, {Employees}) g;
            """);
        var due = await ScalarAsync("SELECT count(*) FROM pppk.employees e WHERE EXISTS (SELECT 1 FROM pppk.contracts c WHERE c.employee_id = e.id AND c.status = 'active')");
        Assert.True(due >= Employees);
        using var admin = host.Client();

        var preview = await PostAsync(admin, dryRun: true);
        Assert.Equal((due, 0L, 5), ((long)preview["total"]!, (long)preview["alreadyRunning"]!, preview["examples"]!.AsArray().Count));
        Assert.Equal(0L, await EvaluationsAsync()); // a preview starts nothing

        var started = await PostAsync(admin, dryRun: false);
        var id = Guid.Parse((string)started["operationId"]!);
        var op = await WaitEndedAsync(admin, id);
        Assert.Equal(("start-evaluations", "completed", due, due, 0L),
            ((string)op["type"]!, (string)op["state"]!, (long)op["total"]!, (long)op["done"]!, (long)op["failed"]!));
        Assert.Equal(due, await EvaluationsAsync());
        Assert.Equal(0L, await ScalarAsync($"SELECT count(*) FROM (SELECT business_key FROM pppk.instances WHERE definition_key = 'evaluasi-kinerja' GROUP BY 1 HAVING count(*) > 1) x"));
        // Read by employee id, a chunk at a time: the committed cursor stands at the last employee.
        Assert.Equal(await ScalarAsync("SELECT max(e.id) FROM pppk.employees e WHERE EXISTS (SELECT 1 FROM pppk.contracts c WHERE c.employee_id = e.id AND c.status = 'active')"),
            await ScalarAsync($"SELECT cursor::bigint FROM pppk.operations WHERE id = '{id}'"));

        var again = await PostAsync(admin, dryRun: true);
        Assert.Equal((0L, due), ((long)again["total"]!, (long)again["alreadyRunning"]!));
        var none = await admin.PostAsJsonAsync("/api/start-many/evaluations", new { year = Year, period = Period });
        Assert.Equal(HttpStatusCode.OK, none.StatusCode); // nothing to start: no operation
        Assert.Equal(due, await EvaluationsAsync());
    }

    private static async Task<JsonObject> PostAsync(HttpClient admin, bool dryRun)
    {
        var response = await admin.PostAsJsonAsync($"/api/start-many/evaluations{(dryRun ? "?dryRun=true" : "")}", new { year = Year, period = Period });
        Assert.Equal(dryRun ? HttpStatusCode.OK : HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private Task<long> EvaluationsAsync() =>
        ScalarAsync($"SELECT count(*) FROM pppk.instances WHERE definition_key = 'evaluasi-kinerja' AND business_key LIKE '%:{Year}:{Period}'");

    private static async Task<JsonObject> WaitEndedAsync(HttpClient admin, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var op = (await admin.GetFromJsonAsync<JsonObject>($"/api/operations/{id}"))!;
            if ((string)op["state"]! != "running") return op;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Operation {id} still running: {op.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    private Task SqlAsync(string sql) => host.SqlAsync(sql);

    private Task<long> ScalarAsync(string sql) => host.ScalarAsync(sql);
}
