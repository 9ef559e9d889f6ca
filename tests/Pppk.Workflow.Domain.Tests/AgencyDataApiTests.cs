using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Pppk.Workflow.Domain.Tests;

/// <summary>
/// The single-record calls of the agency's data (a unit budget, the region's fiscal setting, rounds):
/// who may write them, and every bad value answered as a 400 under its field with a code.
/// </summary>
public sealed class AgencyDataApiTests(DomainTestHost host) : IClassFixture<DomainTestHost>
{
    private readonly HttpClient _admin = host.Client();

    private async Task<HttpClient> FinanceAsync()
    {
        var created = await _admin.PostAsJsonAsync("/api/users", new { userName = "bpkad_api", email = "bpkad_api@kukarkab.go.id", fullName = "BPKAD", password = "Rahasia-2026!", roles = new[] { "finance" } });
        Assert.True(created.IsSuccessStatusCode || (await created.Content.ReadAsStringAsync()).Contains("already"), await created.Content.ReadAsStringAsync());
        return await host.SignedInClientAsync("bpkad_api", "Rahasia-2026!");
    }

    private async Task UnitAsync(string code) =>
        Assert.True((await _admin.PostAsync("/api/imports/formations", new StringContent(
            $"kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\nF-{code},Perawat,{code},Unit {code},nakes,1,2024,1\n", Encoding.UTF8, "text/csv"))).IsSuccessStatusCode);

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static void HasField(JsonObject problem, string field) =>
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), $"expected a problem for {field}: {problem.ToJsonString()}");

    [Fact]
    public async Task A_unit_budget_is_typed_in_by_finance_or_hr_admin_and_checked_field_by_field()
    {
        await UnitAsync("UAPI");
        var finance = await FinanceAsync();

        var bad = await ProblemAsync(await finance.PutAsJsonAsync("/api/budgets/NOPE/1999", new { personnelCeiling = 12.5m, committed = -1m }));
        HasField(bad, "unitCode");
        HasField(bad, "fiscalYear");
        HasField(bad, "personnelCeiling");
        HasField(bad, "committed");
        Assert.Equal("unit-unknown", (string?)bad["code"]);
        var missing = await ProblemAsync(await finance.PutAsJsonAsync("/api/budgets/UAPI/2030", new { committed = 5m }));
        Assert.Equal(("value-required", "personnelCeiling"), ((string?)missing["code"], (string?)missing["field"]));

        using (var indonesian = new HttpRequestMessage(HttpMethod.Put, "/api/budgets/UAPI/2030") { Content = JsonContent.Create(new { personnelCeiling = -3m }) })
        {
            indonesian.Headers.AcceptLanguage.ParseAdd("id");
            var problem = await ProblemAsync(await finance.SendAsync(indonesian));
            Assert.Equal("'-3' bukan jumlah rupiah bulat (angka, boleh dengan titik pemisah ribuan).", (string?)problem["title"]);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(DomainTestHost.VerifierKey).PutAsJsonAsync("/api/budgets/UAPI/2030", new { personnelCeiling = 1m })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(DomainTestHost.EmployeeKey).PutAsJsonAsync("/api/budgets/UAPI/2030", new { personnelCeiling = 1m })).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await finance.PutAsJsonAsync("/api/budgets/UAPI/2030", new { personnelCeiling = 2_000_000_000m, committed = 500_000_000m })).StatusCode);
        // Without committed, what is committed stays; hr-admin may type it too.
        var updated = await _admin.PutAsJsonAsync("/api/budgets/UAPI/2030", new { personnelCeiling = 2_500_000_000m });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var listed = (await _admin.GetFromJsonAsync<JsonObject>("/api/budgets?fiscalYear=2030&unitCode=UAPI"))!["items"]![0]!;
        Assert.Equal((2_500_000_000m, 500_000_000m, 2_000_000_000m), ((decimal)listed["personnelCeiling"]!, (decimal)listed["committed"]!, (decimal)listed["remaining"]!));
    }

    [Fact]
    public async Task The_regional_fiscal_setting_is_typed_in_and_read_by_staff()
    {
        var finance = await FinanceAsync();
        var bad = await ProblemAsync(await finance.PutAsJsonAsync("/api/fiscal-settings/2030", new { budgetTotal = 1_000m, personnelSpending = 2_000m, capPercent = 130m }));
        HasField(bad, "personnelSpending");
        HasField(bad, "capPercent");
        var missing = await ProblemAsync(await finance.PutAsJsonAsync("/api/fiscal-settings/2030", new { personnelSpending = 2_000m }));
        Assert.Equal(("value-required", "budgetTotal"), ((string?)missing["code"], (string?)missing["field"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(DomainTestHost.VerifierKey).PutAsJsonAsync("/api/fiscal-settings/2030", new { budgetTotal = 1m, personnelSpending = 0m })).StatusCode);

        var created = await finance.PutAsJsonAsync("/api/fiscal-settings/2030", new { budgetTotal = 5_000_000_000_000m, personnelSpending = 1_600_000_000_000m });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var read = (await host.Client(DomainTestHost.VerifierKey).GetFromJsonAsync<JsonObject>("/api/fiscal-settings/2030"))!;
        Assert.Equal((30m, 32m, true), ((decimal)read["capPercent"]!, (decimal)read["ratioPercent"]!, (bool)read["overCap"]!));
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(DomainTestHost.EmployeeKey).GetAsync("/api/fiscal-settings/2030")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/fiscal-settings/2099")).StatusCode);
        Assert.Equal(2030, (int)(await _admin.GetFromJsonAsync<JsonObject>("/api/budgets?fiscalYear=2030"))!["regional"]!["fiscalYear"]!);
    }

    [Fact]
    public async Task Rounds_are_written_by_hr_admin_checked_and_kept_while_formations_use_them_and_thresholds_are_sent_to_the_decision_table()
    {
        var bad = await ProblemAsync(await _admin.PutAsJsonAsync("/api/rounds/2030/1", new { appealStart = "2030-03-10", appealEnd = "2030-03-01" }));
        HasField(bad, "appealEnd");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await FinanceAsync()).PutAsJsonAsync("/api/rounds/2030/1", new { })).StatusCode);

        // Thresholds are the ambang-batas-seleksi table's: a body still carrying them is refused, saying where they live, and nothing is written.
        var thresholds = new object[] { new { positionType = "guru", enabled = true, minManagerialSocioCultural = 117, minInterview = 24 } };
        var moved = await ProblemAsync(await _admin.PutAsJsonAsync("/api/rounds/2030/1", new { name = "Seleksi PPPK 2030", thresholds }));
        Assert.Equal(("thresholds-moved", "thresholds"), ((string?)moved["code"], (string?)moved["field"]));
        Assert.Contains("decision table 'Ambang batas seleksi'", (string?)moved["title"]);
        using (var indonesian = new HttpRequestMessage(HttpMethod.Put, "/api/rounds/2030/1") { Content = JsonContent.Create(new { thresholds = Array.Empty<object>() }) })
        {
            indonesian.Headers.AcceptLanguage.ParseAdd("id");
            var problem = await ProblemAsync(await _admin.SendAsync(indonesian));
            Assert.Equal("Ambang batas kini diatur di tabel keputusan 'Ambang batas seleksi' (menu Keputusan).", (string?)problem["title"]);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/rounds/2030/1")).StatusCode);

        var created = await _admin.PutAsJsonAsync("/api/rounds/2030/1", new { name = "Seleksi PPPK 2030", registrationStart = "2030-02-01", registrationEnd = "2030-02-20" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var round = (await host.Client(DomainTestHost.VerifierKey).GetFromJsonAsync<JsonObject>("/api/rounds/2030/1"))!;
        Assert.Equal("2030-02-20", (string?)round["registrationEnd"]);
        Assert.False(round.ContainsKey("thresholds"), round.ToJsonString());

        // A formation of the round keeps it; an unused round can be deleted.
        Assert.True((await _admin.PostAsync("/api/imports/formations", new StringContent(
            "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\nF-R2030,Guru,UR,Unit R,guru,1,2030,1\n", Encoding.UTF8, "text/csv"))).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _admin.DeleteAsync("/api/rounds/2030/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _admin.PutAsJsonAsync("/api/rounds/2031/2", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync("/api/rounds/2031/2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/rounds/2031/2")).StatusCode);
    }

    [Fact]
    public async Task Finance_imports_the_fiscal_kinds_only()
    {
        var finance = await FinanceAsync();
        var kinds = (await finance.GetFromJsonAsync<JsonArray>("/api/imports"))!.Select(k => (string)k!["kind"]!);
        Assert.Equal(["fiscal-settings", "budgets"], kinds);
        Assert.Equal(HttpStatusCode.OK, (await finance.GetAsync("/api/imports/budgets/template")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync("/api/imports/formations/template")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.PostAsync("/api/imports/formations", new StringContent("kode_formasi\nX\n", Encoding.UTF8, "text/csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(DomainTestHost.VerifierKey).PostAsync("/api/imports/budgets", new StringContent("x\n1\n", Encoding.UTF8, "text/csv"))).StatusCode);
        var ok = await finance.PostAsync("/api/imports/fiscal-settings", new StringContent("tahun_anggaran,apbd,belanja_pegawai,batas_persen\n2040,1.000,100,\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}
