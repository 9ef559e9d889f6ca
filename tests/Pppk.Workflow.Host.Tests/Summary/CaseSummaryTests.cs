using System.Net;
using System.Net.Http.Json;
using System.Security;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.Summary;

/// <summary>
/// Issue 18: the case summary a process declares, on the task answer and <c>GET /api/instances/{id}/summary</c>: written in
/// Indonesian, empty values in words, a failing line shown as such; people other than hr-admin get only the form's variables.
/// </summary>
public sealed class CaseSummaryTests(TestHost host) : IClassFixture<TestHost>
{
    private const string Password = "Ringkasan-Kasus-2026!";
    private readonly WorkflowApiClient _api = new(host.Client());

    private static readonly (string, string)[] Lines =
    [
        ("summary.1", "Pegawai | text | =employeeName"),
        ("summary.2", "Biaya perpanjangan | rupiah | =renewalCost | belum dihitung"),
        ("summary.3", "Akhir kontrak | date | =contractEnd"),
        ("summary.4", "Diperiksa | datetime | =checkedAt"),
        ("summary.5", "Masih dibutuhkan | yesno | =stillNeeded"),
        ("summary.6", "Pegawai di unit | number | =staff"),
        ("summary.7", "Belanja pegawai | percent | =ratio"),
        ("summary.8", "Penilaian kinerja | table[Tahun=year; Periode=period; Predikat=predicate] | =history | belum ada penilaian"),
        ("summary.9", "Rekomendasi | text | =recommendation"),
        ("summary.10", "Rusak | rupiah | =employeeName"),
        ("summary.11", "Penilaian lama | table[Tahun=year] | =[] | belum ada penilaian"),
    ];

    /// <summary>A process whose one task shows an embedded form that reads employeeName and stillNeeded.</summary>
    private static string Process(string key, params (string, string)[] lines)
    {
        const string form = """{"id":"f","type":"default","components":[{"type":"text","text":"Pegawai {{employeeName}}"},{"type":"checkbox","key":"stillNeeded","label":"Dibutuhkan"}]}""";
        var xml = WithProperties(Chain(key, UserTask("periksa", "Periksa", candidateGroups: "verifier",
            extra: """<zeebe:formDefinition formKey="camunda-forms:bpmn:f"/>""")), lines);
        return xml.Replace("</zeebe:properties>", $"</zeebe:properties><zeebe:userTaskForm id=\"f\">{SecurityElement.Escape(form)}</zeebe:userTaskForm>");
    }

    private static readonly object Variables = new
    {
        employeeName = "Rina Baik", renewalCost = 41317920, contractEnd = "2025-06-02", checkedAt = "2025-06-02T06:30:00Z", stillNeeded = true,
        staff = 1712, ratio = 27.4, history = new[] { new { year = 2024, period = "Tahunan", predicate = "Baik" } }, recommendation = (string?)null,
        contractId = 42, employeeEmail = "rina@contoh.id",
    };

    private async Task<HttpClient> PersonAsync(string userName, string role)
    {
        (await _api.Http.PostAsJsonAsync("/api/users", new { userName, password = Password, roles = new[] { role } })).EnsureSuccessStatusCode();
        return await host.SignedInClientAsync(userName, Password);
    }

    private static Dictionary<string, JsonObject> ByLabel(JsonNode? summary) =>
        summary!.AsArray().ToDictionary(l => (string)l!["label"]!, l => l!.AsObject());

    [Fact]
    public async Task A_task_shows_the_summary_in_Indonesian_and_a_verifier_only_the_variables_the_form_reads()
    {
        await _api.DeployAsync(Process("ringkasan_tugas", Lines));
        var instance = await _api.StartAsync("ringkasan_tugas", Variables);
        var taskId = (string)(await _api.OpenTasksAsync((string)instance["id"]!))[0]!["id"]!;
        using var verifier = await PersonAsync("ringkasan_verif", "verifier");

        var answer = (await verifier.GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}"))!;
        var lines = ByLabel(answer["summary"]);
        Assert.Equal(Lines.Length, lines.Count);
        Assert.Equal("Rina Baik", (string?)lines["Pegawai"]["value"]);
        Assert.Equal(("Rp 41.317.920", "rupiah"), ((string?)lines["Biaya perpanjangan"]["value"], (string?)lines["Biaya perpanjangan"]["kind"]));
        Assert.Equal("2 Juni 2025", (string?)lines["Akhir kontrak"]["value"]);
        Assert.Equal("2 Juni 2025 14.30 WITA", (string?)lines["Diperiksa"]["value"]);
        Assert.Equal("Ya", (string?)lines["Masih dibutuhkan"]["value"]);
        Assert.Equal("1.712", (string?)lines["Pegawai di unit"]["value"]);
        Assert.Equal("27,4%", (string?)lines["Belanja pegawai"]["value"]);
        var table = lines["Penilaian kinerja"];
        Assert.Equal("table", (string?)table["kind"]);
        Assert.Equal(["Tahun", "Periode", "Predikat"], table["columns"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(["2024", "Tahunan", "Baik"], table["rows"]![0]!.AsArray().Select(c => (string)c!));
        // Empty values in words, never "" or ".": the declared text, or the default.
        Assert.Equal(("belum ada penilaian", "empty"), ((string?)lines["Penilaian lama"]["value"], (string?)lines["Penilaian lama"]["kind"]));
        Assert.Equal(("tidak ada", "empty"), ((string?)lines["Rekomendasi"]["value"], (string?)lines["Rekomendasi"]["kind"]));
        // A line that fails says so; the rest is shown.
        Assert.Equal(("tidak dapat ditampilkan", "error"), ((string?)lines["Rusak"]["value"], (string?)lines["Rusak"]["kind"]));

        // The verifier gets only what the form reads; hr-admin everything.
        Assert.Equal(["employeeName", "stillNeeded"], answer["variables"]!.AsObject().Select(v => v.Key).Order());
        var admin = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}"))!;
        Assert.Equal(41317920, (int)admin["variables"]!["renewalCost"]!);
        Assert.Equal("rina@contoh.id", (string?)admin["variables"]!["employeeEmail"]);
    }

    [Fact]
    public async Task The_instance_summary_is_that_of_the_instances_version_and_hidden_from_who_may_not_see_the_case()
    {
        await _api.DeployAsync(Process("ringkasan_versi", ("summary.1", "Biaya | rupiah | =renewalCost")));
        var instance = await _api.StartAsync("ringkasan_versi", Variables);
        await _api.DeployAsync(Process("ringkasan_versi", ("summary.1", "Biaya baru | rupiah | =renewalCost")));

        var summary = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{instance["id"]}/summary"))!["items"]!.AsArray();
        Assert.Equal(("Biaya", "Rp 41.317.920"), ((string?)summary.Single()!["label"], (string?)summary.Single()!["value"]));

        using var employee = await PersonAsync("ringkasan_pegawai", "employee");
        Assert.Equal(HttpStatusCode.NotFound, (await employee.GetAsync($"/api/instances/{instance["id"]}/summary")).StatusCode);
    }
}
