using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Host.Users;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>
/// Issue 13: a case belongs to the unit and the person its process's rule names; a unit head sees and decides only
/// their unit's tasks and cases, an employee only the cases about them, everyone else only the cases they have a task
/// in; for anyone else a case or task does not exist (404, left out of lists).
/// </summary>
public sealed class CaseVisibilityTests(TestHost host) : IClassFixture<TestHost>
{
    private const string Password = "Unit-Kerja-2026!";
    private const string NikA = "6402010101900001";
    private const string NikB = "6402010101900002";
    private readonly WorkflowApiClient _api = new(host.Client());

    /// <summary>unit-head confirms (unit-scoped), then the ppk decides; the case is of <c>unitCode</c> and about <c>nik</c>.</summary>
    private static string Renewal(string key) => WithCase(Chain(key,
        UserTask("konfirmasi", "Konfirmasi kebutuhan", candidateGroups: "unit-head"),
        UserTask("putusan", "Putusan PPK", candidateGroups: "ppk")), "=unitCode", "=nik");

    private sealed record People(HttpClient HeadA, HttpClient HeadB, HttpClient EvaluatorA, HttpClient HeadWithoutUnit, HttpClient Ppk,
        HttpClient Verifier, HttpClient EmployeeA, HttpClient EmployeeB, string[] Names) : IDisposable
    {
        public void Dispose()
        {
            foreach (var c in new[] { HeadA, HeadB, EvaluatorA, HeadWithoutUnit, Ppk, Verifier, EmployeeA, EmployeeB }) c.Dispose();
        }
    }

    /// <summary>Users of each role in units <c>{p}-A</c> and <c>{p}-B</c>, signed in with cookies.</summary>
    private async Task<People> PeopleAsync(string p)
    {
        (string Name, string Role, string? Unit, string? Nik)[] wanted =
        [
            ($"{p}.kepala.a", Roles.UnitHead, $"{p}-A", null), ($"{p}.kepala.b", Roles.UnitHead, $"{p}-B", null),
            ($"{p}.penilai.a", Roles.Evaluator, $"{p}-A", null), ($"{p}.kepala.x", Roles.UnitHead, null, null),
            ($"{p}.ppk", Roles.Ppk, null, null), ($"{p}.verifikator", Roles.Verifier, null, null),
            ($"{p}.pegawai.a", Roles.Employee, $"{p}-A", p + NikA[p.Length..]), ($"{p}.pegawai.b", Roles.Employee, $"{p}-B", p + NikB[p.Length..]),
        ];
        // Straight through Identity: this test is about who sees what, not about the users API's checks (a unit head
        // without a unit, which the API refuses, is one of the cases here).
        await using (var scope = host.Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var (name, role, unit, nik) in wanted)
            {
                var user = new AppUser { UserName = name, UnitCode = unit, EmployeeNik = nik };
                Assert.True((await users.CreateAsync(user, Password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            }
        }
        var clients = new List<HttpClient>();
        foreach (var (name, _, _, _) in wanted) clients.Add(await host.SignedInClientAsync(name, Password));
        return new People(clients[0], clients[1], clients[2], clients[3], clients[4], clients[5], clients[6], clients[7], wanted.Select(w => w.Name).ToArray());
    }

    private static string Nik(string p, string nik) => p + nik[p.Length..];

    private async Task<(string Id, string TaskId)> StartAsync(string key, string unit, string nik)
    {
        var instance = await _api.StartAsync(key, new { unitCode = unit, nik });
        var id = (string)instance["id"]!;
        return (id, (string)(await _api.OpenTasksAsync(id))[0]!["id"]!);
    }

    private static async Task<HashSet<string>> TaskIdsAsync(HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/tasks?pageSize=500{query}"))!["items"]!.AsArray().Select(t => (string)t!["id"]!).ToHashSet();

    private static async Task<HashSet<string>> CaseIdsAsync(HttpClient client, string key) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/instances?definitionKey={key}&pageSize=500"))!["items"]!.AsArray().Select(i => (string)i!["id"]!).ToHashSet();

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path) => (await client.GetAsync(path)).StatusCode;

    private static Task<HttpResponseMessage> Complete(HttpClient client, string taskId) =>
        client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { needed = true } });

