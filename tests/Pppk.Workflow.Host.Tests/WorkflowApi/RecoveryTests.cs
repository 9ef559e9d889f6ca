using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Runtime.Jobs;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

public sealed class RecoveryTests(TestHost host) : IClassFixture<TestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    private async Task ExecAsync(string sql, params (string, object)[] args)
    {
        await using var db = NpgsqlDataSource.Create(host.ConnectionString);
        await using var cmd = db.CreateCommand(sql);
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_due_timer_whose_wake_up_was_lost_is_fired_by_the_sweep()
    {
        await _api.DeployAsync(Chain("lost_timer", TimerCatch("lama", "PT1H")));
        var instance = await _api.StartAsync("lost_timer");
        // As if the process died after commit: the timer is due and no drain was ever scheduled for it.
        await ExecAsync("UPDATE pppk.timers SET due_at = now() - interval '5 seconds' WHERE instance_id = @i", ("i", Guid.Parse((string)instance["id"]!)));
        await host.Host.Services.GetRequiredService<WorkflowJobs>().Sweep(CancellationToken.None);
        await _api.WaitForStatusAsync((string)instance["id"]!, "completed", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_child_error_is_caught_by_the_boundary_on_the_call_activity()
    {
        await _api.DeployAsync(Process("err_child", string.Join("\n",
            "<bpmn:startEvent id=\"s\"/>", UserTask("periksa"), """<bpmn:endEvent id="gagal"><bpmn:errorEventDefinition errorRef="e1"/></bpmn:endEvent>""",
            Flow("f0", "s", "periksa"), Flow("f1", "periksa", "gagal")), """<bpmn:error id="e1" name="TMS" errorCode="TMS"/>"""));
        await _api.DeployAsync(Process("err_parent", string.Join("\n",
            "<bpmn:startEvent id=\"s\"/>",
            """<bpmn:callActivity id="seleksi"><bpmn:extensionElements><zeebe:calledElement processId="err_child"/></bpmn:extensionElements></bpmn:callActivity>""",
            """<bpmn:boundaryEvent id="tms" attachedToRef="seleksi"><bpmn:errorEventDefinition errorRef="e1"/></bpmn:boundaryEvent>""",
            UserTask("sanggah", "Masa sanggah"), "<bpmn:endEvent id=\"ok\"/>", "<bpmn:endEvent id=\"e\"/>",
            Flow("f0", "s", "seleksi"), Flow("f1", "seleksi", "ok"), Flow("f2", "tms", "sanggah"), Flow("f3", "sanggah", "e")), """<bpmn:error id="e1" name="TMS" errorCode="TMS"/>"""));
        var parent = await _api.StartAsync("err_parent");
        var child = (await _api.Http.GetFromJsonAsync<JsonObject>("/api/instances?definitionKey=err_child"))!["items"]![0]!;
        var task = (await _api.OpenTasksAsync((string)child["id"]!))[0]!;
        (await _api.CompleteAsync((string)task["id"]!)).EnsureSuccessStatusCode();
        await _api.WaitForActiveAsync((string)parent["id"]!, "sanggah");
    }

    [Fact]
    public async Task Forms_deploy_with_their_process_and_a_task_shows_its_form()
    {
        const string form = """{"id":"form_verifikasi","type":"default","components":[{"key":"verdict","label":"Hasil","type":"select","values":[{"label":"MS","value":"MS"},{"label":"TMS","value":"TMS"}]}],"schemaVersion":16}""";
        var bpmn = Chain("with_form", UserTask("verifikasi", "Verifikasi administrasi", extra: """<zeebe:formDefinition formId="form_verifikasi"/>"""));
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(bpmn, Encoding.UTF8, "application/xml"), "files", "with_form.bpmn" },
            { new StringContent(form, Encoding.UTF8, "application/json"), "files", "verifikasi.form" },
        };
        var response = await _api.Http.PostAsync("/api/definitions", multipart);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("form_verifikasi", (string?)body["forms"]![0]!["id"]);

        var instance = await _api.StartAsync("with_form", new { nama = "Ani" });
        var taskId = (string)(await _api.OpenTasksAsync((string)instance["id"]!))[0]!["id"]!;
        var detail = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}"))!;
        Assert.Equal("form_verifikasi", (string?)detail["task"]!["formId"]);
        Assert.Equal("verdict", (string?)detail["form"]!["components"]![0]!["key"]);
        Assert.Equal("Ani", (string?)detail["variables"]!["nama"]);
    }

    [Fact]
    public async Task Pruning_drops_the_state_of_long_finished_instances_and_keeps_their_history()
    {
        await _api.DeployAsync(Chain("prune_me", "<bpmn:intermediateThrowEvent id=\"tonggak\"/>"));
        var instance = await _api.StartAsync("prune_me", new { x = 1 });
        var id = Guid.Parse((string)instance["id"]!);
        Assert.Equal("completed", (string?)instance["status"]);
        await ExecAsync("UPDATE pppk.instances SET ended_at = now() - interval '400 days' WHERE id = @i", ("i", id));
        await host.Host.Services.GetRequiredService<WorkflowJobs>().Prune(CancellationToken.None);

        var after = await _api.InstanceAsync(id.ToString());
        Assert.Equal("completed", (string?)after["status"]);
        Assert.Empty(after["variables"]!.AsObject());
        Assert.Contains(await _api.HistoryAsync(id.ToString()), h => (string?)h!["elementId"] == "tonggak");
    }
}
