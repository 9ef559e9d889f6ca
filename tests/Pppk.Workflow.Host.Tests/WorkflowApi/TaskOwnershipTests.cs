using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>Issue 13, reproduction 3: a claimed task is completed only by its assignee; unclaim and assign hand it on.</summary>
public sealed class TaskOwnershipTests(TestHost host) : IClassFixture<TestHost>
{
    private const string Password = "Tugas-Saya-2026!";
    private readonly WorkflowApiClient _api = new(host.Client());

    /// <summary>Two ppk users and a verifier, named for the test (the class shares one host); and an open ppk task.</summary>
    private async Task<(HttpClient One, HttpClient Two, HttpClient Verifier, string[] Names, string InstanceId, string TaskId)> SetUpAsync(string prefix)
    {
        string[] names = [$"{prefix}_ppk1", $"{prefix}_ppk2", $"{prefix}_verif"];
        string[] roles = ["ppk", "ppk", "verifier"];
        for (var i = 0; i < names.Length; i++)
            (await _api.Http.PostAsJsonAsync("/api/users", new { userName = names[i], password = Password, roles = new[] { roles[i] } })).EnsureSuccessStatusCode();
        await _api.DeployAsync(Chain($"own_{prefix}", UserTask("tanda_tangan", "Tanda tangan SK", candidateGroups: "ppk")));
        var instance = await _api.StartAsync($"own_{prefix}");
        var taskId = (string)(await _api.OpenTasksAsync((string)instance["id"]!))[0]!["id"]!;
        return (await host.SignedInClientAsync(names[0], Password), await host.SignedInClientAsync(names[1], Password),
            await host.SignedInClientAsync(names[2], Password), names, (string)instance["id"]!, taskId);
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string taskId, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/tasks/{taskId}/{action}", body ?? new { });

    private async Task<JsonObject> TaskAsync(string taskId) => (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}"))!["task"]!.AsObject();

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<List<(string? User, string Action, string? Assignee)>> AuditAsync(string instanceId) =>
        (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}/audit"))!["items"]!.AsArray()
            .Select(a => ((string?)a!["user"], (string)a["action"]!, (string?)a["details"]?["assignee"])).ToList();

    [Fact]
    public async Task A_claimed_task_is_completed_only_by_its_assignee_and_not_by_another_ppk_or_hr_admin()
    {
        var (one, two, _, names, instanceId, taskId) = await SetUpAsync("rep3");
        using var _1 = one; using var _2 = two;
        Assert.Equal(HttpStatusCode.OK, (await Post(one, taskId, "claim")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Post(two, taskId, "claim")).StatusCode);

        // The reproduction: the other ppk completing it was a 200 with completedBy the other ppk.
        var refused = await ProblemAsync(await Post(two, taskId, "complete", new { variables = new { skSigned = true } }), HttpStatusCode.Forbidden);
        Assert.Equal("task-claimed-by-other", (string?)refused["code"]);
        Assert.Contains(names[0], (string?)refused["title"]);
        Assert.StartsWith("Task 'Tanda tangan SK' is claimed by", (string?)refused["title"]);
        // In Indonesian for the web front, naming the assignee too.
        var indonesian = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/complete") { Content = JsonContent.Create(new { }) };
        indonesian.Headers.AcceptLanguage.ParseAdd("id");
        var inIndonesian = await ProblemAsync(await two.SendAsync(indonesian), HttpStatusCode.Forbidden);
        Assert.Equal($"Tugas 'Tanda tangan SK' sedang dipegang oleh {names[0]}; hanya {names[0]} yang dapat menyelesaikannya. Minta {names[0]} melepaskannya, atau minta hr-admin mengalihkannya.",
            (string?)inIndonesian["title"]);
        // hr-admin reassigns rather than completes another's task.
        Assert.Equal("task-claimed-by-other", (string?)(await ProblemAsync(await _api.CompleteAsync(taskId), HttpStatusCode.Forbidden))["code"]);

        var task = await TaskAsync(taskId);
        Assert.Equal("open", (string?)task["state"]);
        Assert.Equal(names[0], (string?)task["assignee"]);
        Assert.Null((string?)(await _api.InstanceAsync(instanceId))["variables"]!["skSigned"]);

        var done = await Post(one, taskId, "complete", new { variables = new { skSigned = true } });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(names[0], (string?)(await done.Content.ReadFromJsonAsync<JsonObject>())!["completedBy"]);
        Assert.Equal("completed", (string?)(await _api.InstanceAsync(instanceId))["status"]);
    }

    [Fact]
    public async Task The_assignee_releases_the_task_and_then_another_member_of_its_group_claims_and_completes_it()
    {
        var (one, two, verifier, names, instanceId, taskId) = await SetUpAsync("rel");
        using var _1 = one; using var _2 = two; using var _3 = verifier;
        Assert.Equal("task-not-claimed", (string?)(await ProblemAsync(await Post(one, taskId, "unclaim"), HttpStatusCode.Conflict))["code"]);
        Assert.Equal(HttpStatusCode.OK, (await Post(one, taskId, "claim")).StatusCode);

        var refused = await ProblemAsync(await Post(two, taskId, "unclaim"), HttpStatusCode.Forbidden);
        Assert.Equal("task-unclaim-forbidden", (string?)refused["code"]);
        Assert.Contains(names[0], (string?)refused["title"]);
        Assert.Equal(names[0], (string?)(await TaskAsync(taskId))["assignee"]);

        var released = await Post(one, taskId, "unclaim");
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Null((string?)(await released.Content.ReadFromJsonAsync<JsonObject>())!["assignee"]);
        // Back with the group: a verifier still may not take it, the other ppk may.
        Assert.Equal("task-not-candidate", (string?)(await ProblemAsync(await Post(verifier, taskId, "claim"), HttpStatusCode.Forbidden))["code"]);
        Assert.Equal(HttpStatusCode.OK, (await Post(two, taskId, "claim")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(one, taskId, "complete")).StatusCode);
        var done = await Post(two, taskId, "complete");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(names[1], (string?)(await done.Content.ReadFromJsonAsync<JsonObject>())!["completedBy"]);
        Assert.Equal("task-not-open", (string?)(await ProblemAsync(await Post(two, taskId, "unclaim"), HttpStatusCode.Conflict))["code"]);

        // Each change of holder is in the instance's audit, with who made it.
        Assert.Equal([(names[0], "claim", names[0]), (names[0], "unclaim", null), (names[1], "claim", names[1])], await AuditAsync(instanceId));
    }

    [Fact]
    public async Task Hr_admin_assigns_to_anyone_and_the_assignee_hands_over_only_within_the_tasks_groups()
    {
        var (one, two, verifier, names, instanceId, taskId) = await SetUpAsync("asg");
        using var _1 = one; using var _2 = two; using var _3 = verifier;
        // Nobody holds it yet: a candidate may claim it, but not hand it over.
        Assert.Equal("task-assign-forbidden", (string?)(await ProblemAsync(await Post(one, taskId, "assign", new { assignee = names[1] }), HttpStatusCode.Forbidden))["code"]);

        var assigned = await Post(_api.Http, taskId, "assign", new { assignee = names[0].ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(names[0], (string?)(await assigned.Content.ReadFromJsonAsync<JsonObject>())!["assignee"]); // the stored sign-in name

        var unknown = await ProblemAsync(await Post(_api.Http, taskId, "assign", new { assignee = "tidak_ada_orangnya" }), HttpStatusCode.BadRequest);
        Assert.Equal("task-assignee-unknown", (string?)unknown["code"]);
        Assert.Contains("tidak_ada_orangnya", (string?)unknown["title"]);
        Assert.Equal("task-assignee-required", (string?)(await ProblemAsync(await Post(_api.Http, taskId, "assign", new { }), HttpStatusCode.BadRequest))["code"]);

        // The assignee hands it to a member of the task's group, not outside it.
        var outside = await ProblemAsync(await Post(one, taskId, "assign", new { assignee = names[2] }), HttpStatusCode.Forbidden);
        Assert.Equal("task-assign-not-candidate", (string?)outside["code"]);
        Assert.Contains(names[2], (string?)outside["title"]);
        Assert.Equal(names[0], (string?)(await TaskAsync(taskId))["assignee"]);
        Assert.Equal(HttpStatusCode.OK, (await Post(one, taskId, "assign", new { assignee = names[1] })).StatusCode);
        Assert.Equal(names[1], (string?)(await TaskAsync(taskId))["assignee"]);
        // The previous holder has let go: it can neither hand it on again nor complete it.
        Assert.Equal("task-assign-forbidden", (string?)(await ProblemAsync(await Post(one, taskId, "assign", new { assignee = names[0] }), HttpStatusCode.Forbidden))["code"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(one, taskId, "complete")).StatusCode);

        // hr-admin may assign outside the groups; that person then holds and completes it.
        Assert.Equal(HttpStatusCode.OK, (await Post(_api.Http, taskId, "assign", new { assignee = names[2] })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(two, taskId, "complete")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(verifier, taskId, "complete")).StatusCode);

        Assert.Equal([("bootstrap", "assign", names[0]), (names[0], "assign", names[1]), ("bootstrap", "assign", names[2])], await AuditAsync(instanceId));
    }

    [Fact]
    public async Task When_the_assignee_and_another_member_complete_at_once_only_the_assignee_succeeds()
    {
        var (one, two, _, names, instanceId, taskId) = await SetUpAsync("race");
        using var _1 = one; using var _2 = two;
        Assert.Equal(HttpStatusCode.OK, (await Post(one, taskId, "claim")).StatusCode);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            var (client, who) = i % 2 == 0 ? (two, names[1]) : (one, names[0]);
            return (Who: who, (await Post(client, taskId, "complete", new { variables = new { by = who } })).StatusCode);
        }));
        var winner = Assert.Single(attempts, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(names[0], winner.Who);
        // The other member is refused whether it came before the completion (403) or after it (409); never a 200.
        Assert.All(attempts.Where(a => a.Who == names[1]), a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Conflict }));
        var task = await TaskAsync(taskId);
        Assert.Equal(names[0], (string?)task["completedBy"]);
        Assert.Equal(names[0], (string?)(await _api.InstanceAsync(instanceId))["variables"]!["by"]);
    }
}
