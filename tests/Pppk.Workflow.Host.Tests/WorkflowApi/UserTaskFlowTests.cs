using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

public sealed class UserTaskFlowTests(TestHost host) : IClassFixture<TestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    [Fact]
    public async Task Start_creates_the_task_and_completing_it_ends_the_instance_with_its_variables_and_history()
    {
        await _api.DeployAsync(WithCase(Chain("ut_simple", UserTask("periksa", "Periksa berkas")), "=unitCode", null));
        var instance = await _api.StartAsync("ut_simple", new { nama = "Siti" }, "REG-1");
        Assert.Equal("active", (string?)instance["status"]);
        Assert.Equal(["periksa"], instance["activeElementIds"]!.AsArray().Select(e => (string)e!));

        var tasks = await _api.OpenTasksAsync((string)instance["id"]!);
        var task = Assert.Single(tasks);
        Assert.Equal("Periksa berkas", (string?)task!["name"]);
        Assert.Equal("verifier", (string?)task["candidateGroups"]![0]);

        // The start's answer (built from the committed step, not read back) is the instance as GET shows it, plus the
        // task the first step opened.
        var opened = Assert.Single(instance["tasks"]!.AsArray())!;
        Assert.Equal((string?)task["id"], (string?)opened["id"]);
        Assert.Equal("periksa", (string?)opened["elementId"]);
        Assert.Equal("Periksa berkas", (string?)opened["name"]);
        var read = await _api.InstanceAsync((string)instance["id"]!);
        var answered = instance.DeepClone().AsObject();
        answered.Remove("tasks");
        Assert.True(JsonNode.DeepEquals(read, answered), $"start answered {answered.ToJsonString()}, GET shows {read.ToJsonString()}");

        var done = await _api.CompleteAsync((string)task["id"]!, new { verdict = "MS", unitCode = "DIKBUD" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        // The answer (built from the committed step, not read back) is the task as GET then shows it.
        var completed = (await done.Content.ReadFromJsonAsync<JsonObject>())!;
        var readTask = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/tasks/{task["id"]}"))!["task"]!;
        Assert.True(JsonNode.DeepEquals(readTask, completed), $"complete answered {completed.ToJsonString()}, GET shows {readTask.ToJsonString()}");
        Assert.Equal("completed", (string?)completed["state"]);
        Assert.Equal("DIKBUD", (string?)completed["unitCode"]);
        var after = await _api.InstanceAsync((string)instance["id"]!);
        Assert.Equal("completed", (string?)after["status"]);
        Assert.Equal("MS", (string?)after["variables"]!["verdict"]);
        Assert.Equal("Siti", (string?)after["variables"]!["nama"]);

        var history = await _api.HistoryAsync((string)instance["id"]!);
        var elements = history.Select(h => (string)h!["elementId"]!).ToList();
        Assert.Equal(["ut_simple", "start", "periksa", "end"], elements);
        var taskEntry = history.Single(h => (string?)h!["elementId"] == "periksa")!;
        Assert.Equal("userTask", (string?)taskEntry["elementType"]);
        Assert.Equal("bootstrap", (string?)taskEntry["completedBy"]);
        Assert.NotNull(taskEntry["endedAt"]);
    }

    [Fact]
    public async Task Tasks_can_be_filtered_by_the_unit_of_their_case()
    {
        await _api.DeployAsync(WithCase(Chain("ut_unit", UserTask("t1")), "=unitCode", null));
        var disdik = await _api.StartAsync("ut_unit", new { unitCode = "DISDIK" });
        await _api.StartAsync("ut_unit", new { unitCode = "DINKES" });
        var items = (await _api.Http.GetFromJsonAsync<JsonObject>("/api/tasks?definitionKey=ut_unit&unitCode=DISDIK"))!["items"]!.AsArray();
        var task = Assert.Single(items)!;
        Assert.Equal((string?)disdik["id"], (string?)task["instanceId"]);
        Assert.Equal("DISDIK", (string?)task["unitCode"]);
        Assert.Empty((await _api.Http.GetFromJsonAsync<JsonObject>("/api/tasks?definitionKey=ut_unit&unitCode=BAPPEDA"))!["items"]!.AsArray());
    }

    [Fact]
    public async Task Completing_a_completed_task_is_409_and_of_two_concurrent_completions_exactly_one_wins()
    {
        await _api.DeployAsync(Chain("ut_race", UserTask("t1")));
        var instance = await _api.StartAsync("ut_race");
        var taskId = (string)(await _api.OpenTasksAsync((string)instance["id"]!))[0]!["id"]!;

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _api.CompleteAsync(taskId)));
        Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(7, attempts.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.Conflict, (await _api.CompleteAsync(taskId)).StatusCode);
    }

    [Fact]
    public async Task Only_the_assignee_a_candidate_or_hr_admin_may_complete()
    {
        await _api.DeployAsync(Chain("ut_auth", UserTask("t1", candidateGroups: "ppk")));
        using var admin = host.Client();
        (await admin.PostAsJsonAsync("/api/users", new { userName = "verif_a", password = "Verifier-2026!", roles = new[] { "verifier" } })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/users", new { userName = "ppk_a", password = "Ppk-Sign-2026!", roles = new[] { "ppk" } })).EnsureSuccessStatusCode();
        var instance = await _api.StartAsync("ut_auth");
        var taskId = (string)(await _api.OpenTasksAsync((string)instance["id"]!))[0]!["id"]!;

        using var verifier = await host.SignedInClientAsync("verif_a", "Verifier-2026!");
        var refused = await verifier.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("ppk", await refused.Content.ReadAsStringAsync());

        using var ppk = await host.SignedInClientAsync("ppk_a", "Ppk-Sign-2026!");
        Assert.Equal(HttpStatusCode.OK, (await ppk.PostAsJsonAsync($"/api/tasks/{taskId}/claim", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ppk.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { approved = true } })).StatusCode);
        var history = await _api.HistoryAsync((string)instance["id"]!);
        Assert.Equal("ppk_a", (string?)history.Single(h => (string?)h!["elementId"] == "t1")!["completedBy"]);
    }

    [Fact]
    public async Task Exclusive_gateway_takes_the_flow_whose_condition_holds_and_no_match_is_an_incident()
    {
        var xml = Process("gw_excl", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>",
            "<bpmn:exclusiveGateway id=\"gw\"/>",
            UserTask("renew", "Perpanjang"), UserTask("end_contract", "Akhiri"),
            "<bpmn:endEvent id=\"e1\"/>", "<bpmn:endEvent id=\"e2\"/>",
            Flow("f0", "start", "gw"),
            Flow("f1", "gw", "renew", "=predicate in [\"Sangat Baik\", \"Baik\"]"),
            Flow("f2", "gw", "end_contract", "=predicate in [\"Kurang\", \"Sangat Kurang\"]"),
            Flow("f3", "renew", "e1"), Flow("f4", "end_contract", "e2")));
        await _api.DeployAsync(xml);

        var good = await _api.StartAsync("gw_excl", new { predicate = "Baik" });
        Assert.Equal(["renew"], good["activeElementIds"]!.AsArray().Select(e => (string)e!));
        var poor = await _api.StartAsync("gw_excl", new { predicate = "Kurang" });
        Assert.Equal(["end_contract"], poor["activeElementIds"]!.AsArray().Select(e => (string)e!));

        var stuck = await _api.StartAsync("gw_excl", new { predicate = "Butuh Perbaikan" });
        Assert.True((bool)stuck["incident"]!);
        var incidents = await _api.Http.GetFromJsonAsync<JsonObject>($"/api/incidents?instanceId={stuck["id"]}");
        var incident = Assert.Single(incidents!["items"]!.AsArray())!;
        Assert.Equal("gw", (string?)incident["elementId"]);

        // Fix the variable, retry: the instance moves on and the incident is gone.
        (await _api.Http.PutAsJsonAsync($"/api/instances/{stuck["id"]}/variables", new { variables = new { predicate = "Sangat Baik" } })).EnsureSuccessStatusCode();
        var retried = await _api.Http.PostAsync($"/api/incidents/{incident["id"]}/retry", null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var after = await _api.InstanceAsync((string)stuck["id"]!);
        Assert.False((bool)after["incident"]!);
        Assert.Equal(["renew"], after["activeElementIds"]!.AsArray().Select(e => (string)e!));
        var audit = await _api.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{stuck["id"]}/audit");
        Assert.Equal(["set-variables", "retry-incident"], audit!["items"]!.AsArray().Select(a => (string)a!["action"]!));
    }
}
