using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>Process instance modification through the API: moving tokens, creating scopes, variables, parallel branches, boundary timers, the audit.</summary>
public sealed class ModificationTests(TestHost host) : IClassFixture<TestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    private async Task<JsonObject> ModifyAsync(string id, object body)
    {
        var response = await _api.Http.PostAsJsonAsync($"/api/instances/{id}/modification", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<JsonArray> TasksAsync(string id) =>
        (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={id}&state=all"))!["items"]!.AsArray();

    private static List<string> Active(JsonObject instance) => [.. instance["activeElementIds"]!.AsArray().Select(e => (string)e!).Order()];

    private async Task CompleteOpenAsync(string id, string elementId)
    {
        var task = (await _api.OpenTasksAsync(id)).Single(t => (string?)t!["elementId"] == elementId)!;
        var response = await _api.CompleteAsync((string)task["id"]!);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Moving_a_token_withdraws_task_A_from_the_inbox_offers_task_B_and_is_audited()
    {
        await _api.DeployAsync(Chain("mod_move", UserTask("periksa", "Periksa berkas"), UserTask("setujui", "Setujui")));
        var id = (string)(await _api.StartAsync("mod_move"))["id"]!;

        var answer = await ModifyAsync(id, new { activate = new[] { new { elementId = "setujui" } }, terminate = new[] { new { elementId = "periksa" } } });

        Assert.Equal(id, (string?)answer["instanceId"]);
        var activated = Assert.Single(answer["activated"]!.AsArray())!;
        Assert.Equal("setujui", (string?)activated["elementId"]);
        Assert.True((long)activated["elementInstanceKey"]! > 0);
        Assert.Equal(1, (int)answer["terminated"]!);
        var tasks = await TasksAsync(id);
        Assert.Equal("cancelled", (string?)tasks.Single(t => (string?)t!["elementId"] == "periksa")!["state"]);
        Assert.Equal("open", (string?)tasks.Single(t => (string?)t!["elementId"] == "setujui")!["state"]);
        Assert.Equal(["setujui"], Active(await _api.InstanceAsync(id)));
        var history = await _api.HistoryAsync(id);
        Assert.NotNull(history.Single(h => (string?)h!["elementId"] == "periksa")!["endedAt"]);
        Assert.Null(history.Single(h => (string?)h!["elementId"] == "setujui")!["endedAt"]);

        var audit = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{id}/audit"))!["items"]!.AsArray();
        var entry = audit.Single(a => (string?)a!["action"] == "modify")!;
        Assert.Contains("bootstrap", (string?)entry["user"]);
        Assert.Equal("setujui", (string?)entry["details"]!["activate"]![0]!["elementId"]);
        Assert.Equal((long)activated["elementInstanceKey"]!, (long)entry["details"]!["activate"]![0]!["elementInstanceKey"]!);
        Assert.Equal("periksa", (string?)entry["details"]!["terminate"]![0]);

        await CompleteOpenAsync(id, "setujui");
        Assert.Equal("completed", (string?)(await _api.InstanceAsync(id))["status"]);
    }

    [Fact]
    public async Task Activating_inside_a_subprocess_that_is_not_active_creates_the_subprocess_without_its_start()
    {
        var xml = Process("mod_sub", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", UserTask("daftar"),
            "<bpmn:subProcess id=\"verifikasi\"><bpmn:startEvent id=\"s1\"/>", UserTask("berkas"), UserTask("wawancara"), "<bpmn:endEvent id=\"e1\"/>",
            Flow("g1", "s1", "berkas"), Flow("g2", "berkas", "wawancara"), Flow("g3", "wawancara", "e1"), "</bpmn:subProcess>",
            "<bpmn:endEvent id=\"end\"/>", Flow("f1", "start", "daftar"), Flow("f2", "daftar", "verifikasi"), Flow("f3", "verifikasi", "end")));
        await _api.DeployAsync(xml);
        var id = (string)(await _api.StartAsync("mod_sub"))["id"]!;

        await ModifyAsync(id, new { activate = new[] { new { elementId = "wawancara" } }, terminate = new[] { new { elementId = "daftar" } } });

        Assert.Equal(["verifikasi", "wawancara"], Active(await _api.InstanceAsync(id)));
        var history = await _api.HistoryAsync(id);
        Assert.DoesNotContain(history, h => (string?)h!["elementId"] is "s1" or "berkas");
        Assert.Contains(history, h => (string?)h!["elementId"] == "verifikasi" && (string?)h["elementType"] == "subProcess");
        await CompleteOpenAsync(id, "wawancara");
        Assert.Equal("completed", (string?)(await _api.InstanceAsync(id))["status"]);
    }

    [Fact]
    public async Task Activation_variables_are_set_in_the_scope_the_element_is_activated_in()
    {
        await _api.DeployAsync(Chain("mod_vars", UserTask("a"), UserTask("b")));
        var id = (string)(await _api.StartAsync("mod_vars", new { nilai = 1 }))["id"]!;

        await ModifyAsync(id, new { activate = new[] { new { elementId = "b", variables = new { nilai = 2, catatan = "dipindah operator" } } }, terminate = new[] { new { elementId = "a" } } });

        var variables = (await _api.InstanceAsync(id))["variables"]!;
        Assert.Equal(2, (int)variables["nilai"]!);
        Assert.Equal("dipindah operator", (string?)variables["catatan"]);
    }

    /// <summary>
    /// Terminating one of two parallel branches leaves the join short of a token: when the other branch arrives, it waits
    /// there for good (as in Camunda 8). Terminating the join's waiting token and activating the element after it goes on.
    /// </summary>
    [Fact]
    public async Task A_terminated_parallel_branch_leaves_the_join_waiting_until_the_join_is_terminated_and_the_next_element_activated()
    {
        var xml = Process("mod_par", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", "<bpmn:parallelGateway id=\"fork\"/>", UserTask("a"), UserTask("b"), "<bpmn:parallelGateway id=\"join\"/>",
            UserTask("c"), "<bpmn:endEvent id=\"end\"/>",
            Flow("f1", "start", "fork"), Flow("f2", "fork", "a"), Flow("f3", "fork", "b"), Flow("f4", "a", "join"), Flow("f5", "b", "join"),
            Flow("f6", "join", "c"), Flow("f7", "c", "end")));
        await _api.DeployAsync(xml);
        var id = (string)(await _api.StartAsync("mod_par"))["id"]!;

        await ModifyAsync(id, new { terminate = new[] { new { elementId = "b" } } });
        Assert.Equal(["a"], Active(await _api.InstanceAsync(id)));
        await CompleteOpenAsync(id, "a");
        var waiting = await _api.InstanceAsync(id);
        Assert.Equal("active", (string?)waiting["status"]);
        Assert.Empty(Active(waiting));

        var answer = await ModifyAsync(id, new { activate = new[] { new { elementId = "c" } }, terminate = new[] { new { elementId = "join" } } });
        Assert.Equal(1, (int)answer["terminated"]!);
        await CompleteOpenAsync(id, "c");
        Assert.Equal("completed", (string?)(await _api.InstanceAsync(id))["status"]);
    }

    [Fact]
    public async Task Terminating_an_element_withdraws_its_boundary_timer()
    {
        var xml = Process("mod_timer", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", UserTask("isi"), UserTask("lanjut"),
            """<bpmn:boundaryEvent id="batas" attachedToRef="isi"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P3D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>""",
            "<bpmn:endEvent id=\"end\"/>", "<bpmn:endEvent id=\"lewat\"/>",
            Flow("f1", "start", "isi"), Flow("f2", "isi", "lanjut"), Flow("f3", "lanjut", "end"), Flow("f4", "batas", "lewat")));
        await _api.DeployAsync(xml);
        var id = (string)(await _api.StartAsync("mod_timer"))["id"]!;
        Assert.Equal(1L, await TimersAsync(id));

        await ModifyAsync(id, new { activate = new[] { new { elementId = "lanjut" } }, terminate = new[] { new { elementId = "isi" } } });

        Assert.Equal(0L, await TimersAsync(id));
        Assert.Equal(["lanjut"], Active(await _api.InstanceAsync(id)));
    }

    private async Task<long> TimersAsync(string id)
    {
        await using var db = Npgsql.NpgsqlDataSource.Create(host.ConnectionString);
        await using var cmd = db.CreateCommand("SELECT count(*) FROM pppk.timers WHERE instance_id = @i");
        cmd.Parameters.AddWithValue("i", Guid.Parse(id));
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