    [Fact]
    public async Task The_case_carries_the_unit_and_subject_its_process_declares_and_follows_its_variables()
    {
        var key = "kasus_aturan";
        await _api.DeployAsync(Renewal(key));
        await _api.DeployAsync(Chain("kasus_tanpa_aturan", UserTask("isi", candidateGroups: "unit-head")));
        var (id, _) = await StartAsync(key, "DISDIK", NikA);
        var instance = await _api.InstanceAsync(id);
        Assert.Equal("DISDIK", (string?)instance["unitCode"]);
        Assert.Equal(NikA, (string?)instance["subject"]);

        // Re-evaluated when the variables change: the case moves to the unit its variables now name.
        (await _api.Http.PutAsJsonAsync($"/api/instances/{id}/variables", new { variables = new { unitCode = "DINKES" } })).EnsureSuccessStatusCode();
        Assert.Equal("DINKES", (string?)(await _api.InstanceAsync(id))["unitCode"]);

        // A process without the rule has neither; the host does not guess from variable names.
        var plain = await _api.StartAsync("kasus_tanpa_aturan", new { unitCode = "DISDIK", nik = NikA });
        Assert.Null(plain["unitCode"]);
        Assert.Null(plain["subject"]);
    }

    [Fact]
    public async Task A_unit_head_sees_claims_and_completes_only_their_units_tasks()
    {
        const string p = "uk1";
        var key = $"kasus_{p}";
        await _api.DeployAsync(Renewal(key));
        using var people = await PeopleAsync(p);
        var (_, taskA) = await StartAsync(key, $"{p}-A", Nik(p, NikA));
        var (_, taskB) = await StartAsync(key, $"{p}-B", Nik(p, NikB));

        var headA = await TaskIdsAsync(people.HeadA, "&mine=true");
        Assert.Contains(taskA, headA);
        Assert.DoesNotContain(taskB, headA);
        // Without mine=true the list is no wider: a unit head never sees the other unit's task.
        Assert.DoesNotContain(taskB, await TaskIdsAsync(people.HeadA));
        Assert.Contains(taskB, await TaskIdsAsync(people.HeadB, "&mine=true"));
        Assert.DoesNotContain(taskA, await TaskIdsAsync(people.HeadB));
        // A unit head without a unit sees no unit's task; an evaluator is not a candidate of a unit-head task.
        Assert.DoesNotContain(taskA, await TaskIdsAsync(people.HeadWithoutUnit));
        Assert.DoesNotContain(taskA, await TaskIdsAsync(people.EvaluatorA));

        // The other unit's task does not exist for them: read, claim and complete all answer 404.
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(people.HeadA, $"/api/tasks/{taskB}"));
        Assert.Equal(HttpStatusCode.NotFound, (await people.HeadA.PostAsJsonAsync($"/api/tasks/{taskB}/claim", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Complete(people.HeadA, taskB)).StatusCode);
        Assert.Equal("open", (string?)(await _api.Http.GetFromJsonAsync<JsonObject>($"/api/tasks/{taskB}"))!["task"]!["state"]);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(people.HeadA, $"/api/tasks/{taskA}"));
        var done = await Complete(people.HeadA, taskA);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal($"{p}-A", (string?)(await done.Content.ReadFromJsonAsync<JsonObject>())!["unitCode"]);
        Assert.Equal(HttpStatusCode.OK, (await Complete(people.HeadB, taskB)).StatusCode);
    }

    [Fact]
    public async Task A_case_is_seen_by_its_units_head_its_subject_and_whoever_has_a_task_in_it_and_by_no_one_else()
    {
        const string p = "uk2";
        var key = $"kasus_{p}";
        await _api.DeployAsync(Renewal(key));
        using var people = await PeopleAsync(p);
        var (caseA, taskA) = await StartAsync(key, $"{p}-A", Nik(p, NikA));
        var (caseB, _) = await StartAsync(key, $"{p}-B", Nik(p, NikB));
        string[] paths(string id) => [$"/api/instances/{id}", $"/api/instances/{id}/history", $"/api/instances/{id}/audit"];

        // The unit head: their unit's case, not the other.
        Assert.Equal([caseA], await CaseIdsAsync(people.HeadA, key));
        foreach (var path in paths(caseA)) Assert.Equal(HttpStatusCode.OK, await StatusAsync(people.HeadA, path));
        foreach (var path in paths(caseB)) Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(people.HeadA, path));

        // The employee: the case about them, nothing else (reproduction 1 of the issue).
        Assert.Equal([caseA], await CaseIdsAsync(people.EmployeeA, key));
        Assert.Equal([caseB], await CaseIdsAsync(people.EmployeeB, key));
        foreach (var path in paths(caseB)) Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(people.EmployeeA, path));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(people.EmployeeB, $"/api/tasks/{taskA}"));

        // Organisation-wide staff without a task in it, and an evaluator (who is no unit head), don't see it.
        foreach (var outsider in new[] { people.Verifier, people.Ppk, people.EvaluatorA, people.HeadWithoutUnit })
        {
            Assert.Empty(await CaseIdsAsync(outsider, key));
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(outsider, $"/api/instances/{caseA}"));
        }

        // Once the case has a ppk task, the ppk sees it (and still not the other case); and keeps seeing it after deciding.
        Assert.Equal(HttpStatusCode.OK, (await Complete(people.HeadA, taskA)).StatusCode);
        Assert.Equal([caseA], await CaseIdsAsync(people.Ppk, key));
        var ppkTask = (string)(await _api.OpenTasksAsync(caseA))[0]!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await Complete(people.Ppk, ppkTask)).StatusCode);
        await _api.WaitForStatusAsync(caseA, "completed");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(people.Ppk, $"/api/instances/{caseA}/history"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(people.Ppk, $"/api/instances/{caseB}"));

        // hr-admin sees both.
        var all = await CaseIdsAsync(_api.Http, key);
        Assert.Contains(caseA, all);
        Assert.Contains(caseB, all);
    }

    [Fact]
    public async Task A_substitute_acts_on_the_absent_unit_heads_tasks_with_that_heads_unit()
    {
        const string p = "uk3";
        var key = $"kasus_{p}";
        await _api.DeployAsync(Renewal(key));
        using var people = await PeopleAsync(p);
        var (_, taskA) = await StartAsync(key, $"{p}-A", Nik(p, NikA));
        Assert.DoesNotContain(taskA, await TaskIdsAsync(people.HeadB));

        var now = DateTimeOffset.UtcNow;
        (await _api.Http.PostAsJsonAsync("/api/substitutions", new
        {
            userName = people.Names[0], substituteUserName = people.Names[1], from = now.AddHours(-1), to = now.AddHours(8), reason = "Dinas luar",
        })).EnsureSuccessStatusCode();
        Assert.Contains(taskA, await TaskIdsAsync(people.HeadB, "&mine=true"));
        var done = await Complete(people.HeadB, taskA);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var task = (await done.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(people.Names[1], (string?)task["completedBy"]);
        Assert.Equal(people.Names[0], (string?)task["onBehalfOf"]);
    }

    [Fact]
    public async Task A_unit_scoped_task_of_a_case_without_a_unit_is_for_hr_admin_only()
    {
        const string p = "uk4";
        await _api.DeployAsync(Chain($"tanpa_unit_{p}", UserTask("isi", candidateGroups: "unit-head")));
        using var people = await PeopleAsync(p);
        var instance = await _api.StartAsync($"tanpa_unit_{p}", new { unitCode = $"{p}-A" });
        var taskId = (string)(await _api.OpenTasksAsync((string)instance["id"]!))[0]!["id"]!;
        Assert.DoesNotContain(taskId, await TaskIdsAsync(people.HeadA));
        Assert.Contains(taskId, await TaskIdsAsync(_api.Http));
    }
}
