using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>Issue 13, substitutes (Plt/Plh): while in force the substitute sees and acts on the user's tasks, recorded as done on their behalf.</summary>
public sealed class SubstitutionTests(TestHost host) : IClassFixture<TestHost>
{
    private const string Password = "Plh-Kepala-2026!";
    private readonly WorkflowApiClient _api = new(host.Client());

    /// <summary>A ppk user, a verifier (who is no candidate of ppk tasks, so acts on one only as a substitute), a second ppk; and an open ppk task.</summary>
    private async Task<(HttpClient Ppk, HttpClient Verifier, HttpClient OtherPpk, string[] Names, string InstanceId, string TaskId)> SetUpAsync(string prefix)
    {
        string[] names = [$"{prefix}_ppk", $"{prefix}_plh", $"{prefix}_ppk2"];
        string[] roles = ["ppk", "verifier", "ppk"];
        for (var i = 0; i < names.Length; i++)
            (await _api.Http.PostAsJsonAsync("/api/users", new { userName = names[i], password = Password, roles = new[] { roles[i] } })).EnsureSuccessStatusCode();
        await _api.DeployAsync(Chain($"plh_{prefix}", UserTask("tanda_tangan", "Tanda tangan SK", candidateGroups: "ppk")));
        var instance = await _api.StartAsync($"plh_{prefix}");
        var taskId = (string)(await _api.OpenTasksAsync((string)instance["id"]!))[0]!["id"]!;
        return (await host.SignedInClientAsync(names[0], Password), await host.SignedInClientAsync(names[1], Password),
            await host.SignedInClientAsync(names[2], Password), names, (string)instance["id"]!, taskId);
    }

    // One clock reading for both ends: equal offsets must give equal times (from == to is a case of its own).
    private static object Body(string? user, string substitute, TimeSpan from, TimeSpan to, string? reason = "Cuti tahunan")
    {
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        return new { userName = user, substituteUserName = substitute, from = now.Add(from), to = now.Add(to), reason };
    }

