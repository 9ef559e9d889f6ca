using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Domain.Tests.EndToEnd;

/// <summary>
/// The agency's own data, entered through the API only (CSV imports and single-record calls, no SQL), driving the
/// workflows: the fiscal check of a renewal, a missing budget as finance's task, the distribution cap on the unit's
/// staff (the selection thresholds are a DMN table: DecisionRulesEndToEndTests).
/// </summary>
public sealed class AgencyDataEndToEndTests(PppkEndToEndHost host) : IClassFixture<PppkEndToEndHost>
{
    private const string EmployeeHeader = "ni_pppk,nik,nama,email,kode_unit,jabatan,golongan,masa_kerja,penilai,tmt,akhir_kontrak,nomor_sk,tanggal_sk,tanggal_spmt";
    private readonly Scenario _s = new(host);

    [Fact]
    public async Task The_fiscal_check_uses_imported_figures_and_a_missing_budget_is_a_finance_task_until_it_is_entered()
    {
        var finance = await _s.PersonAsync("bpkad_fis", "finance");
        await _s.ImportAsync("formations", "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\n" +
            "FF-1,Guru,UFIS,Unit Fiskal,guru,1,2024,1\nFF-2,Perawat,UKOSONG,Unit Tanpa Anggaran,nakes,1,2024,1\n");
        var fisHead = await _s.PersonAsync("kepala_ufis", "unit-head", unitCode: "UFIS");
        var kosongHead = await _s.PersonAsync("kepala_ukosong", "unit-head", unitCode: "UKOSONG");
        var end = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(4);
        var tmt = end.AddYears(-1).AddDays(1);
        var fiscalYear = end.AddDays(1).Year;
        await _s.ImportAsync("employees", EmployeeHeader + "\n" +
            $"199001012024211201,6402011111900101,Fajar Fiskal,fajar@contoh.id,UFIS,Guru,IX,2,kepala_ufis,{tmt:yyyy-MM-dd},{end:yyyy-MM-dd},800/101/2024,{tmt:yyyy-MM-dd},{tmt:yyyy-MM-dd}\n" +
            $"199001012024211202,6402011111900102,Kiki Kosong,kiki@contoh.id,UKOSONG,Perawat,VII,2,kepala_ukosong,{tmt:yyyy-MM-dd},{end:yyyy-MM-dd},800/102/2024,{tmt:yyyy-MM-dd},{tmt:yyyy-MM-dd}\n");
        // Finance imports the region's figures and the budget of one unit; hr-admin the evaluations (e-Kinerja export).
        var imported = await finance.PostAsync("/api/imports/fiscal-settings", Text($"tahun_anggaran,apbd,belanja_pegawai,batas_persen\n{fiscalYear},5.000.000.000.000,1.200.000.000.000,30\n"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        imported = await finance.PostAsync("/api/imports/budgets", Text($"kode_unit,tahun_anggaran,pagu_belanja_pegawai,terpakai\nUFIS,{fiscalYear},2.000.000.000,500.000.000\n"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.PostAsync("/api/imports/evaluations", Text("nik\n1\n"))).StatusCode);
        await _s.ImportAsync("evaluations", $"nik,ni_pppk,tahun,periode,predikat,penilai,catatan\n6402011111900101,,{tmt.Year},tahunan,Baik,kepala_ufis,\n,199001012024211202,{tmt.Year},tahunan,Baik,kepala_ukosong,\n");

        // The renewals list shows the imported region and the unit's budget left.
        var renewals = (await _s.Admin.GetFromJsonAsync<JsonObject>("/api/renewals"))!["items"]!.AsArray();
        var fajar = renewals.Single(r => (string?)r!["employee"]!["name"] == "Fajar Fiskal")!["fiscal"]!;
        Assert.Equal(30m, (decimal)fajar["regional"]!["capPercent"]!);
        Assert.Equal(1_500_000_000m, (decimal)fajar["unitRemaining"]!);
        Assert.Null(renewals.Single(r => (string?)r!["employee"]!["name"] == "Kiki Kosong")!["fiscal"]!["unitRemaining"]);

        await host.Host.Services.GetRequiredService<InstanceService>().StartByTimerAsync("pemantauan-kontrak", "harian", CancellationToken.None);
        string ContractOf(string name) => ((int)renewals.Single(r => (string?)r!["employee"]!["name"] == name)!["contractId"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fajarCase = await RenewalOfAsync(ContractOf("Fajar Fiskal"));
        var kikiCase = await RenewalOfAsync(ContractOf("Kiki Kosong"));
        await _s.CompleteAsync(fisHead, fajarCase, "kebutuhan", new { stillNeeded = true });
        await _s.CompleteAsync(kosongHead, kikiCase, "kebutuhan", new { stillNeeded = true });

        // Imported figures suffice: straight to the PPK with the check passed.
        var decision = await _s.TaskAsync(fajarCase, "keputusan_ppk");
        var vars = (await _s.Admin.GetFromJsonAsync<JsonObject>($"/api/tasks/{decision["id"]}"))!["variables"]!;
        Assert.True((bool)vars["fiscalOk"]!);
        Assert.Equal("diperpanjang", (string?)vars["recommendation"]);

        // No budget of UKOSONG: a task for finance naming the year and the unit, and no incident.
        var task = await _s.TaskAsync(kikiCase, "isi_anggaran");
        Assert.Equal("finance", (string?)task["candidateGroups"]![0]);
        var detail = (await finance.GetFromJsonAsync<JsonObject>($"/api/tasks/{task["id"]}"))!;
        Assert.Equal($"Isi anggaran {fiscalYear} unit UKOSONG", (string?)detail["variables"]!["fiscalDataNeeded"]);
        Assert.Empty((await _s.Admin.GetFromJsonAsync<JsonObject>($"/api/incidents?instanceId={kikiCase}"))!["items"]!.AsArray());

        // Finance types the budget in and completes the task: the check runs again and passes.
        var put = await finance.PutAsJsonAsync($"/api/budgets/UKOSONG/{fiscalYear}", new { personnelCeiling = 900_000_000m });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        await _s.CompleteAsync(finance, kikiCase, "isi_anggaran", new { fiscalDataNotes = "Pagu dari DPA 2027" });
        decision = await _s.TaskAsync(kikiCase, "keputusan_ppk");
        vars = (await _s.Admin.GetFromJsonAsync<JsonObject>($"/api/tasks/{decision["id"]}"))!["variables"]!;
        Assert.True((bool)vars["fiscalOk"]!);
        Assert.False((bool)vars["fiscalDataMissing"]!);
    }

    [Fact]
    public async Task The_distribution_cap_counts_the_units_staff_and_states_the_true_share()
    {
        await _s.ImportAsync("formations", "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\nFD-1,Perawat,UDIST,Unit Distribusi,nakes,4,2024,1\n");
        var evaluator = await _s.PersonAsync("penilai_udist", "evaluator", unitCode: "UDIST");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (tmt, end) = (today.AddMonths(-6), today.AddMonths(6));
        await _s.ImportAsync("employees", EmployeeHeader + "\n" + string.Join("\n", Enumerable.Range(1, 4).Select(i =>
            $"19900101202421130{i},640201333390000{i},Staf {i},staf{i}@contoh.id,UDIST,Perawat,VII,1,penilai_udist,{tmt:yyyy-MM-dd},{end:yyyy-MM-dd},800/D{i}/2025,{tmt:yyyy-MM-dd},{tmt:yyyy-MM-dd}")) + "\n");
        var ids = (await _s.Admin.GetFromJsonAsync<JsonObject>("/api/employees?unitCode=UDIST&pageSize=10"))!["items"]!.AsArray()
            .ToDictionary(e => (string)e!["nik"]!, e => (int)e!["id"]!);
        var period = "Q" + ((today.Month + 2) / 3);

        // The first Baik of a unit of four is 25% of its staff: no warning.
        var first = await EvaluateAsync(evaluator, ids, "6402013333900001", today.Year, period, "Baik");
        Assert.Equal(25m, (decimal)first["unitGoodShare"]!);
        Assert.Equal(4, (int)first["unitStaffCount"]!);
        Assert.False((bool)first["distributionCapBroken"]!);

        // One more rated Baik by import (e-Kinerja), then a third by the workflow: 3 of 4 (75%) is over the 70% of a unit rated Baik.
        await _s.ImportAsync("evaluations", $"nik,ni_pppk,tahun,periode,predikat,penilai,catatan\n6402013333900002,,{today.Year},{period},Sangat Baik,penilai_udist,\n");
        var third = await EvaluateAsync(evaluator, ids, "6402013333900003", today.Year, period, "Baik");
        Assert.True((bool)third["distributionCapBroken"]!);
        Assert.Equal("3 dari 4 pegawai unit UDIST (75%) dinilai Baik atau lebih, melebihi batas 70% untuk unit berpredikat Baik.", (string?)third["distributionWarning"]);
    }

    private static StringContent Text(string csv) => new(csv, System.Text.Encoding.UTF8, "text/csv");

    private async Task<JsonObject> EvaluateAsync(HttpClient evaluator, Dictionary<string, int> ids, string nik, int year, string period, string predicate)
    {
        var started = await _s.StartAsync("evaluasi-kinerja", new
        {
            employeeId = ids[nik], employeeName = "Staf " + nik[^1], employeeEmail = $"staf{nik[^1]}@contoh.id", unitCode = "UDIST", nik,
            evaluator = "penilai_udist", year, period,
        }, $"{ids[nik]}:{year}:{period}");
        var id = (string)started["id"]!;
        await _s.CompleteAsync(evaluator, id, "nilai", new { predicate, evaluationNotes = "Target SKP" });
        var instance = await _s.WaitForAsync(id, i => i["variables"]?["distributionCapBroken"] is not null, "the predicate recorded");
        return instance["variables"]!.AsObject();
    }

    /// <summary>The renewal instance of a contract (its business key).</summary>
    private async Task<string> RenewalOfAsync(string contractId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var items = (await _s.Admin.GetFromJsonAsync<JsonObject>("/api/instances?definitionKey=perpanjangan-kontrak&pageSize=50"))!["items"]!.AsArray();
            if (items.FirstOrDefault(i => (string?)i!["businessKey"] == contractId) is { } found) return (string)found["id"]!;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No renewal started for contract {contractId}.");
            await Task.Delay(200);
        }
    }
}
