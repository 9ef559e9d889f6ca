using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Host.Tests.WorkflowApi.MigrationApiClient;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>Migration through the API, one test per case: what carries over to the target version and how the case goes on there.</summary>
public sealed class MigrationTests(HandlerTestHost host) : IClassFixture<HandlerTestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    private static string Form(string id, string label) =>
        new JsonObject { ["id"] = id, ["type"] = "default", ["components"] = new JsonArray(new JsonObject { ["key"] = "nama", ["type"] = "textfield", ["label"] = label }) }.ToJsonString();

    private static string TaskWithForm(string key, string name, string assignee, string label) =>
        Chain(key, $"""<bpmn:userTask id="isi" name="{name}"><bpmn:extensionElements><zeebe:userTask/><zeebe:assignmentDefinition assignee="{assignee}"/><zeebe:formDefinition formKey="camunda-forms:bpmn:biodata"/></bpmn:extensionElements></bpmn:userTask>""")
            .Replace($"<bpmn:process id=\"{key}\" name=\"Proses {key}\" isExecutable=\"true\">",
                $"<bpmn:process id=\"{key}\" name=\"Proses {key}\" isExecutable=\"true\"><bpmn:extensionElements><zeebe:userTaskForm id=\"biodata\">{System.Security.SecurityElement.Escape(Form("biodata", label))}</zeebe:userTaskForm></bpmn:extensionElements>");

    [Fact]
    public async Task A_user_task_keeps_its_id_and_assignee_and_shows_the_target_versions_name_and_form_and_history_and_audit_say_who_migrated()
    {
        await _api.DeployAsync(TaskWithForm("mg_task", "Isi biodata", "rina", "Versi satu"));
        var id = (string)(await _api.StartAsync("mg_task"))["id"]!;
        var before = (await _api.OpenTasksAsync(id)).Single()!;
        await _api.DeployAsync(TaskWithForm("mg_task", "Isi biodata v2", "budi", "Versi dua"));

        var answer = await _api.MigrateOkAsync(id, 2);
        Assert.Equal((id, "mg_task", 1, 2), ((string)answer["instanceId"]!, (string)answer["definitionKey"]!, (int)answer["fromVersion"]!, (int)answer["toVersion"]!));
        Assert.Equal(2, (int)(await _api.InstanceAsync(id))["version"]!);
        var detail = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/tasks/{before["id"]}"))!;
        var task = detail["task"]!;
        Assert.Equal(("open", "rina", "Isi biodata v2"), ((string)task["state"]!, (string?)task["assignee"], (string?)task["name"]));
        Assert.Equal("Versi dua", (string?)detail["form"]!["components"]![0]!["label"]);

        var audit = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{id}/audit"))!["items"]!.AsArray();
        var entry = audit.Single(a => (string?)a!["action"] == "migrate")!;
        Assert.Equal((1, 2), ((int)entry["details"]!["fromVersion"]!, (int)entry["details"]!["toVersion"]!));
        Assert.False(string.IsNullOrEmpty((string?)entry["user"]));
        var history = (await _api.HistoryAsync(id)).Single(h => (string?)h!["elementType"] == "migration")!;
        Assert.Equal(((string?)entry["user"], 2), ((string?)history["completedBy"], (int)history["variables"]!["toVersion"]!));
    }

    [Fact]
    public async Task A_timer_is_re_armed_as_the_target_defines_it_and_fires_by_it()
    {
        await _api.DeployAsync(Chain("mg_timer", TimerCatch("tunggu", "PT1H")));
        var id = (string)(await _api.StartAsync("mg_timer"))["id"]!;
        await _api.DeployAsync(Chain("mg_timer", TimerCatch("tunggu", "PT1S")));
        await _api.MigrateOkAsync(id, 2);
        await _api.WaitForStatusAsync(id, "completed", TimeSpan.FromSeconds(30)); // an hour by version 1, a second by version 2
    }

    [Fact]
    public async Task A_message_subscription_correlates_after_migration_kept_or_re_evaluated_from_the_target()
    {
        string Version(string name, string key, string task = "Tugas") => Process("mg_msg", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", MessageCatch("tunggu", "m"), UserTask("lanjut", task), "<bpmn:endEvent id=\"end\"/>",
            Flow("f0", "start", "tunggu"), Flow("f1", "tunggu", "lanjut"), Flow("f2", "lanjut", "end")), Message("m", name, key));
        await _api.DeployAsync(Version("bkn-balas", "=nik"));
        var kept = (string)(await _api.StartAsync("mg_msg", new { nik = "6402010101900001", nip = "199001" }))["id"]!;
        var changed = (string)(await _api.StartAsync("mg_msg", new { nik = "6402010101900002", nip = "199002" }))["id"]!;
        await _api.DeployAsync(Version("bkn-balas", "=nik", "Lanjutkan"));
        await _api.DeployAsync(Version("bkn-balas-2", "=nip"));
        await _api.MigrateOkAsync(kept, 2);
        await _api.MigrateOkAsync(changed, 3);

        var first = await _api.PublishAsync(new { name = "bkn-balas", correlationKey = "6402010101900001" });
        Assert.Equal([kept], first["correlatedInstanceIds"]!.AsArray().Select(x => (string)x!));
        var stale = await _api.PublishAsync(new { name = "bkn-balas", correlationKey = "6402010101900002" });
        Assert.Empty(stale["correlatedInstanceIds"]!.AsArray()); // version 3 waits for another message
        var second = await _api.PublishAsync(new { name = "bkn-balas-2", correlationKey = "199002" });
        Assert.Equal([changed], second["correlatedInstanceIds"]!.AsArray().Select(x => (string)x!));
        Assert.Equal(["lanjut"], (await _api.InstanceAsync(changed))["activeElementIds"]!.AsArray().Select(x => (string)x!));
    }

    [Fact]
    public async Task A_call_activity_parent_keeps_its_child_and_a_child_migrated_on_its_own_still_completes_its_parent()
    {
        await _api.DeployAsync(Chain("mg_child", UserTask("anak")));
        await _api.DeployAsync(Chain("mg_parent", """<bpmn:callActivity id="panggil"><bpmn:extensionElements><zeebe:calledElement processId="mg_child"/></bpmn:extensionElements></bpmn:callActivity>"""));
        var parent = (string)(await _api.StartAsync("mg_parent"))["id"]!;
        var child = (string)(await _api.Http.GetFromJsonAsync<JsonObject>($"/api/instances?definitionKey=mg_child"))!["items"]![0]!["id"]!;
        await _api.DeployAsync(Chain("mg_parent", """<bpmn:callActivity id="panggil"><bpmn:extensionElements><zeebe:calledElement processId="mg_child"/></bpmn:extensionElements></bpmn:callActivity>""", UserTask("sesudah")));
        await _api.DeployAsync(Chain("mg_child", UserTask("anak_v2", "Tugas anak v2")));
        await _api.MigrateOkAsync(parent, 2);
        await _api.MigrateOkAsync(child, 2, Map("anak", "anak_v2"));

        var task = (await _api.OpenTasksAsync(child)).Single()!;
        Assert.Equal("anak_v2", (string?)task["elementId"]);
        (await _api.CompleteAsync((string)task["id"]!)).EnsureSuccessStatusCode();
        await _api.WaitForStatusAsync(child, "completed");
        await _api.WaitForActiveAsync(parent, "sesudah"); // the parent goes on by version 2
    }

    [Fact]
    public async Task A_multi_instance_body_moves_with_its_inner_tasks()
    {
        string Version(string id, string after) => Chain("mg_mi", $"""
            <bpmn:userTask id="{id}" name="Setujui"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=penyetuju" inputElement="p"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:userTask/><zeebe:assignmentDefinition candidateGroups="verifier"/></bpmn:extensionElements></bpmn:userTask>
            """, UserTask(after));
        await _api.DeployAsync(Version("setujui", "arsip"));
        var id = (string)(await _api.StartAsync("mg_mi", new { penyetuju = new[] { "a", "b" } }))["id"]!;
        await _api.DeployAsync(Version("tanda_tangan", "tutup"));
        await _api.MigrateOkAsync(id, 2, Map("setujui", "tanda_tangan"));
        var tasks = await _api.OpenTasksAsync(id);
        Assert.Equal(["tanda_tangan", "tanda_tangan"], tasks.Select(t => (string)t!["elementId"]!));
        foreach (var task in tasks)
            (await _api.CompleteAsync((string)task!["id"]!)).EnsureSuccessStatusCode();
        await _api.WaitForActiveAsync(id, "tutup");
    }

    [Fact]
    public async Task An_event_subprocess_the_target_adds_is_armed_and_ends_the_case()
    {
        const string work = "<bpmn:startEvent id=\"start\"/>\n<bpmn:userTask id=\"kerja\" name=\"Kerja\"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements></bpmn:userTask>\n<bpmn:endEvent id=\"end\"/>";
        await _api.DeployAsync(Process("mg_esp", string.Join("\n", work, Flow("f0", "start", "kerja"), Flow("f1", "kerja", "end"))));
        var id = (string)(await _api.StartAsync("mg_esp", new { nik = "6402010101900009" }))["id"]!;
        await _api.DeployAsync(Process("mg_esp", string.Join("\n", work, Flow("f0", "start", "kerja"), Flow("f1", "kerja", "end"),
            """<bpmn:subProcess id="batal" triggeredByEvent="true"><bpmn:startEvent id="batal_start"><bpmn:messageEventDefinition messageRef="mb"/></bpmn:startEvent><bpmn:endEvent id="batal_end"/><bpmn:sequenceFlow id="fb" sourceRef="batal_start" targetRef="batal_end"/></bpmn:subProcess>"""),
            Message("mb", "mg-batal", "=nik")));
        await _api.MigrateOkAsync(id, 2);
        var result = await _api.PublishAsync(new { name = "mg-batal", correlationKey = "6402010101900009" });
        Assert.Equal([id], result["correlatedInstanceIds"]!.AsArray().Select(x => (string)x!));
        await _api.WaitForStatusAsync(id, "completed");
        Assert.Empty(await _api.OpenTasksAsync(id)); // the interrupting event subprocess withdrew the task
    }

    [Fact]
    public async Task An_incident_is_carried_to_the_mapped_element_and_its_retry_works_there()
    {
        await _api.DeployAsync(Chain("mg_incident", ServiceTask("cek", "test.scripted", retries: 1)));
        var id = (string)(await _api.StartAsync("mg_incident", new { @case = "mg-incident", failTimes = 1 }))["id"]!;
        var incident = Assert.Single(await _api.WaitForIncidentsAsync(id))!;
        await _api.DeployAsync(Chain("mg_incident", ServiceTask("periksa", "test.scripted", retries: 1), UserTask("lanjut")));
        await _api.MigrateOkAsync(id, 2, Map("cek", "periksa"));

        var carried = Assert.Single(await _api.WaitForIncidentsAsync(id))!;
        Assert.Equal(((long)incident["id"]!, "periksa"), ((long)carried["id"]!, (string?)carried["elementId"]));
        (await _api.Http.PostAsync($"/api/incidents/{carried["id"]}/retry", null)).EnsureSuccessStatusCode();
        await _api.WaitForActiveAsync(id, "lanjut"); // the retried job ran and the case went on by version 2
    }
}
