using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>Issue 16, "flow": the multi-instance fix, the inclusive gateway, link events, message throw/end events and compensation through the API on PostgreSQL.</summary>
public sealed class FlowElementTests(TestHost host) : IClassFixture<TestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    private static IEnumerable<string> Active(JsonObject instance) => instance["activeElementIds"]!.AsArray().Select(e => (string)e!).Order();

    [Fact]
    public async Task A_parallel_multi_instance_script_task_runs_every_item_and_collects_every_result()
    {
        await _api.DeployAsync(Chain("mi_script",
            """
            <bpmn:scriptTask id="hitung" name="Hitung"><bpmn:extensionElements><zeebe:script expression="=item * 10" resultVariable="r"/></bpmn:extensionElements>
              <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" inputElement="item" outputCollection="results" outputElement="=r"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
            </bpmn:scriptTask>
            """));
        var instance = await _api.StartAsync("mi_script", new { items = new[] { 1, 2, 3 } });
        Assert.Equal("completed", (string?)instance["status"]);
        Assert.Equal("[10,20,30]", instance["variables"]!["results"]!.ToJsonString());
        var history = await _api.HistoryAsync((string)instance["id"]!);
        Assert.Equal(3, history.Count(h => (string?)h!["elementId"] == "hitung" && (string?)h["elementType"] == "scriptTask" && !(bool)h["terminated"]!));
    }

    private static string Documents(string key, string? defaultFlow = "f_skck") => Process(key, string.Join("\n",
        "<bpmn:startEvent id=\"start\"/>", $"<bpmn:inclusiveGateway id=\"berkas\"{(defaultFlow is null ? "" : $" default=\"{defaultFlow}\"")}/>",
        UserTask("ktp", "Periksa KTP"), UserTask("ijazah", "Periksa ijazah"), UserTask("skck", "Periksa SKCK"),
        "<bpmn:inclusiveGateway id=\"gabung\"/>", UserTask("arsip", "Arsipkan"), "<bpmn:endEvent id=\"end\"/>",
        Flow("f0", "start", "berkas"), Flow("f_ktp", "berkas", "ktp", "=perluKtp"), Flow("f_ijazah", "berkas", "ijazah", "=perluIjazah"),
        defaultFlow is null ? Flow("f_skck", "berkas", "skck", "=perluSkck") : Flow("f_skck", "berkas", "skck"),
        Flow("f1", "ktp", "gabung"), Flow("f2", "ijazah", "gabung"), Flow("f3", "skck", "gabung"), Flow("f4", "gabung", "arsip"), Flow("f5", "arsip", "end")));

    private async Task CompleteOpenTaskAsync(string instanceId, string elementId)
    {
        var task = (await _api.OpenTasksAsync(instanceId)).Single(t => (string?)t!["elementId"] == elementId)!;
        (await _api.CompleteAsync((string)task["id"]!)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task An_inclusive_gateway_forks_on_every_true_condition_and_joins_only_what_was_taken()
    {
        await _api.DeployAsync(Documents("berkas_or"));
        var instance = await _api.StartAsync("berkas_or", new { perluKtp = true, perluIjazah = true });
        var id = (string)instance["id"]!;
        Assert.Equal(["ijazah", "ktp"], Active(instance));

        await CompleteOpenTaskAsync(id, "ktp");
        Assert.Equal(["ijazah"], Active(await _api.InstanceAsync(id)));
        await CompleteOpenTaskAsync(id, "ijazah");
        Assert.Equal(["arsip"], Active(await _api.InstanceAsync(id)));
        var history = await _api.HistoryAsync(id);
        Assert.Single(history, h => (string?)h!["elementId"] == "gabung");
        Assert.DoesNotContain(history, h => (string?)h!["elementId"] == "skck");

        var fallback = await _api.StartAsync("berkas_or", new { perluKtp = false, perluIjazah = false });
        Assert.Equal(["skck"], Active(fallback));
        await CompleteOpenTaskAsync((string)fallback["id"]!, "skck");
        Assert.Equal(["arsip"], Active(await _api.InstanceAsync((string)fallback["id"]!)));
    }

    [Fact]
    public async Task An_inclusive_gateway_with_no_true_condition_and_no_default_is_an_incident_with_its_code()
    {
        await _api.DeployAsync(Documents("berkas_none", defaultFlow: null));
        var instance = await _api.StartAsync("berkas_none", new { perluKtp = false, perluIjazah = false, perluSkck = false });
        var incident = Assert.Single(await _api.WaitForIncidentsAsync((string)instance["id"]!))!;
        Assert.Equal("berkas", (string?)incident["elementId"]);
        Assert.Equal("no-condition-true", (string?)incident["code"]);
    }

    [Fact]
    public async Task Validation_accepts_an_inclusive_gateway_and_names_a_flow_without_a_condition()
    {
        var verdict = await ValidateAsync(Documents("berkas_ok"));
        Assert.True((bool)verdict["valid"]!, verdict.ToJsonString());

        var missing = Documents("berkas_missing").Replace("""<bpmn:inclusiveGateway id="berkas" default="f_skck"/>""", """<bpmn:inclusiveGateway id="berkas"/>""");
        verdict = await ValidateAsync(missing);
        Assert.False((bool)verdict["valid"]!);
        Assert.Contains(verdict["errors"]!.AsArray(), e => (string?)e!["elementId"] == "f_skck" && (string?)e["code"] == "inclusive-missing-condition");
    }

    [Fact]
    public async Task A_link_throw_continues_at_its_catch_and_the_history_shows_both()
    {
        await _api.DeployAsync(Process("link_jump", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", UserTask("isi", "Isi berkas"),
            """<bpmn:intermediateThrowEvent id="ke_verifikasi"><bpmn:linkEventDefinition id="l1" name="verifikasi"/></bpmn:intermediateThrowEvent>""",
            """<bpmn:intermediateCatchEvent id="dari_isi"><bpmn:linkEventDefinition id="l2" name="verifikasi"/></bpmn:intermediateCatchEvent>""",
            UserTask("verifikasi", "Verifikasi"), "<bpmn:endEvent id=\"end\"/>",
            Flow("f0", "start", "isi"), Flow("f1", "isi", "ke_verifikasi"), Flow("f2", "dari_isi", "verifikasi"), Flow("f3", "verifikasi", "end"))));
        var instance = await _api.StartAsync("link_jump");
        var id = (string)instance["id"]!;
        await CompleteOpenTaskAsync(id, "isi");
        Assert.Equal(["verifikasi"], Active(await _api.InstanceAsync(id)));
        var history = (await _api.HistoryAsync(id)).Select(h => (string?)h!["elementId"]).ToList();
        Assert.Contains("ke_verifikasi", history);
        Assert.Contains("dari_isi", history);

        var broken = await ValidateAsync(Process("link_broken", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", """<bpmn:intermediateThrowEvent id="lompat"><bpmn:linkEventDefinition id="l1" name="tidak_ada"/></bpmn:intermediateThrowEvent>""",
            Flow("f0", "start", "lompat"))));
        Assert.Contains(broken["errors"]!.AsArray(), e => (string?)e!["elementId"] == "lompat" && (string?)e["code"] == "link-without-catch");
    }

    [Fact]
    public async Task A_message_throw_event_reaches_the_waiting_instance_and_a_message_end_event_starts_a_process()
    {
        const string messages = """
            <bpmn:message id="m_hasil" name="hasil-verifikasi"><bpmn:extensionElements><zeebe:subscription correlationKey="=nik"/></bpmn:extensionElements></bpmn:message>
            <bpmn:message id="m_arsip" name="arsip-berkas"/>
            """;
        await _api.DeployAsync(Process("tunggu_hasil", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", MessageCatch("tunggu", "m_hasil"), UserTask("tindak", "Tindak lanjut"), "<bpmn:endEvent id=\"end\"/>",
            Flow("f0", "start", "tunggu"), Flow("f1", "tunggu", "tindak"), Flow("f2", "tindak", "end")), messages));
        await _api.DeployAsync(Process("arsip_mulai", string.Join("\n",
            """<bpmn:startEvent id="mulai"><bpmn:messageEventDefinition messageRef="m_arsip"/></bpmn:startEvent>""", UserTask("arsipkan", "Arsipkan"), "<bpmn:endEvent id=\"end\"/>",
            Flow("f0", "mulai", "arsipkan"), Flow("f1", "arsipkan", "end")), messages));
        await _api.DeployAsync(Process("kirim_hasil", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>",
            """<bpmn:intermediateThrowEvent id="kabari"><bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=hasil" target="keputusan"/></zeebe:ioMapping></bpmn:extensionElements><bpmn:messageEventDefinition messageRef="m_hasil"/></bpmn:intermediateThrowEvent>""",
            """<bpmn:endEvent id="arsip"><bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=nik" target="nikPelamar"/></zeebe:ioMapping></bpmn:extensionElements><bpmn:messageEventDefinition messageRef="m_arsip"/></bpmn:endEvent>""",
            Flow("f0", "start", "kabari"), Flow("f1", "kabari", "arsip")), messages));

        var waiting = await _api.StartAsync("tunggu_hasil", new { nik = "3201010101900001" });
        var other = await _api.StartAsync("tunggu_hasil", new { nik = "3201010101900002" });
        var sender = await _api.StartAsync("kirim_hasil", new { nik = "3201010101900001", hasil = "MS" });
        Assert.Equal("completed", (string?)sender["status"]);

        var moved = await _api.WaitForActiveAsync((string)waiting["id"]!, "tindak");
        Assert.Equal("MS", (string?)moved["variables"]!["keputusan"]);
        Assert.Equal(["tunggu"], Active(await _api.InstanceAsync((string)other["id"]!)));
        var started = (await _api.Http.GetFromJsonAsync<JsonObject>("/api/instances?definitionKey=arsip_mulai"))!["items"]!.AsArray();
        Assert.Equal("3201010101900001", (string?)Assert.Single(started)!["variables"]!["nikPelamar"]);
    }

    [Fact]
    public async Task A_compensation_throw_runs_the_handler_of_the_completed_task_and_waits_for_it()
    {
        await _api.DeployAsync(Process("kompensasi", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", UserTask("jadwal", "Jadwalkan tes"), UserTask("ruang", "Pesan ruang"),
            """<bpmn:boundaryEvent id="batal_ruang_b" attachedToRef="ruang"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>""",
            UserTask("batal_ruang", "Batalkan pesanan ruang").Replace("<bpmn:userTask id=\"batal_ruang\"", "<bpmn:userTask id=\"batal_ruang\" isForCompensation=\"true\""),
            """<bpmn:association id="as1" associationDirection="One" sourceRef="batal_ruang_b" targetRef="batal_ruang"/>""",
            """<bpmn:intermediateThrowEvent id="urungkan"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>""",
            UserTask("lapor", "Laporkan pembatalan"), "<bpmn:endEvent id=\"end\"/>",
            Flow("f0", "start", "jadwal"), Flow("f1", "jadwal", "ruang"), Flow("f2", "ruang", "urungkan"), Flow("f3", "urungkan", "lapor"), Flow("f4", "lapor", "end"))));
        var instance = await _api.StartAsync("kompensasi");
        var id = (string)instance["id"]!;
        await CompleteOpenTaskAsync(id, "jadwal");
        await CompleteOpenTaskAsync(id, "ruang");
        Assert.Equal(["batal_ruang", "urungkan"], Active(await _api.InstanceAsync(id)));
        await CompleteOpenTaskAsync(id, "batal_ruang");
        Assert.Equal(["lapor"], Active(await _api.InstanceAsync(id)));
        var history = (await _api.HistoryAsync(id)).Select(h => (string?)h!["elementId"]).ToList();
        Assert.Single(history, e => e == "batal_ruang");
        Assert.Single(history, e => e == "urungkan");
    }

    private async Task<JsonObject> ValidateAsync(string xml)
    {
        var response = await _api.Http.PostAsync("/api/definitions/validate", new StringContent(xml, System.Text.Encoding.UTF8, "application/xml"));
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
