using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>Issue 16: a compensation event subprocess undoes its completed subprocess as a whole, through the API on PostgreSQL.</summary>
public sealed class CompensationEventSubProcessTests(TestHost host) : IClassFixture<TestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    private static IEnumerable<string> Active(JsonObject instance) => instance["activeElementIds"]!.AsArray().Select(e => (string)e!).Order();

    private static string UndoEsp(string id) => $"""
        <bpmn:subProcess id="{id}" triggeredByEvent="true">
          <bpmn:startEvent id="{id}_s"><bpmn:compensateEventDefinition/></bpmn:startEvent>
          {UserTask($"{id}_tugas", "Batalkan pesanan")}
          <bpmn:endEvent id="{id}_e"/>
          {Flow($"{id}_f1", $"{id}_s", $"{id}_tugas")}{Flow($"{id}_f2", $"{id}_tugas", $"{id}_e")}
        </bpmn:subProcess>
        """;

    private async Task CompleteOpenTaskAsync(string instanceId, string elementId)
    {
        var task = (await _api.OpenTasksAsync(instanceId)).Single(t => (string?)t!["elementId"] == elementId)!;
        (await _api.CompleteAsync((string)task["id"]!)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_compensation_throw_runs_the_compensation_event_subprocess_of_the_completed_subprocess_and_waits_for_it()
    {
        await _api.DeployAsync(Process("kompensasi_esp", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>",
            $"""
            <bpmn:subProcess id="pesan">
              <bpmn:startEvent id="pesan_s"/>{UserTask("ruang", "Pesan ruang")}<bpmn:endEvent id="pesan_e"/>
              {Flow("p1", "pesan_s", "ruang")}{Flow("p2", "ruang", "pesan_e")}
              {UndoEsp("batal")}
            </bpmn:subProcess>
            """,
            """<bpmn:intermediateThrowEvent id="urungkan"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>""",
            UserTask("lapor", "Laporkan pembatalan"), "<bpmn:endEvent id=\"end\"/>",
            Flow("f0", "start", "pesan"), Flow("f1", "pesan", "urungkan"), Flow("f2", "urungkan", "lapor"), Flow("f3", "lapor", "end"))));
        var instance = await _api.StartAsync("kompensasi_esp");
        var id = (string)instance["id"]!;
        Assert.Equal(["pesan", "ruang"], Active(instance));
        await CompleteOpenTaskAsync(id, "ruang");
        Assert.Equal(["batal", "batal_tugas", "urungkan"], Active(await _api.InstanceAsync(id)));
        await CompleteOpenTaskAsync(id, "batal_tugas");
        Assert.Equal(["lapor"], Active(await _api.InstanceAsync(id)));
        var history = (await _api.HistoryAsync(id)).Select(h => (string?)h!["elementId"]).ToList();
        Assert.Single(history, e => e == "batal");
        Assert.Single(history, e => e == "urungkan");
    }

    [Fact]
    public async Task A_compensation_event_subprocess_at_process_level_is_refused_with_its_code()
    {
        var xml = Process("kompensasi_esp_salah", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", "<bpmn:endEvent id=\"end\"/>", Flow("f0", "start", "end"), UndoEsp("batal")));
        var response = await _api.Http.PostAsync("/api/definitions/validate", new StringContent(xml, System.Text.Encoding.UTF8, "application/xml"));
        var verdict = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False((bool)verdict["valid"]!);
        Assert.Contains(verdict["errors"]!.AsArray(), e => (string?)e!["elementId"] == "batal_s" && (string?)e["code"] == "compensation-start-placement");
    }
}
