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
/// Issue 18, the inbox: case titles and search keys from the process, the task list's search, filters and keyset
/// paging with a capped total, the menu's count, bulk claim/unclaim/complete (each task on its own), and a unit head
/// seeing only their unit's tasks in all of them.
/// </summary>
public sealed class InboxTests(TestHost host) : IClassFixture<TestHost>
{
    private const string Password = "Kotak-Tugas-2026!";
    private readonly WorkflowApiClient _api = new(host.Client());

    /// <summary>One unit-head task per case, titled by the employee's name and found by NI PPPK; <paramref name="extra"/> goes into the user task.</summary>
    private static string Renewal(string key, string extra = "") => WithProperties(Chain(key,
            UserTask("konfirmasi", "Konfirmasi kebutuhan", candidateGroups: "unit-head", extra: extra)),
        ("caseUnit", "=unitCode"), ("caseSubject", "=nik"), ("caseTitle", "=\"Perpanjangan kontrak — \" + employeeName"), ("caseSearch", "=[niPppk, string(contractId)]"));

    private async Task StartManyAsync(string key, IEnumerable<object> variables)
    {
        var items = variables.Select(v => new { variables = v }).ToArray();
        (await _api.Http.PostAsJsonAsync("/api/instances/batch", new { definitionKey = key, instances = items })).EnsureSuccessStatusCode();
    }

    private static object Employee(int i, string unit, string? name = null) =>
        new { unitCode = unit, nik = $"640201{i:D10}", niPppk = $"1990{i:D14}", contractId = 7000 + i, employeeName = name ?? $"Pegawai {i:D4}" };

    private static async Task<JsonObject> ListAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/tasks?{query}"))!;

    private static List<string> Ids(JsonObject page) => page["items"]!.AsArray().Select(t => (string)t!["id"]!).ToList();

    private async Task<HttpClient> UserAsync(string name, string role, string? unit)
    {
        await using (var scope = host.Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = name, UnitCode = unit, FullName = $"Nama {name}" };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
        return await host.SignedInClientAsync(name, Password);
    }

    [Fact]
    public async Task Each_task_reads_as_its_case_and_is_found_by_name_NIK_NI_or_contract()
    {
        const string key = "inbox_judul";
        await _api.DeployAsync(Renewal(key));
        await StartManyAsync(key, [Employee(1, "IB1", "Ikhsan Ramadhan"), Employee(2, "IB1", "Siti Aminah"), Employee(3, "IB1", "Ikhsanudin")]);

        var all = await ListAsync(_api.Http, $"definitionKey={key}");
        Assert.Equal(3, (int)all["total"]!);
        var ikhsan = all["items"]!.AsArray().Single(t => (string?)t!["title"] == "Perpanjangan kontrak — Ikhsan Ramadhan")!;
        Assert.Equal($"Proses {key}", (string?)ikhsan["definitionName"]);
        Assert.False((bool)ikhsan["overdue"]!);

        // By part of the name, any case; by NIK (the subject), by NI PPPK and by contract id (the search keys).
        Assert.Equal(2, (int)(await ListAsync(_api.Http, $"definitionKey={key}&search=IKHSAN"))["total"]!);
        Assert.Equal(["Perpanjangan kontrak — Siti Aminah"], (await ListAsync(_api.Http, $"definitionKey={key}&search=6402010000000002"))["items"]!.AsArray().Select(t => (string?)t!["title"]));
        Assert.Equal(["Perpanjangan kontrak — Ikhsanudin"], (await ListAsync(_api.Http, $"definitionKey={key}&search=199000000000000003"))["items"]!.AsArray().Select(t => (string?)t!["title"]));
        Assert.Equal(1, (int)(await ListAsync(_api.Http, $"definitionKey={key}&search=7002"))["total"]!);
        // LIKE's wildcards are searched as text.
        Assert.Equal(0, (int)(await ListAsync(_api.Http, $"definitionKey={key}&search=%25"))["total"]!);

        // A process without a title: the list has none (the web front shows the workflow's name and business key).
        await _api.DeployAsync(Chain("inbox_tanpa_judul", UserTask("isi")));
        await _api.StartAsync("inbox_tanpa_judul", businessKey: "BK-1");
        Assert.Null((await ListAsync(_api.Http, "definitionKey=inbox_tanpa_judul"))["items"]![0]!["title"]);
    }

