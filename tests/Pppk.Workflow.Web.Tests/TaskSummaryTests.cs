using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Npgsql;

namespace Pppk.Workflow.Web.Tests;

/// <summary>
/// Issue 18: the PPK's task page of a renewal reads as the case (the summary the process declares: names, rupiah, WITA
/// dates, the evaluations as a table, the fiscal check in words), never the engine's variables; hr-admin finds the raw
/// data behind a toggle; the page prints on A4 without the menu and buttons.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TaskSummaryTests(BrowserHost host)
{
    private const string Password = "Ringkasan-Kasus-2026";

    private async Task PostCsvAsync(HttpClient api, string kind, params string[] lines)
    {
        using var content = new StringContent(string.Join("\n", lines) + "\n", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await api.PostAsync($"/api/imports/{kind}", content);
        Assert.True(response.IsSuccessStatusCode, $"{kind}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonObject> OpenTaskAsync(HttpClient api, string instanceId, string elementId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var items = (await api.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={instanceId}"))!["items"]!.AsArray();
            if (items.FirstOrDefault(t => (string?)t!["elementId"] == elementId) is JsonObject task) return task;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No task {elementId}: {(await api.GetStringAsync($"/api/instances/{instanceId}"))}");
            await Task.Delay(200);
        }
    }

    /// <summary>A renewal of Ikhsan Ramadhan (Satpol PP) with two evaluations and the unit's budget, waiting for the PPK's decision.</summary>
    private async Task<(string InstanceId, string TaskId)> SeedRenewalAsync()
    {
        using var api = host.Client();
        var end = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(4);
        var tmt = end.AddYears(-1).AddDays(1);
        var fiscalYear = end.AddDays(1).Year;
        await PostCsvAsync(api, "formations", "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap",
            "TS-SATPOL-01,Polisi Pamong Praja Terampil,TS-SATPOL,Satuan Polisi Pamong Praja,teknis,1,2024,1");
        foreach (var (user, role, unit) in new[] { ("kepala.satpol", "unit-head", "TS-SATPOL"), ("ppk.ringkasan", "ppk", (string?)null) })
            (await api.PostAsJsonAsync("/api/users", new { userName = user, password = Password, fullName = user == "ppk.ringkasan" ? "Sekda Kukar" : "Kepala Satpol PP", unitCode = unit, roles = new[] { role } }))
                .EnsureSuccessStatusCode(); // the unit head after the unit exists (from the formation)
        await PostCsvAsync(api, "employees", "ni_pppk,nik,nama,email,kode_unit,jabatan,golongan,masa_kerja,penilai,tmt,akhir_kontrak,nomor_sk,tanggal_sk,tanggal_spmt",
            $"199203152024211009,6402011503920009,Ikhsan Ramadhan,ikhsan@example.org,TS-SATPOL,Polisi Pamong Praja Terampil,V,2,kepala.satpol,{tmt:yyyy-MM-dd},{end:yyyy-MM-dd},TS/SK/9,{tmt:yyyy-MM-dd},{tmt:yyyy-MM-dd}");
        await PostCsvAsync(api, "evaluations", "nik,ni_pppk,tahun,periode,predikat,penilai,catatan",
            $"6402011503920009,,{tmt.Year},Q2,Sangat Baik,kepala.satpol,", $"6402011503920009,,{tmt.Year},tahunan,Baik,kepala.satpol,Disiplin dan tepat waktu");
        await PostCsvAsync(api, "budgets", "kode_unit,tahun_anggaran,pagu_belanja_pegawai,terpakai", $"TS-SATPOL,{fiscalYear},2000000000,500000000");
        await PostCsvAsync(api, "fiscal-settings", "tahun_anggaran,apbd,belanja_pegawai,batas_persen", $"{fiscalYear},5000000000000,1370000000000,30");

        await using var db = NpgsqlDataSource.Create(host.ConnectionString);
        await using var query = db.CreateCommand("SELECT c.id, e.id FROM pppk.contracts c JOIN pppk.employees e ON e.id = c.employee_id WHERE e.nik = '6402011503920009'");
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var (contractId, employeeId) = (reader.GetInt32(0), reader.GetInt32(1));

        var started = await api.PostAsJsonAsync("/api/instances", new
        {
            definitionKey = "perpanjangan-kontrak", businessKey = contractId.ToString(CultureInfo.InvariantCulture),
            variables = new
            {
                contractId, contractEnd = end.ToString("yyyy-MM-dd"), employeeId, employeeName = "Ikhsan Ramadhan", employeeEmail = "ikhsan@example.org",
                unitCode = "TS-SATPOL", nik = "6402011503920009", niPppk = "199203152024211009", position = "Polisi Pamong Praja Terampil",
            },
        });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var instanceId = (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        using var unitHead = await host.SignedInClientAsync("kepala.satpol", Password);
        var need = await OpenTaskAsync(api, instanceId, "kebutuhan");
        var done = await unitHead.PostAsJsonAsync($"/api/tasks/{need["id"]}/complete", new { variables = new { stillNeeded = true } });
        Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
        return (instanceId, (string)(await OpenTaskAsync(api, instanceId, "keputusan_ppk"))["id"]!);
    }

    [Fact]
    public async Task The_PPK_reads_the_renewal_as_a_case_and_hr_admin_finds_the_raw_data_behind_a_toggle()
    {
        var (instanceId, taskId) = await SeedRenewalAsync();

        var page = await host.SignedInPageAsync("ppk.ringkasan", Password, $"/tugas/{taskId}");
        var summary = page.GetByTestId("case-facts");
        await Assertions.Expect(summary).ToContainTextAsync("Ikhsan Ramadhan");
        await Assertions.Expect(summary).ToContainTextAsync("Satuan Polisi Pamong Praja");
        await Assertions.Expect(summary).ToContainTextAsync("Biaya perpanjangan");
        await Assertions.Expect(summary).ToContainTextAsync("Rp ");
        await Assertions.Expect(summary).ToContainTextAsync("Anggaran cukup: biaya perpanjangan Rp ");
        await Assertions.Expect(summary).ToContainTextAsync("(batas 30%)");
        var table = page.GetByTestId("summary-table");
        await Assertions.Expect(table.Locator("thead")).ToContainTextAsync("Predikat");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(table).ToContainTextAsync("Tahunan");
        await Assertions.Expect(table).ToContainTextAsync("Triwulan II");
        await Assertions.Expect(table).ToContainTextAsync("Sangat Baik");
        await Assertions.Expect(page.GetByTestId("case-title")).ToContainTextAsync("Perpanjangan kontrak");
        await Assertions.Expect(page.GetByTestId("task-form")).ToContainTextAsync("Rekomendasi: diperpanjang");
        await Assertions.Expect(page.GetByTestId("task-form")).ToContainTextAsync("Kinerja terakhir: Baik");
        // The PPK sees no engine data: no variable names, no JSON, no raw toggle.
        var visible = await page.Locator("main").InnerTextAsync();
        foreach (var raw in new[] { "renewalCost", "fiscalOk", "unitRemaining", "performance", "contractId", "{", "TS-SATPOL" })
            Assert.DoesNotContain(raw, visible);
        Assert.DoesNotMatch(@"\b[a-z]+[A-Z][a-zA-Z]+\b", visible);
        await Assertions.Expect(page.GetByTestId("technical")).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(page, "70-task-summary-ppk");
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserHost.ScreenshotAsync(page, "70-task-summary-ppk-1920");
        // Print: A4 width, no menu nor buttons, the case title and when it was printed.
        await page.SetViewportSizeAsync(794, 1123);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByTestId("menu")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("print")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("printed-at")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("printed-at")).ToContainTextAsync("WITA");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "71-task-summary-print.png"), FullPage = true });
        await page.PdfAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "71-task-summary-print.pdf"), Format = "A4", PrintBackground = true });
        await host.CloseAsync(page);

        // hr-admin: the same summary, and the raw variables behind "Tampilkan data teknis", closed until asked for.
        var admin = await host.SignedInPageAsync(path: $"/tugas/{taskId}");
        var technical = admin.GetByTestId("technical");
        await Assertions.Expect(admin.GetByTestId("summary-table")).ToBeVisibleAsync();
        await Assertions.Expect(technical.Locator("table.vars")).ToBeHiddenAsync();
        await technical.GetByText("Tampilkan data teknis").ClickAsync();
        await Assertions.Expect(technical.Locator("table.vars")).ToBeVisibleAsync();
        await Assertions.Expect(technical.Locator("table.vars")).ToContainTextAsync("renewalCost");
        await BrowserHost.ScreenshotAsync(admin, "72-task-summary-admin-technical");

        // The instance viewer shows the same summary at the top of the case.
        await admin.GotoAsync($"/instans/{instanceId}");
        var instanceSummary = admin.GetByTestId("instance-summary");
        await Assertions.Expect(instanceSummary).ToContainTextAsync("Ikhsan Ramadhan");
        await Assertions.Expect(instanceSummary.GetByTestId("summary-table")).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(admin, "73-instance-summary");
        await admin.SetViewportSizeAsync(1920, 1080);
        await BrowserHost.ScreenshotAsync(admin, "73-instance-summary-1920");
        await host.CloseAsync(admin);
    }
}