    private static async Task<string> NameAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/substitutions", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private static Task<HttpResponseMessage> Complete(HttpClient client, string taskId) =>
        client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { skSigned = true } });

    private static async Task<bool> InMyListAsync(HttpClient client, string taskId) =>
        (await client.GetFromJsonAsync<JsonObject>("/api/tasks?mine=true&pageSize=500"))!["items"]!.AsArray().Any(t => (string?)t!["id"] == taskId);

    private static async Task<string?> CodeAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["code"];
    }

    [Fact]
    public async Task A_substitute_in_force_sees_and_completes_the_users_claimed_task_and_history_records_both()
    {
        var (ppk, plh, _, names, instanceId, taskId) = await SetUpAsync("force");
        using var _1 = ppk; using var _2 = plh;
        Assert.Equal(HttpStatusCode.OK, (await ppk.PostAsJsonAsync($"/api/tasks/{taskId}/claim", new { })).StatusCode);
        Assert.False(await InMyListAsync(plh, taskId));
        Assert.Equal("task-claimed-by-other", await CodeAsync(await Complete(plh, taskId), HttpStatusCode.Forbidden));

        await NameAsync(_api.Http, Body(names[0], names[1], TimeSpan.FromHours(-1), TimeSpan.FromHours(8)));
        Assert.True(await InMyListAsync(plh, taskId));
        var done = await Complete(plh, taskId);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var answer = (await done.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(names[1], (string?)answer["completedBy"]);
        Assert.Equal(names[0], (string?)answer["onBehalfOf"]);

        var task = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}"))!["task"]!;
        Assert.Equal((names[1], names[0]), ((string?)task["completedBy"], (string?)task["onBehalfOf"]));
        var history = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}/history"))!["items"]!.AsArray();
        var step = Assert.Single(history, h => (string?)h!["elementId"] == "tanda_tangan")!;
        Assert.Equal((names[1], names[0]), ((string?)step["completedBy"], (string?)step["onBehalfOf"]));
        Assert.All(history.Where(h => (string?)h!["elementId"] != "tanda_tangan"), h => Assert.Null((string?)h!["onBehalfOf"]));
        Assert.Equal(true, (bool?)(await _api.InstanceAsync(instanceId))["variables"]!["skSigned"]);
    }

    [Fact]
    public async Task A_substitute_in_force_sees_and_claims_a_task_offered_to_the_users_group()
    {
        var (_, plh, _, names, _, taskId) = await SetUpAsync("group");
        using var _2 = plh;
        Assert.False(await InMyListAsync(plh, taskId));
        Assert.Equal("task-not-candidate", await CodeAsync(await plh.PostAsJsonAsync($"/api/tasks/{taskId}/claim", new { }), HttpStatusCode.Forbidden));

        await NameAsync(_api.Http, Body(names[0], names[1], TimeSpan.FromMinutes(-5), TimeSpan.FromDays(3)));
        Assert.True(await InMyListAsync(plh, taskId)); // the user's role ppk counts as a candidate group for the substitute
        Assert.Equal(HttpStatusCode.OK, (await plh.PostAsJsonAsync($"/api/tasks/{taskId}/claim", new { })).StatusCode);
        var done = await Complete(plh, taskId);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        // Claimed by the substitute, the task was theirs when completed.
        Assert.Equal(names[1], (string?)(await done.Content.ReadFromJsonAsync<JsonObject>())!["completedBy"]);
    }

    [Fact]
    public async Task Outside_its_period_or_after_it_is_withdrawn_a_substitution_gives_nothing()
    {
        var (ppk, plh, _, names, _, taskId) = await SetUpAsync("period");
        using var _1 = ppk; using var _2 = plh;
        Assert.Equal(HttpStatusCode.OK, (await ppk.PostAsJsonAsync($"/api/tasks/{taskId}/claim", new { })).StatusCode);

        var future = await NameAsync(_api.Http, Body(names[0], names[1], TimeSpan.FromDays(1), TimeSpan.FromDays(2)));
        var expired = await NameAsync(_api.Http, Body(names[0], names[1], TimeSpan.FromDays(-2), TimeSpan.FromDays(-1)));
        Assert.False(await InMyListAsync(plh, taskId));
        Assert.Equal("task-claimed-by-other", await CodeAsync(await Complete(plh, taskId), HttpStatusCode.Forbidden));
        var listed = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/substitutions?userName={names[0]}"))!["items"]!.AsArray();
        Assert.Equal(new[] { future, expired }.Order(), listed.Select(s => (string)s!["id"]!).Order());
        Assert.All(listed, s => Assert.False((bool)s!["inForce"]!));

        var current = await NameAsync(_api.Http, Body(names[0], names[1], TimeSpan.FromHours(-1), TimeSpan.FromHours(1)));
        Assert.True(await InMyListAsync(plh, taskId));
        Assert.Equal(HttpStatusCode.NoContent, (await _api.Http.DeleteAsync($"/api/substitutions/{current}")).StatusCode);
        Assert.Equal("substitution-not-found", await CodeAsync(await _api.Http.DeleteAsync($"/api/substitutions/{current}"), HttpStatusCode.NotFound));
        Assert.False(await InMyListAsync(plh, taskId));
        Assert.Equal("task-claimed-by-other", await CodeAsync(await Complete(plh, taskId), HttpStatusCode.Forbidden));

        var done = await Complete(ppk, taskId);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Null((string?)(await done.Content.ReadFromJsonAsync<JsonObject>())!["onBehalfOf"]);
    }

    [Fact]
    public async Task A_user_names_their_own_substitute_but_not_someone_elses()
    {
        var (ppk, plh, other, names, _, taskId) = await SetUpAsync("self");
        using var _1 = ppk; using var _2 = plh; using var _3 = other;
        var id = await NameAsync(ppk, Body(null, names[1], TimeSpan.FromHours(-1), TimeSpan.FromHours(4)));
        var mine = (await ppk.GetFromJsonAsync<JsonObject>("/api/substitutions"))!["items"]!.AsArray();
        var named = Assert.Single(mine)!;
        Assert.Equal((names[0], names[1], names[0], "Cuti tahunan", true),
            ((string?)named["userName"], (string?)named["substituteUserName"], (string?)named["createdBy"], (string?)named["reason"], (bool?)named["inForce"]));
        // The substitute sees it too; a third user neither sees nor withdraws it.
        Assert.Single((await plh.GetFromJsonAsync<JsonObject>("/api/substitutions"))!["items"]!.AsArray());
        Assert.Empty((await other.GetFromJsonAsync<JsonObject>("/api/substitutions"))!["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/substitutions/{id}")).StatusCode);
        Assert.True(await InMyListAsync(plh, taskId));

        // Naming one for another user is hr-admin's.
        Assert.Equal("substitution-for-other", await CodeAsync(
            await ppk.PostAsJsonAsync("/api/substitutions", Body(names[2], names[1], TimeSpan.Zero, TimeSpan.FromHours(1))), HttpStatusCode.Forbidden));
        Assert.Equal(HttpStatusCode.Created, (await _api.Http.PostAsJsonAsync("/api/substitutions", Body(names[2], names[1], TimeSpan.Zero, TimeSpan.FromHours(1)))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ppk.DeleteAsync($"/api/substitutions/{id}")).StatusCode);
    }

    [Fact]
    public async Task Bad_bodies_are_400_with_a_code()
    {
        var (ppk, _, _, names, _, _) = await SetUpAsync("bad");
        using var _1 = ppk;
        var hour = TimeSpan.FromHours(1);
        var cases = new (object Body, string Code, string Field)[]
        {
            (Body(names[0], "tidak_ada_orangnya", TimeSpan.Zero, hour), "substitution-user-unknown", "substituteUserName"),
            (Body("tidak_ada_orangnya", names[1], TimeSpan.Zero, hour), "substitution-user-unknown", "userName"),
            (Body(names[0], names[0].ToUpperInvariant(), TimeSpan.Zero, hour), "substitution-self", "substituteUserName"),
            (Body(names[0], names[1], hour, hour), "substitution-period-invalid", "to"),
            (Body(names[0], names[1], hour, TimeSpan.Zero), "substitution-period-invalid", "to"),
            (Body(names[0], names[1], TimeSpan.Zero, hour, reason: null), "substitution-field-required", "reason"),
            (Body(names[0], names[1], TimeSpan.Zero, hour, reason: "  "), "substitution-field-required", "reason"),
            (Body(names[0], names[1], TimeSpan.Zero, hour, reason: new string('x', 501)), "substitution-reason-too-long", "reason"),
            (new { userName = names[0], substituteUserName = names[1], reason = "Dinas luar" }, "substitution-field-required", "from"),
        };
        foreach (var (body, code, field) in cases)
        {
            var response = await _api.Http.PostAsJsonAsync("/api/substitutions", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal((code, field), ((string?)problem["code"], (string?)problem["field"]));
        }
        // In Indonesian on request.
        var indonesian = new HttpRequestMessage(HttpMethod.Post, "/api/substitutions") { Content = JsonContent.Create(Body(names[0], names[0], TimeSpan.Zero, hour)) };
        indonesian.Headers.AcceptLanguage.ParseAdd("id");
        var inIndonesian = (await (await _api.Http.SendAsync(indonesian)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal($"{names[0]} tidak dapat menjadi pengganti dirinya sendiri; tunjuk orang lain.", (string?)inIndonesian["title"]);
        Assert.Empty((await _api.Http.GetFromJsonAsync<JsonObject>($"/api/substitutions?userName={names[0]}"))!["items"]!.AsArray());
    }
}
