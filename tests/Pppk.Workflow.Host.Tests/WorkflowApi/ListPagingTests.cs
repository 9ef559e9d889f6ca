using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Host.Users;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>
/// Issue 21, flat reads: the lists' shared keyset paging (docs/api.md, "Paging"): a walk by cursor skips and repeats no row
/// while rows are added in between, a changed, cut or foreign cursor is a 400 naming <c>cursor</c>, the total is capped
/// above 10,000 and OFFSET pages stop there, and a unit head sees through a cursor only what they see on page 1.
/// </summary>
public sealed class ListPagingTests(TestHost host) : IClassFixture<TestHost>
{
    private const string Password = "Halaman-Daftar-2026!";
    private readonly WorkflowApiClient _api = new(host.Client());

    private static string Case(string key) => WithProperties(Chain(key, UserTask("periksa", "Periksa", candidateGroups: "unit-head")),
        ("caseUnit", "=unitCode"), ("caseTitle", "=\"Kasus \" + nama"));

    private async Task<List<string>> StartManyAsync(string key, string unit, int count, int from = 0)
    {
        var items = Enumerable.Range(from, count).Select(i => new { variables = new { unitCode = unit, nama = $"Pegawai {i:D3}" } }).ToArray();
        var answer = await _api.Http.PostAsJsonAsync("/api/instances/batch", new { definitionKey = key, instances = items });
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonObject>())!["startedInstanceIds"]!.AsArray().Select(i => (string)i!).ToList();
    }

    private static async Task<JsonObject> ListAsync(HttpClient client, string path) => (await client.GetFromJsonAsync<JsonObject>(path))!;

    private static List<string> Ids(JsonObject page) => page["items"]!.AsArray().Select(t => (string)t!["id"]!).ToList();

    /// <summary>Every page of <paramref name="path"/> by cursor; <paramref name="between"/> runs after each page.</summary>
    private static async Task<List<JsonObject>> WalkAsync(HttpClient client, string path, Func<Task>? between = null)
    {
        var pages = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var page = await ListAsync(client, path + (cursor is null ? "" : $"&cursor={cursor}"));
            pages.Add(page);
            cursor = (string?)page["nextCursor"];
            if (between is not null) await between();
        } while (cursor is not null);
        return pages;
    }

    private async Task<HttpClient> UnitHeadAsync(string name, string unit)
    {
        await using (var scope = host.Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = name, UnitCode = unit, FullName = $"Kepala {unit}" };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.UnitHead)).Succeeded);
        }
        return await host.SignedInClientAsync(name, Password);
    }

    [Fact]
    public async Task Instances_by_cursor_skip_and_repeat_none_while_cases_start_in_between()
    {
        const string key = "daftar_kursor";
        await _api.DeployAsync(Case(key));
        var started = await StartManyAsync(key, "LP1", 25);
        var path = $"/api/instances?definitionKey={key}&pageSize=4";

        // Without changes: the same rows in the same order as offset pages.
        var byOffset = new List<string>();
        for (var p = 1; p <= 7; p++) byOffset.AddRange(Ids(await ListAsync(_api.Http, $"{path}&page={p}")));
        Assert.Equal(byOffset, (await WalkAsync(_api.Http, path)).SelectMany(Ids));

        // New cases between the pages (newest first: they land before the cursor) move no row across a page boundary.
        var n = 100;
        var pages = await WalkAsync(_api.Http, path, async () => await StartManyAsync(key, "LP1", 2, n += 2));
        var seen = pages.SelectMany(Ids).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(started.Except(seen));
        Assert.Equal(1, (int)pages[0]["page"]!);
        Assert.All(pages.Skip(1), p => Assert.Equal(0, (int)p["page"]!));
        Assert.All(pages, p => Assert.False((bool)p["totalCapped"]!));
    }

    [Fact]
    public async Task A_changed_cut_or_foreign_cursor_is_refused_naming_cursor()
    {
        const string key = "daftar_penanda";
        await _api.DeployAsync(Case(key));
        await StartManyAsync(key, "LP2", 3);
        var cursor = (string)(await ListAsync(_api.Http, $"/api/instances?definitionKey={key}&pageSize=1"))["nextCursor"]!;
        var taskCursor = (string)(await ListAsync(_api.Http, $"/api/tasks?definitionKey={key}&pageSize=1"))["nextCursor"]!;

        var changed = cursor[..^3] + (cursor[^3] == 'A' ? 'B' : 'A') + cursor[^2..];
        foreach (var path in new[]
        {
            $"/api/instances?cursor={changed}", $"/api/instances?cursor={cursor[..^4]}", "/api/instances?cursor=nonsense",
            $"/api/instances?cursor={taskCursor}", $"/api/incidents?cursor={cursor}", $"/api/emails?cursor={cursor}", $"/api/access-log?cursor={cursor}",
            $"/api/employees?cursor={cursor}", $"/api/applicants?cursor={cursor}",
        })
        {
            var answer = await _api.Http.GetAsync(path);
            Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, path);
            var problem = (await answer.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("list-cursor-invalid", (string?)problem["code"]);
            Assert.Equal("cursor", (string?)problem["field"]);
        }
        // The inbox keeps its own code for the same refusal.
        Assert.Equal("task-cursor-invalid", (string?)(await (await _api.Http.GetAsync($"/api/tasks?cursor={cursor}")).Content.ReadFromJsonAsync<JsonObject>())!["code"]);
    }

    [Fact]
    public async Task Above_ten_thousand_the_total_is_capped_and_offset_pages_stop_there()
    {
        const string key = "daftar_batas";
        await _api.DeployAsync(Case(key));
        var id = (await StartManyAsync(key, "LP3", 1))[0];
        // 10,001 copies of the case, straight in the table: the cap is about counting, not about starting.
        await using (var cmd = host.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            DO $$
            DECLARE columns text; copied text;
            BEGIN
              SELECT string_agg(quote_ident(column_name), ', '), string_agg(CASE column_name WHEN 'id' THEN 'gen_random_uuid()' ELSE quote_ident(column_name) END, ', ')
              INTO columns, copied FROM information_schema.columns WHERE table_schema = 'pppk' AND table_name = 'instances' AND is_generated = 'NEVER';
              EXECUTE format('INSERT INTO pppk.instances (%s) SELECT %s FROM pppk.instances, generate_series(1, 10001) WHERE definition_key = %L', columns, copied, 'daftar_batas');
            END $$
            """))
            await cmd.ExecuteNonQueryAsync();

        var page = await ListAsync(_api.Http, $"/api/instances?definitionKey={key}&pageSize=50");
        Assert.Equal(10_000, (int)page["total"]!);
        Assert.True((bool)page["totalCapped"]!);
        Assert.Equal(50, Ids(page).Count);
        Assert.Equal(HttpStatusCode.OK, (await _api.Http.GetAsync($"/api/instances?definitionKey={key}&pageSize=50&page=200")).StatusCode);
        var deep = await _api.Http.GetAsync($"/api/instances?definitionKey={key}&pageSize=50&page=201");
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        var problem = (await deep.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("paging-too-deep", (string?)problem["code"]);
        Assert.Equal("page", (string?)problem["field"]);
        // Past the offset cap the cursor goes on: 500 rows a page, the 10,002 cases in 21 pages.
        var pages = await WalkAsync(_api.Http, $"/api/instances?definitionKey={key}&pageSize=500");
        Assert.Equal(21, pages.Count);
        Assert.Equal(10_002, pages.SelectMany(Ids).Distinct().Count());

        await using var clean = host.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("DELETE FROM pppk.instances WHERE definition_key = 'daftar_batas' AND id <> @id");
        clean.Parameters.AddWithValue("id", Guid.Parse(id));
        await clean.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_unit_head_never_sees_another_units_cases_through_a_cursor()
    {
        const string key = "daftar_unit";
        await _api.DeployAsync(Case(key));
        var own = await StartManyAsync(key, "LP4", 10);
        await StartManyAsync(key, "LP5", 10, 10);
        using var head = await UnitHeadAsync("kepala.lp4", "LP4");

        var path = $"/api/instances?definitionKey={key}&pageSize=3";
        Assert.Equal(own.Order(), (await WalkAsync(head, path)).SelectMany(Ids).Order());
        // A cursor hr-admin was given (its rows of both units) starts the unit head's page, and still only their unit's cases follow.
        var adminCursor = (string)(await ListAsync(_api.Http, path))["nextCursor"]!;
        var after = await ListAsync(head, $"/api/instances?definitionKey={key}&pageSize=20&cursor={adminCursor}");
        Assert.NotEmpty(Ids(after));
        Assert.Empty(Ids(after).Except(own));
    }

    [Fact]
    public async Task The_access_log_pages_by_cursor_as_by_offset()
    {
        const string key = "daftar_akses";
        await _api.DeployAsync(Case(key));
        foreach (var id in await StartManyAsync(key, "LP6", 7)) (await _api.Http.GetAsync($"/api/instances/{id}")).EnsureSuccessStatusCode();

        var path = "/api/access-log?kind=instance&pageSize=2";
        static IEnumerable<string> Rows(JsonObject page) => page["items"]!.AsArray().Select(r => $"{r!["at"]} {r["recordId"]}");
        var byOffset = new List<string>();
        var total = (int)(await ListAsync(_api.Http, path))["total"]!;
        for (var p = 1; p <= (total + 1) / 2; p++) byOffset.AddRange(Rows(await ListAsync(_api.Http, $"{path}&page={p}")));
        var byCursor = (await WalkAsync(_api.Http, path)).SelectMany(Rows).ToList();
        Assert.True(byCursor.Count >= 7);
        Assert.Equal(byOffset, byCursor);
        Assert.Equal(byCursor.Count, byCursor.Distinct().Count());
    }
}