    [Fact]
    public async Task A_title_with_a_syntax_error_is_a_deployment_error_naming_caseTitle()
    {
        var xml = WithProperties(Chain("inbox_judul_salah", UserTask("isi")), ("caseTitle", "=\"Kontrak \" + + nama"));
        var answer = await _api.DeployRawAsync(xml);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("caseTitle", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_follow_the_cursor_without_gaps_or_repeats_in_each_sort()
    {
        const string key = "inbox_halaman";
        await _api.DeployAsync(Renewal(key, extra: "<zeebe:taskSchedule dueDate=\"=date and time(&quot;2030-01-01T00:00:00Z&quot;) + duration(&quot;PT&quot; + string(modulo(contractId, 7)) + &quot;H&quot;)\"/>"));
        await StartManyAsync(key, Enumerable.Range(1, 120).Select(i => Employee(i, "IB2")));

        foreach (var sort in new[] { "due", "-due", "priority", "created", "-created" })
        {
            var seen = new List<string>();
            string? cursor = null;
            var pages = 0;
            do
            {
                var page = await ListAsync(_api.Http, $"definitionKey={key}&pageSize=50&sort={sort}" + (cursor is null ? "" : $"&cursor={cursor}"));
                Assert.Equal(120, (int)page["total"]!);
                Assert.False((bool)page["totalCapped"]!);
                seen.AddRange(Ids(page));
                cursor = (string?)page["nextCursor"];
                pages++;
            } while (cursor is not null);
            Assert.Equal(3, pages);
            Assert.Equal(120, seen.Distinct().Count());
            // The same order as offset paging.
            var byOffset = new List<string>();
            for (var p = 1; p <= 3; p++) byOffset.AddRange(Ids(await ListAsync(_api.Http, $"definitionKey={key}&pageSize=50&sort={sort}&page={p}")));
            Assert.Equal(byOffset, seen);
        }
    }

    [Fact]
    public async Task A_changed_cursor_or_one_of_another_sort_is_refused_naming_it()
    {
        const string key = "inbox_penanda";
        await _api.DeployAsync(Renewal(key));
        await StartManyAsync(key, Enumerable.Range(1, 3).Select(i => Employee(i, "IB3")));
        var cursor = (string)(await ListAsync(_api.Http, $"definitionKey={key}&pageSize=1"))["nextCursor"]!;

        var changed = cursor[..^3] + (cursor[^3] == 'A' ? 'B' : 'A') + cursor[^2..];
        foreach (var query in new[] { $"cursor={changed}", $"cursor={cursor[..^4]}", $"cursor={cursor}&sort=priority", "cursor=nonsense" })
        {
            var answer = await _api.Http.GetAsync($"/api/tasks?definitionKey={key}&{query}");
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            var problem = (await answer.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("task-cursor-invalid", (string?)problem["code"]);
            Assert.Equal("cursor", (string?)problem["field"]);
        }
        foreach (var (query, field) in new[] { ("due=besok", "due"), ("assigned=semua", "assigned"), ("sort=name", "sort") })
        {
            var answer = await _api.Http.GetAsync($"/api/tasks?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Equal(field, (string?)(await answer.Content.ReadFromJsonAsync<JsonObject>())!["field"]);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await _api.Http.GetAsync($"/api/tasks?search={new string('x', 101)}")).StatusCode);
    }

    [Fact]
    public async Task Above_ten_thousand_the_total_is_reported_as_capped()
    {
        const string key = "inbox_batas";
        await _api.DeployAsync(Renewal(key));
        var instance = await _api.StartAsync(key, Employee(1, "IB4"));
        var id = (string)instance["id"]!;
        // 10,001 more open tasks of the same case, straight in the table: the cap is about counting, not about starting.
        await using (var cmd = host.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            INSERT INTO pppk.user_tasks (id, instance_id, wait_id, element_id, name, candidate_groups, candidate_users, state, created_at, priority)
            SELECT gen_random_uuid(), t.instance_id, 1000000 + g, t.element_id, t.name, t.candidate_groups, t.candidate_users, 'open', t.created_at, t.priority
            FROM pppk.user_tasks t, generate_series(1, 10001) g WHERE t.instance_id = @id
            """))
        {
            cmd.Parameters.AddWithValue("id", Guid.Parse(id));
            Assert.Equal(10_001, await cmd.ExecuteNonQueryAsync());
        }
        var page = await ListAsync(_api.Http, $"instanceId={id}&pageSize=10");
        Assert.Equal(10_000, (int)page["total"]!);
        Assert.True((bool)page["totalCapped"]!);
        Assert.NotNull(page["nextCursor"]);
        var exact = await ListAsync(_api.Http, $"definitionKey=inbox_judul_none&pageSize=10");
        Assert.False((bool)exact["totalCapped"]!);
        // The same rows closed again, so the other tests' counts are not disturbed.
        await using var close = host.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "UPDATE pppk.user_tasks SET state = 'cancelled' WHERE instance_id = @id AND wait_id > 1000000");
        close.Parameters.AddWithValue("id", Guid.Parse(id));
        await close.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_unit_head_filters_counts_and_acts_in_bulk_only_on_their_units_tasks()
    {
        const string key = "inbox_massal";
        await _api.DeployAsync(Renewal(key, extra: "<zeebe:properties><zeebe:property name=\"bulkComplete\" value=\"true\"/></zeebe:properties>"
            + "<zeebe:taskSchedule dueDate=\"=if contractId &lt; 7003 then date and time(&quot;2020-01-01T00:00:00Z&quot;) else null\"/>"));
        await _api.DeployAsync(WithProperties(Chain("inbox_satu_satu", UserTask("putus", "Putusan", candidateGroups: "unit-head")), ("caseUnit", "=unitCode")));
        var headA = await UserAsync("ib.kepala.a", Roles.UnitHead, "IB5-A");
        var headB = await UserAsync("ib.kepala.b", Roles.UnitHead, "IB5-B");
        var colleague = await UserAsync("ib.kepala.a2", Roles.UnitHead, "IB5-A");
        await StartManyAsync(key, Enumerable.Range(1, 6).Select(i => Employee(i, i <= 4 ? "IB5-A" : "IB5-B")));
        await _api.StartAsync("inbox_satu_satu", new { unitCode = "IB5-A" });

        var mine = await ListAsync(headA, $"definitionKey={key}&pageSize=50");
        Assert.Equal(4, (int)mine["total"]!);
        var taskA = Ids(mine);
        var taskB = Ids(await ListAsync(headB, $"definitionKey={key}"));
        Assert.Equal(2, taskB.Count);
        // Search never reaches another unit's case.
        Assert.Equal(0, (int)(await ListAsync(headA, "search=Pegawai 0005"))["total"]!);
        Assert.Equal(2, (int)(await ListAsync(headA, $"definitionKey={key}&due=overdue"))["total"]!);
        Assert.Equal(4, (int)(await ListAsync(headA, $"definitionKey={key}&unitCode=IB5-A"))["total"]!);
        Assert.Equal(0, (int)(await ListAsync(headA, $"definitionKey={key}&unitCode=IB5-B"))["total"]!);

        var count = (await headA.GetFromJsonAsync<JsonObject>("/api/tasks/count"))!;
        Assert.Equal(5, (int)count["open"]!);
        Assert.Equal(2, (int)count["overdue"]!);

        // Bulk claim: A's four, and one of B's, which for A does not exist.
        var claim = await Bulk(headA, new { action = "claim", taskIds = taskA.Append(taskB[0]) });
        Assert.Equal(4, (int)claim["succeeded"]!);
        var refused = claim["results"]!.AsArray().Single(r => !(bool)r!["ok"]!)!;
        Assert.Equal(taskB[0], (string?)refused["id"]);
        Assert.Equal(404, (int)refused["status"]!);
        Assert.Equal(4, (int)(await ListAsync(headA, $"definitionKey={key}&assigned=me"))["total"]!);
        Assert.Equal(0, (int)(await ListAsync(headA, $"definitionKey={key}&assigned=groups"))["total"]!);
        // Claimed tasks are the holder's: the colleague no longer sees them, nor may release them.
        Assert.Equal(0, (int)(await ListAsync(colleague, $"definitionKey={key}"))["total"]!);
        var release = await Bulk(colleague, new { action = "unclaim", taskIds = taskA.Take(1) });
        Assert.Equal(403, (int)release["results"]![0]!["status"]!);

        // The colleagues a task can go to: the other member of the group in the unit, not B's head, not oneself.
        var colleagues = (await headA.GetFromJsonAsync<JsonArray>($"/api/tasks/{taskA[0]}/colleagues"))!.Select(c => (string?)c!["userName"]).ToList();
        Assert.Contains("ib.kepala.a2", colleagues);
        Assert.DoesNotContain("ib.kepala.b", colleagues);
        Assert.DoesNotContain("ib.kepala.a", colleagues);
        Assert.Equal(HttpStatusCode.NotFound, (await headB.GetAsync($"/api/tasks/{taskA[0]}/colleagues")).StatusCode);

        // Bulk complete with one set of answers: the marked tasks; the unmarked one is refused with its reason.
        var single = Ids(await ListAsync(headA, "definitionKey=inbox_satu_satu"));
        var complete = await Bulk(headA, new { action = "complete", taskIds = taskA.Take(3).Concat(single), variables = new { needed = true } });
        Assert.Equal(3, (int)complete["succeeded"]!);
        Assert.Equal("task-bulk-complete-not-allowed", (string?)complete["results"]!.AsArray().Single(r => !(bool)r!["ok"]!)!["code"]);
        Assert.Equal(1, (int)(await ListAsync(headA, $"definitionKey={key}"))["total"]!);
        Assert.Equal(2, (int)(await headA.GetFromJsonAsync<JsonObject>("/api/tasks/count"))!["open"]!);

        var unclaim = await Bulk(headA, new { action = "unclaim", taskIds = taskA.Skip(3) });
        Assert.Equal(1, (int)unclaim["succeeded"]!);
        Assert.Equal(1, (int)(await ListAsync(colleague, $"definitionKey={key}"))["total"]!);

        // Bounded: at most 100 ids, a known action.
        Assert.Equal(HttpStatusCode.BadRequest, (await headA.PostAsJsonAsync("/api/tasks/bulk", new { action = "claim", taskIds = Enumerable.Range(0, 101).Select(_ => Guid.NewGuid()) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await headA.PostAsJsonAsync("/api/tasks/bulk", new { action = "hapus", taskIds = taskA })).StatusCode);
    }

    [Fact]
    public async Task A_substitute_finds_the_tasks_of_the_person_they_stand_in_for_under_assigned_substitute()
    {
        const string key = "inbox_pengganti";
        await _api.DeployAsync(WithProperties(Chain(key, UserTask("periksa", "Periksa berkas", candidateGroups: "verifier")),
            ("caseTitle", "=\"Seleksi PPPK — \" + name")));
        await UserAsync("ib.verifikator", Roles.Verifier, null);
        var substitute = await UserAsync("ib.plh", Roles.Employee, null);
        await _api.StartAsync(key, new { name = "Rina Wati" });
        Assert.Equal(0, (int)(await ListAsync(substitute, $"definitionKey={key}"))["total"]!);
        Assert.Equal(0, (int)(await substitute.GetFromJsonAsync<JsonObject>("/api/tasks/count"))!["open"]!);

        (await _api.Http.PostAsJsonAsync("/api/substitutions", new
        {
            userName = "ib.verifikator", substituteUserName = "ib.plh", from = DateTimeOffset.UtcNow.AddHours(-1), to = DateTimeOffset.UtcNow.AddDays(1), reason = "Cuti",
        })).EnsureSuccessStatusCode();
        var asSubstitute = await ListAsync(substitute, $"definitionKey={key}&assigned=substitute");
        Assert.Equal("Seleksi PPPK — Rina Wati", (string?)asSubstitute["items"]![0]!["title"]);
        Assert.Equal(0, (int)(await ListAsync(substitute, $"definitionKey={key}&assigned=groups"))["total"]!);
        Assert.Equal(1, (int)(await ListAsync(substitute, $"definitionKey={key}"))["total"]!);
        // The badge counts what the list shows (other tests' verifier tasks too: the count is not per workflow).
        Assert.Equal((int)(await ListAsync(substitute, ""))["total"]!, (int)(await substitute.GetFromJsonAsync<JsonObject>("/api/tasks/count"))!["open"]!);
    }

    private static async Task<JsonObject> Bulk(HttpClient client, object body)
    {
        var answer = await client.PostAsJsonAsync("/api/tasks/bulk", body);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
