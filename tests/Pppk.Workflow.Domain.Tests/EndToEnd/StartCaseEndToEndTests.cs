using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Pppk.Workflow.Domain.Tests.EndToEnd;

/// <summary>
/// Issue 18, starting by hand: the contract monitor started by hand first counts the renewals it would start (the
/// handler's own query), then starts them as a batch operation; one evaluation is started for one employee with its start form's answers.
/// </summary>
public sealed class StartCaseEndToEndTests(PppkEndToEndHost host) : IClassFixture<PppkEndToEndHost>
{
    private readonly Scenario _s = new(host);

    private static readonly SemaphoreSlim s_setup = new(1, 1);
    private static bool s_ready;

    /// <summary>Three contracts of DISBUN end within the lead time (6 months), one in two years.</summary>
    private async Task EmployeesAsync()
    {
        await s_setup.WaitAsync();
        try
        {
            if (s_ready) return;
            await _s.ImportAsync("formations", "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\nF-SC,Penyuluh,DISBUN,Dinas Perkebunan,teknis,1,2024,1\n");
            var soon = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3);
            var later = soon.AddYears(2);
            string Row(int i, DateOnly end) =>
                $"19900101202421{i:D4},64020122229000{i:D2},Pegawai Mulai {i},mulai{i}@contoh.id,DISBUN,Penyuluh,IX,2,,{end.AddYears(-1):yyyy-MM-dd},{end:yyyy-MM-dd},800/{i}/2024,{end.AddYears(-1):yyyy-MM-dd},\n";
            await _s.ImportAsync("employees", "ni_pppk,nik,nama,email,kode_unit,jabatan,golongan,masa_kerja,penilai,tmt,akhir_kontrak,nomor_sk,tanggal_sk,tanggal_spmt\n" +
                Row(1, soon) + Row(2, soon) + Row(3, soon) + Row(4, later));
            s_ready = true;
        }
        finally
        {
            s_setup.Release();
        }
    }

    private async Task<int> RenewalsRunningAsync() =>
        (int)(await _s.Admin.GetFromJsonAsync<JsonObject>("/api/instances?definitionKey=perpanjangan-kontrak&status=active&pageSize=1"))!["total"]!;

    [Fact]
    public async Task The_contract_monitor_started_by_hand_shows_the_count_then_starts_the_renewals_as_an_operation()
    {
        await EmployeesAsync();
        var preview = (await _s.Admin.PostAsJsonAsync("/api/start-many/renewals?dryRun=true", new { }));
        var counted = (await preview.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal((3, 0, "perpanjangan-kontrak"), ((int)counted["total"]!, (int)counted["alreadyRunning"]!, (string?)counted["definitionKey"]));
        Assert.Contains("Pegawai Mulai 1", counted["examples"]!.AsArray().Select(e => (string?)e));
        Assert.Equal("perpanjangan kontrak", (string?)counted["label"]);
        Assert.Equal(0, await RenewalsRunningAsync()); // a preview starts nothing

        // Only hr-admin may start many.
        var verifier = await _s.PersonAsync("verifikator_sc", "verifier");
        Assert.Equal(HttpStatusCode.Forbidden, (await verifier.PostAsJsonAsync("/api/start-many/renewals?dryRun=true", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _s.Admin.PostAsJsonAsync("/api/start-many/pensiun?dryRun=true", new { })).StatusCode);

        var response = await _s.Admin.PostAsJsonAsync("/api/start-many/renewals", new { });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["operationId"];
        JsonObject operation;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(200);
            operation = (await _s.Admin.GetFromJsonAsync<JsonObject>($"/api/operations/{id}"))!;
        } while ((string?)operation["state"] == "running" && DateTime.UtcNow < deadline);
        Assert.Equal(("completed", "start-renewals", 3, 3), ((string?)operation["state"], (string?)operation["type"], (int)operation["total"]!, (int)operation["done"]!));
        Assert.Equal(3, await RenewalsRunningAsync());

        // Started again: the running renewals are not started twice.
        var again = (await (await _s.Admin.PostAsJsonAsync("/api/start-many/renewals?dryRun=true", new { })).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((0, 3), ((int)again["total"]!, (int)again["alreadyRunning"]!));
    }

    [Fact]
    public async Task The_evaluation_cycle_started_by_hand_counts_every_employee_with_an_active_contract_for_the_period()
    {
        await EmployeesAsync();
        var response = await _s.Admin.PostAsJsonAsync("/api/start-many/evaluations?dryRun=true", new { year = 2026, period = "Q3" });
        var counted = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((HttpStatusCode.OK, "evaluasi-kinerja", "evaluasi kinerja triwulan III 2026"),
            (response.StatusCode, (string?)counted["definitionKey"], (string?)counted["label"]));
        Assert.Equal(4, (int)counted["total"]! + (int)counted["alreadyRunning"]!);
        var bad = await _s.Admin.PostAsJsonAsync("/api/start-many/evaluations?dryRun=true", new { year = 2026, period = "Q5" });
        Assert.Equal((HttpStatusCode.BadRequest, "start-many-period-invalid"), (bad.StatusCode, (string?)(await bad.Content.ReadFromJsonAsync<JsonObject>())!["code"]));
    }

    [Fact]
    public async Task One_evaluation_starts_for_one_employee_with_the_start_forms_answers()
    {
        await EmployeesAsync();
        var employee = (await _s.Admin.GetFromJsonAsync<JsonObject>("/api/employees?search=Pegawai%20Mulai%204"))!["items"]![0]!;
        var start = (await _s.Admin.GetFromJsonAsync<JsonObject>("/api/definitions/evaluasi-kinerja/start-form"))!;
        Assert.Contains("period", start["schema"]!["components"]!.AsArray().Select(c => (string?)c!["key"]));
        var picked = new JsonObject
        {
            ["employeeId"] = (int)employee["id"]!, ["employeeName"] = (string?)employee["name"], ["nik"] = (string?)employee["nik"], ["unitCode"] = "DISBUN",
            ["evaluator"] = "admin",
        };
        var withoutPeriod = await _s.Admin.PostAsJsonAsync("/api/instances", new { definitionKey = "evaluasi-kinerja", variables = Merge(picked, new() { ["year"] = 2026 }) });
        var problem = (await withoutPeriod.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((HttpStatusCode.BadRequest, "start-variable-missing", "period"), (withoutPeriod.StatusCode, (string?)problem["code"], (string?)problem["field"]));

        var key = $"{employee["id"]}:2026:Q2";
        var started = await _s.Admin.PostAsJsonAsync("/api/instances",
            new { definitionKey = "evaluasi-kinerja", businessKey = key, uniqueBusinessKey = true, variables = Merge(picked, new() { ["year"] = 2026, ["period"] = "Q2" }) });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var instance = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("DISBUN", "Q2"), ((string?)instance["unitCode"], (string?)instance["variables"]!["period"]));
    }

    private static JsonObject Merge(JsonObject a, JsonObject b)
    {
        var all = a.DeepClone().AsObject();
        foreach (var (k, v) in b) all[k] = v?.DeepClone();
        return all;
    }
}
