using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.Operations;

/// <summary><c>/api/operations</c> end to end on PostgreSQL: each type, progress with reasons, cancel after a chunk, dry run, the 400s and 403s.</summary>
public sealed class OperationsApiTests(OperationsTestHost host) : IClassFixture<OperationsTestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());
    private HttpClient Http => _api.Http;

    private async Task<List<string>> StartManyAsync(string key, int count, Func<int, object>? variables = null)
    {
        var items = Enumerable.Range(0, count).Select(i => new { businessKey = $"{key}-{i}", variables = variables?.Invoke(i) }).ToList();
        var response = await Http.PostAsJsonAsync("/api/instances/batch", new { definitionKey = key, instances = items });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["startedInstanceIds"]!.AsArray().Select(n => (string)n!).ToList();
    }

    private async Task DeployWaitingAsync(string key) => await _api.DeployAsync(Chain(key, UserTask("periksa")));

    private static async Task<string> CodeAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        return (string)JsonNode.Parse(body)!["code"]!;
    }

    [Fact]
    public async Task Cancel_over_a_filter_cancels_every_active_instance_of_the_process_in_chunks_and_audits_each()
    {
        await DeployWaitingAsync("ops_batal");
        await DeployWaitingAsync("ops_batal_lain");
        var ids = await StartManyAsync("ops_batal", 7);
        var other = (string)(await _api.StartAsync("ops_batal_lain"))["id"]!;

        var id = await Http.CreateAsync(new { type = "cancel", filter = new { definitionKey = "ops_batal" }, reason = "aturan baru" });
        var op = await Http.WaitEndedAsync(id);

        Assert.Equal("completed", (string)op["state"]!);
        Assert.Equal("cancel", (string)op["type"]!);
        Assert.Equal((7, 7, 0), ((int)op["total"]!, (int)op["done"]!, (int)op["failed"]!));
        Assert.Equal("ops_batal", (string)op["definitionKey"]!);
        Assert.NotNull(op["startedAt"]);
        Assert.NotNull(op["endedAt"]);
        Assert.Empty(op["errors"]!.AsArray());
        foreach (var instance in ids)
        {
            Assert.Equal("cancelled", (string)(await _api.InstanceAsync(instance))["status"]!);
            var audit = (await Http.GetFromJsonAsync<JsonObject>($"/api/instances/{instance}/audit"))!["items"]!.AsArray();
            var entry = Assert.Single(audit, a => (string)a!["action"]! == "cancel")!;
            Assert.Equal(id, (string)entry["details"]!["operationId"]!);
            Assert.Equal("aturan baru", (string)entry["details"]!["reason"]!);
        }
        Assert.Equal("active", (string)(await _api.InstanceAsync(other))["status"]!);
    }

    [Fact]
    public async Task Set_variables_then_retry_incidents_repairs_stuck_instances_and_names_the_one_without_an_incident()
    {
        const string key = "ops_gerbang";
        await _api.DeployAsync(Process(key, string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", "<bpmn:exclusiveGateway id=\"gw\"/>", UserTask("perpanjang"), UserTask("akhiri"),
            Flow("f0", "start", "gw"), Flow("f1", "gw", "perpanjang", "=predikat = \"Baik\""), Flow("f2", "gw", "akhiri", "=predikat = \"Kurang\""))));
        var stuck = await StartManyAsync(key, 5, _ => new { predikat = "Butuh Perbaikan" });
        var fine = (string)(await _api.StartAsync(key, new { predikat = "Baik" }))["id"]!;

        var set = await Http.WaitEndedAsync(await Http.CreateAsync(new { type = "set-variables", filter = new { definitionKey = key, instanceIds = stuck }, variables = new { predikat = "Baik" } }));
        Assert.Equal(("completed", 5, 5, 0), ((string)set["state"]!, (int)set["total"]!, (int)set["done"]!, (int)set["failed"]!));
        foreach (var i in stuck) Assert.Equal("Baik", (string)(await _api.InstanceAsync(i))["variables"]!["predikat"]!);

        var retry = await Http.WaitEndedAsync(await Http.CreateAsync(new { type = "retry-incidents", filter = new { definitionKey = key } }));
        Assert.Equal(("completed", 6, 5, 1), ((string)retry["state"]!, (int)retry["total"]!, (int)retry["done"]!, (int)retry["failed"]!));
        var error = Assert.Single(retry["errors"]!.AsArray())!;
        Assert.Equal(fine, (string)error["instanceId"]!);
        Assert.Equal("operation-no-incident", (string)error["code"]!);
        Assert.Equal("The instance has no open incident.", (string)error["message"]!);
        foreach (var i in stuck)
        {
            var instance = await _api.InstanceAsync(i);
            Assert.False((bool)instance["incident"]!);
            Assert.Equal(["perpanjang"], instance["activeElementIds"]!.AsArray().Select(e => (string)e!));
        }

        using var indonesian = new HttpRequestMessage(HttpMethod.Get, $"/api/operations/{(string)retry["id"]!}");
        indonesian.Headers.AcceptLanguage.ParseAdd("id");
        var inIndonesian = (await (await Http.SendAsync(indonesian)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Instans tidak memiliki insiden terbuka.", (string)inIndonesian["errors"]![0]!["message"]!);
    }

    [Fact]
    public async Task Migrate_moves_the_instances_a_plan_fits_and_names_the_problems_of_the_others_in_the_dry_run_and_the_errors()
    {
        const string key = "ops_migrasi";
        await _api.DeployAsync(Process(key, string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", "<bpmn:exclusiveGateway id=\"gw\"/>", UserTask("periksa"), UserTask("setujui"),
            Flow("f0", "start", "gw"), Flow("f1", "gw", "periksa", "=jalur = \"a\""), Flow("f2", "gw", "setujui", "=jalur = \"b\""))));
        var fits = await StartManyAsync(key, 5, _ => new { jalur = "a" });
        var stays = new List<string>();
        for (var i = 0; i < 2; i++) stays.Add((string)(await _api.StartAsync(key, new { jalur = "b" }))["id"]!);
        // Version 2 has no 'setujui': instances waiting there cannot move.
        await _api.DeployAsync(Process(key, string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", "<bpmn:exclusiveGateway id=\"gw\"/>", UserTask("periksa", "Periksa (aturan baru)"), Flow("f0", "start", "gw"), Flow("f1", "gw", "periksa"))));
        var body = new { type = "migrate", filter = new { definitionKey = key, version = 1 }, targetVersion = 2 };

        var dry = (await (await Http.PostAsJsonAsync("/api/operations?dryRun=true", body)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(7, (int)dry["total"]!);
        var problem = Assert.Single(dry["problems"]!.AsArray())!;
        Assert.Equal("setujui", (string)problem["elementId"]!);
        Assert.False(string.IsNullOrEmpty((string)problem["code"]!));

        var op = await Http.WaitEndedAsync(await Http.CreateAsync(body));
        Assert.Equal(("completed", 7, 5, 2), ((string)op["state"]!, (int)op["total"]!, (int)op["done"]!, (int)op["failed"]!));
        Assert.Equal("migrate ops_migrasi v1 → v2", (string)op["description"]!);
        Assert.Equal(stays.Order(), op["errors"]!.AsArray().Select(e => (string)e!["instanceId"]!).Order());
        Assert.All(op["errors"]!.AsArray(), e =>
        {
            Assert.Equal("operation-plan-refused", (string)e!["code"]!);
            Assert.Contains("setujui", (string)e["message"]!, StringComparison.Ordinal);
        });
        foreach (var i in fits)
        {
            var instance = await _api.InstanceAsync(i);
            Assert.Equal(2, (int)instance["version"]!);
            Assert.Equal(["periksa"], instance["activeElementIds"]!.AsArray().Select(e => (string)e!));
            Assert.Single((await Http.GetFromJsonAsync<JsonObject>($"/api/instances/{i}/audit"))!["items"]!.AsArray(), a => (string)a!["action"]! == "migrate");
        }
        foreach (var i in stays) Assert.Equal(1, (int)(await _api.InstanceAsync(i))["version"]!);

        // Nothing is left on version 1 that fits: a second run finds only the two that cannot move.
        var again = await Http.WaitEndedAsync(await Http.CreateAsync(body));
        Assert.Equal((2, 0, 2), ((int)again["total"]!, (int)again["done"]!, (int)again["failed"]!));
    }

    [Fact]
    public async Task Start_creates_one_instance_per_item_with_its_business_key_and_variables()
    {
        await DeployWaitingAsync("ops_mulai");
        var items = Enumerable.Range(0, 8).Select(i => new { businessKey = $"nip-{i}", variables = new { urut = i } }).ToList();
        var op = await Http.WaitEndedAsync(await Http.CreateAsync(new { type = "start", definitionKey = "ops_mulai", items }));

        Assert.Equal(("completed", 8, 8, 0), ((string)op["state"]!, (int)op["total"]!, (int)op["done"]!, (int)op["failed"]!));
        Assert.Equal(1, (int)op["version"]!);
        var list = (await Http.GetFromJsonAsync<JsonObject>("/api/instances?definitionKey=ops_mulai&pageSize=50"))!["items"]!.AsArray();
        Assert.Equal(8, list.Count);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"nip-{i}:{i}").Order(),
            list.Select(i => $"{(string)i!["businessKey"]!}:{(int)i["variables"]!["urut"]!}").Order());
        Assert.All(list, i => Assert.Equal(["periksa"], i!["activeElementIds"]!.AsArray().Select(e => (string)e!)));
    }

    [Fact]
    public async Task An_instance_that_is_not_active_fails_with_its_reason_and_the_others_go_on()
    {
        await DeployWaitingAsync("ops_selesai");
        var ids = await StartManyAsync("ops_selesai", 4);
        foreach (var i in ids.Take(2)) (await Http.PostAsJsonAsync($"/api/instances/{i}/cancel", new { reason = "x" })).EnsureSuccessStatusCode();

        var op = await Http.WaitEndedAsync(await Http.CreateAsync(new { type = "set-variables", filter = new { definitionKey = "ops_selesai", status = "cancelled" }, variables = new { a = 1 } }));
        Assert.Equal(("completed", 2, 0, 2), ((string)op["state"]!, (int)op["total"]!, (int)op["done"]!, (int)op["failed"]!));
        Assert.Equal(ids.Take(2).Order(), op["errors"]!.AsArray().Select(e => (string)e!["instanceId"]!).Order());
        Assert.All(op["errors"]!.AsArray(), e =>
        {
            Assert.Equal("operation-instance-not-active", (string)e!["code"]!);
            Assert.Equal("The instance is cancelled, not active.", (string)e["message"]!);
        });

        var byKey = await Http.WaitEndedAsync(await Http.CreateAsync(new { type = "set-variables", filter = new { definitionKey = "ops_selesai", businessKeys = new[] { "ops_selesai-3" } }, variables = new { a = 2 } }));
        Assert.Equal((1, 1), ((int)byKey["total"]!, (int)byKey["done"]!));
        Assert.Equal(2, (int)(await _api.InstanceAsync(ids[3]))["variables"]!["a"]!);
        Assert.Null((await _api.InstanceAsync(ids[2]))["variables"]!["a"]);
    }

    [Fact]
    public async Task Cancel_stops_the_operation_after_the_chunk_it_is_in()
    {
        await DeployWaitingAsync("ops_henti");
        var ids = (await StartManyAsync("ops_henti", 12)).Select(Guid.Parse).Order().ToList();

        // Hold the 4th instance (the first of the second chunk), so the runner waits inside that chunk's transaction.
        await using var conn = new NpgsqlConnection(host.ConnectionString);
        await conn.OpenAsync();
        var hold = await conn.BeginTransactionAsync();
        await using (var lockCmd = new NpgsqlCommand("SELECT 1 FROM pppk.instances WHERE id = @id FOR UPDATE", conn, hold))
        {
            lockCmd.Parameters.AddWithValue("id", ids[3]);
            await lockCmd.ExecuteScalarAsync();
        }
        var id = await Http.CreateAsync(new { type = "cancel", filter = new { definitionKey = "ops_henti" } });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((int)(await Http.OperationAsync(id))["done"]! < OperationsTestHost.ChunkSize && DateTime.UtcNow < deadline) await Task.Delay(50);
        var cancel = await Http.PostAsync($"/api/operations/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.True((bool)(await cancel.Content.ReadFromJsonAsync<JsonObject>())!["cancelRequested"]!);
        await hold.RollbackAsync();

        var op = await Http.WaitEndedAsync(id);
        Assert.Equal("cancelled", (string)op["state"]!);
        Assert.Equal((12, 6, 0), ((int)op["total"]!, (int)op["done"]!, (int)op["failed"]!));
        var statuses = new List<string>();
        foreach (var i in ids) statuses.Add((string)(await _api.InstanceAsync(i.ToString()))["status"]!);
        Assert.Equal([.. Enumerable.Repeat("cancelled", 6), .. Enumerable.Repeat("active", 6)], statuses);
        Assert.Equal("operation-ended", await CodeAsync(await Http.PostAsync($"/api/operations/{id}/cancel", null), HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_dry_run_counts_the_instances_and_creates_nothing()
    {
        await DeployWaitingAsync("ops_coba");
        var ids = await StartManyAsync("ops_coba", 5);
        var before = (int)(await Http.GetFromJsonAsync<JsonObject>("/api/operations"))!["total"]!;

        var response = await Http.PostAsJsonAsync("/api/operations?dryRun=true", new { type = "cancel", filter = new { definitionKey = "ops_coba" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dry = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(5, (int)dry["total"]!);
        Assert.Empty(dry["problems"]!.AsArray());
        var start = (await (await Http.PostAsJsonAsync("/api/operations?dryRun=true", new { type = "start", definitionKey = "ops_coba", items = new[] { new { }, new { } } }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, (int)start["total"]!);

        Assert.Equal(before, (int)(await Http.GetFromJsonAsync<JsonObject>("/api/operations"))!["total"]!);
        foreach (var i in ids) Assert.Equal("active", (string)(await _api.InstanceAsync(i))["status"]!);
        Assert.Equal(5, (int)(await Http.GetFromJsonAsync<JsonObject>("/api/instances?definitionKey=ops_coba"))!["total"]!);
    }

    [Fact]
    public async Task The_list_pages_newest_first()
    {
        await DeployWaitingAsync("ops_daftar");
        await StartManyAsync("ops_daftar", 1);
        var first = await Http.CreateAsync(new { type = "set-variables", filter = new { definitionKey = "ops_daftar" }, variables = new { a = 1 } });
        var second = await Http.CreateAsync(new { type = "set-variables", filter = new { definitionKey = "ops_daftar" }, variables = new { a = 2 }, description = "kedua" });
        var page = (await Http.GetFromJsonAsync<JsonObject>("/api/operations?page=1&pageSize=1"))!;
        Assert.Equal((1, 1), ((int)page["page"]!, (int)page["pageSize"]!));
        Assert.True((int)page["total"]! >= 2);
        var newest = Assert.Single(page["items"]!.AsArray())!;
        Assert.Equal(second, (string)newest["id"]!);
        Assert.Equal("kedua", (string)newest["description"]!);
        Assert.Null(newest["errors"]);
        Assert.Equal(first, (string)(await Http.GetFromJsonAsync<JsonObject>("/api/operations?page=2&pageSize=1"))!["items"]![0]!["id"]!);
        Assert.Equal("paging-invalid", await CodeAsync(await Http.GetAsync("/api/operations?pageSize=501"), HttpStatusCode.BadRequest));
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{ "type": "delete", "filter": { "definitionKey": "x" } }""", "operation-type-unknown" },
        { """{ "filter": { "definitionKey": "x" } }""", "operation-type-unknown" },
        { """{ "type": "cancel" }""", "operation-filter-required" },
        { """{ "type": "cancel", "filter": { "version": 1 } }""", "operation-filter-required" },
        { """{ "type": "cancel", "filter": { "definitionKey": "x", "status": "paused" } }""", "operation-status-unknown" },
        { """{ "type": "set-variables", "filter": { "definitionKey": "x" } }""", "operation-variables-required" },
        { """{ "type": "set-variables", "filter": { "definitionKey": "x" }, "variables": {} }""", "operation-variables-required" },
        { """{ "type": "start", "definitionKey": "x", "filter": { "definitionKey": "x" }, "items": [{}] }""", "operation-start-no-filter" },
        { """{ "type": "start", "definitionKey": "x", "items": [] }""", "operation-items-required" },
        { """{ "type": "start", "items": [{}] }""", "operation-items-required" },
        { $$"""{ "type": "start", "definitionKey": "x", "items": [{{string.Join(",", Enumerable.Repeat("{}", OperationsTestHost.MaxItems + 1))}}] }""", "operation-items-required" },
        { $$"""{ "type": "cancel", "filter": { "definitionKey": "x", "instanceIds": [{{string.Join(",", Enumerable.Range(0, OperationsTestHost.MaxItems + 1).Select(_ => $"\"{Guid.NewGuid()}\""))}}] } }""", "operation-filter-too-long" },
        { $$"""{ "type": "cancel", "filter": { "definitionKey": "x", "businessKeys": [{{string.Join(",", Enumerable.Range(0, OperationsTestHost.MaxItems + 1).Select(i => $"\"k{i}\""))}}] } }""", "operation-filter-too-long" },
        { """{ "type": "cancel", "filter": { "definitionKey": "x" }, "reason": "{{LONG}}" }""", "text-too-long" },
        { """{ "type": "migrate", "filter": { "definitionKey": "ops_ada" } }""", "operation-target-required" },
        { """{ "type": "migrate", "filter": { "definitionKey": "ops_ada" }, "targetVersion": 2, "mappings": [{ "sourceElementId": "a" }] }""", "operation-target-required" },
        { """{ "type": "migrate", "filter": { "definitionKey": "ops_ada" }, "targetVersion": 9 }""", "operation-target-unknown" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_request_that_cannot_become_an_operation_is_a_400_naming_the_problem_and_creates_nothing(string body, string code)
    {
        await DeployWaitingAsync("ops_ada");
        var before = (int)(await Http.GetFromJsonAsync<JsonObject>("/api/operations"))!["total"]!;
        body = body.Replace("{{LONG}}", new string('x', 2_001), StringComparison.Ordinal);
        foreach (var path in new[] { "/api/operations", "/api/operations?dryRun=true" })
        {
            var response = await Http.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(code, await CodeAsync(response, HttpStatusCode.BadRequest));
        }
        Assert.Equal(before, (int)(await Http.GetFromJsonAsync<JsonObject>("/api/operations"))!["total"]!);
    }

    [Fact]
    public async Task Another_role_gets_403_and_unknown_operations_404()
    {
        using var employee = host.Client(OperationsTestHost.EmployeeKey);
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsJsonAsync("/api/operations", new { type = "cancel", filter = new { definitionKey = "x" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/api/operations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/api/operations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsync($"/api/operations/{id}/cancel", null)).StatusCode);
        using var anonymous = host.Client(apiKey: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/operations")).StatusCode);

        Assert.Equal("operation-not-found", await CodeAsync(await Http.GetAsync($"/api/operations/{id}"), HttpStatusCode.NotFound));
        Assert.Equal("operation-not-found", await CodeAsync(await Http.PostAsync($"/api/operations/{id}/cancel", null), HttpStatusCode.NotFound));
    }
}
