using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>Incident messages in the language the client asks for: English by default, Indonesian for Accept-Language: id.</summary>
public sealed class IncidentTests(TestHost host) : IClassFixture<TestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    private async Task<JsonObject> OnlyIncidentAsync(string instanceId, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/incidents?instanceId={instanceId}");
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await _api.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return Assert.Single((await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray())!.AsObject();
    }

    private async Task<string> StuckGatewayAsync(string key)
    {
        await _api.DeployAsync(Process(key, string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", "<bpmn:exclusiveGateway id=\"gw\"/>", UserTask("perpanjang"), UserTask("akhiri"),
            Flow("f0", "start", "gw"), Flow("f1", "gw", "perpanjang", "=predikat = \"Baik\""), Flow("f2", "gw", "akhiri", "=predikat = \"Kurang\""))));
        var instance = await _api.StartAsync(key, new { predikat = "Butuh Perbaikan" });
        Assert.True((bool)instance["incident"]!);
        return (string)instance["id"]!;
    }

    [Fact]
    public async Task An_incident_message_is_English_without_Accept_Language_and_Indonesian_with_id()
    {
        var id = await StuckGatewayAsync("insiden_bahasa");

        var english = await OnlyIncidentAsync(id, null);
        Assert.Equal("gw", (string?)english["elementId"]);
        Assert.Equal("no-condition-true", (string?)english["code"]);
        Assert.Equal("No condition of the outgoing flows of 'gw' is true and it has no default flow; set the variables the conditions read and retry, or add a default flow.",
            (string?)english["message"]);

        var indonesian = await OnlyIncidentAsync(id, "id");
        Assert.Equal((long)english["id"]!, (long)indonesian["id"]!);
        Assert.Equal("no-condition-true", (string?)indonesian["code"]);
        Assert.Equal("Tidak ada kondisi pada alur keluar dari 'gw' yang bernilai benar dan tidak ada alur bawaan; isi variabel yang dibaca kondisi tersebut lalu coba lagi, atau tambahkan alur bawaan.",
            (string?)indonesian["message"]);
        Assert.Equal((string?)indonesian["message"], (string?)(await OnlyIncidentAsync(id, "id-ID,id;q=0.9,en;q=0.8"))["message"]);
        Assert.Equal((string?)english["message"], (string?)(await OnlyIncidentAsync(id, "en-US"))["message"]);
    }

    [Fact]
    public async Task An_incident_stored_before_incidents_kept_Indonesian_answers_in_English_for_Accept_Language_id()
    {
        var id = await StuckGatewayAsync("insiden_lama");
        await using (var db = NpgsqlDataSource.Create(host.ConnectionString))
        await using (var cmd = db.CreateCommand("UPDATE pppk.incidents SET code = NULL, message_indonesian = NULL WHERE instance_id = @id"))
        {
            cmd.Parameters.AddWithValue("id", Guid.Parse(id));
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        }

        var incident = await OnlyIncidentAsync(id, "id");
        Assert.StartsWith("No condition of the outgoing flows of 'gw' is true", (string?)incident["message"]);
        Assert.Null(incident["code"]);
    }

    [Fact]
    public async Task The_runtimes_own_reason_inside_an_incident_is_Indonesian_too()
    {
        await _api.DeployAsync(Chain("insiden_panggil",
            """<bpmn:callActivity id="panggil"><bpmn:extensionElements><zeebe:calledElement processId="sk_terbit"/></bpmn:extensionElements></bpmn:callActivity>"""));
        var id = (string)(await _api.StartAsync("insiden_panggil"))["id"]!;

        Assert.Equal("The process called by 'panggil' could not be started: no process with key 'sk_terbit' is deployed. Deploy it (or fix the processId) and retry.",
            (string?)(await OnlyIncidentAsync(id, null))["message"]);
        var indonesian = await OnlyIncidentAsync(id, "id");
        Assert.Equal("called-process-not-started", (string?)indonesian["code"]);
        Assert.Equal("Proses yang dipanggil oleh 'panggil' tidak dapat dimulai: belum ada proses dengan kunci 'sk_terbit' yang diterapkan. Terapkan proses itu (atau perbaiki ID prosesnya) lalu coba lagi.",
            (string?)indonesian["message"]);
    }
}
