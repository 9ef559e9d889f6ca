using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests;

/// <summary>The renewals screen quotes, for a contract whose renewal case has its recommendation, the rule of the renewal table that decided.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RenewalRuleScreenTests(BrowserHost host)
{
    private async Task PostCsvAsync(HttpClient api, string kind, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await api.PostAsync($"/api/imports/{kind}", content);
        Assert.True(response.IsSuccessStatusCode, $"{kind}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task The_renewals_list_shows_the_recommendation_and_the_rule_that_decided_it()
    {
        using var api = host.Client();
        var end = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3);
        var tmt = end.AddYears(-1).AddDays(1);
        var fiscalYear = end.AddDays(1).Year;
        await PostCsvAsync(api, "formations", "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\nRR-1,Guru Ahli Pertama,RR-SDN2,SD Negeri 2 Loa Kulu,guru,2,2024,1\n");
        await PostCsvAsync(api, "employees", "ni_pppk,nik,nama,email,kode_unit,jabatan,golongan,masa_kerja,penilai,tmt,akhir_kontrak,nomor_sk,tanggal_sk,tanggal_spmt\n" +
            $"199201012024212881,6402015101928801,Rahmawati Sari,rahma@example.org,RR-SDN2,Guru Ahli Pertama,IX,2,,{tmt:yyyy-MM-dd},{end:yyyy-MM-dd},RR/SK/1,{tmt:yyyy-MM-dd},{tmt:yyyy-MM-dd}\n" +
            $"199201012024212882,6402015101928802,Budi Santoso,budi@example.org,RR-SDN2,Guru Ahli Pertama,IX,2,,{tmt:yyyy-MM-dd},{end:yyyy-MM-dd},RR/SK/2,{tmt:yyyy-MM-dd},{tmt:yyyy-MM-dd}\n");
        await PostCsvAsync(api, "evaluations", $"nik,ni_pppk,tahun,periode,predikat,penilai,catatan\n6402015101928801,,{tmt.Year},tahunan,Baik,,\n6402015101928802,,{tmt.Year},tahunan,Kurang,,\n");
        await PostCsvAsync(api, "budgets", $"kode_unit,tahun_anggaran,pagu_belanja_pegawai,terpakai\nRR-SDN2,{fiscalYear},2000000000,500000000\n");
        await PostCsvAsync(api, "fiscal-settings", $"tahun_anggaran,apbd,belanja_pegawai,batas_persen\n{fiscalYear},5000000000000,1200000000000,30\n");

        // Both renewals reach the PPK's decision: the unit head's confirmation given (hr-admin, by the API).
        var renewals = (await api.GetFromJsonAsync<JsonObject>("/api/renewals?unitCode=RR-SDN2&months=12"))!["items"]!.AsArray();
        foreach (var r in renewals)
        {
            var contractId = (int)r!["contractId"]!;
            var started = await api.PostAsJsonAsync("/api/instances", new
            {
                definitionKey = "perpanjangan-kontrak", businessKey = contractId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                variables = new { contractId, contractEnd = (string)r["end"]!, employeeId = (int)r["employee"]!["id"]!, employeeName = (string)r["employee"]!["name"]!, unitCode = "RR-SDN2", termYears = 1 },
            });
            started.EnsureSuccessStatusCode();
            var id = (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
            var task = await WaitForTaskAsync(api, id, "kebutuhan");
            (await api.PostAsJsonAsync($"/api/tasks/{task}/complete", new { variables = new { stillNeeded = true } })).EnsureSuccessStatusCode();
            await WaitForTaskAsync(api, id, "keputusan_ppk");
        }

        var page = await host.SignedInPageAsync(path: "/perpanjangan");
        await page.GetByTestId("renewal-months").SelectOptionAsync("12");
        await page.Locator("[name=unitCode]").FillAsync("RR-SDN2");
        await page.Locator("[name=unitCode]").DispatchEventAsync("change");
        var rows = page.GetByTestId("renewal-row");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        var good = rows.Filter(new() { HasText = "Rahmawati Sari" });
        await Assertions.Expect(good.GetByTestId("renewal-recommendation")).ToHaveTextAsync("Diperpanjang");
        await Assertions.Expect(good.GetByTestId("renewal-rule")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^aturan 8 tabel Rekomendasi perpanjangan kontrak versi \d+: Predikat kinerja terakhir Baik, unit masih membutuhkan jabatan ini, dan anggaran mencukupi\.$"));
        var poor = rows.Filter(new() { HasText = "Budi Santoso" });
        await Assertions.Expect(poor.GetByTestId("renewal-recommendation")).ToHaveTextAsync("Tidak diperpanjang");
        await Assertions.Expect(poor.GetByTestId("renewal-rule")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^aturan 2 tabel Rekomendasi perpanjangan kontrak versi \d+: Predikat kinerja terakhir Kurang"));
        await BrowserHost.ScreenshotAsync(page, "70-renewal-rule-1366x768");
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserHost.ScreenshotAsync(page, "70-renewal-rule-1920x1080");
        await page.SetViewportSizeAsync(1366, 768);

        // The link opens the case.
        await good.GetByTestId("renewal-recommendation").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/instans/[0-9a-f-]+$"));
        await host.CloseAsync(page);
    }

    private static async Task<string> WaitForTaskAsync(HttpClient api, string instanceId, string elementId)
    {
        for (var i = 0; i < 150; i++)
        {
            var items = (await api.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={instanceId}"))!["items"]!.AsArray();
            if (items.FirstOrDefault(t => (string?)t!["elementId"] == elementId) is { } task) return (string)task["id"]!;
            await Task.Delay(200);
        }
        throw new TimeoutException($"No task {elementId} in {instanceId}.");
    }
}
