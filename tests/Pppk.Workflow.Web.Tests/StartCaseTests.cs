using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests;

/// <summary>
/// Issue 18, "Mulai kasus": one evaluasi-kinerja for one employee picked by name, through its start form, landing on the
/// case; a workflow that starts many (the contract monitor) shows the count and asks first, and cancelling starts nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StartCaseTests(BrowserHost host)
{
    private const string EmployeeHeader = "ni_pppk,nik,nama,email,kode_unit,jabatan,golongan,masa_kerja,penilai,tmt,akhir_kontrak,nomor_sk,tanggal_sk,tanggal_spmt";

    private async Task PostCsvAsync(string kind, params string[] lines)
    {
        using var api = host.Client();
        using var content = new StringContent(string.Join("\n", lines) + "\n", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await api.PostAsync($"/api/imports/{kind}", content);
        Assert.True(response.IsSuccessStatusCode, $"{kind}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task EmployeesAsync()
    {
        await PostCsvAsync("formations", "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap",
            "SC-POLPP-01,Polisi Pamong Praja Terampil,SC-POLPP,Satpol PP,teknis,1,2024,1");
        var end = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3);
        string Row(string ni, string nik, string name) =>
            $"{ni},{nik},{name},{name.Split(' ')[0].ToLowerInvariant()}@contoh.id,SC-POLPP,Polisi Pamong Praja Terampil,VII,3,,{end.AddYears(-1):yyyy-MM-dd},{end:yyyy-MM-dd},SC/{ni[^2..]}/2024,{end.AddYears(-1):yyyy-MM-dd},";
        await PostCsvAsync("employees", EmployeeHeader,
            Row("199203152024211031", "6402031503920031", "Ikhsan Ramadhan"),
            Row("199107212024211032", "6402032107910032", "Ikhwan Saputra"),
            Row("199411022024212033", "6402030211940033", "Nurul Hidayah"));
    }

    /// <summary>The instances page, once its list (and so its start button) is ready.</summary>
    private static async Task OpenStartDialogAsync(IPage page)
    {
        if (!page.Url.EndsWith("/instans", StringComparison.Ordinal)) await page.GotoAsync("/instans");
        await Assertions.Expect(page.GetByTestId("instance-total")).ToContainTextAsync("kasus");
        await page.GetByTestId("start-instance").ClickAsync();
    }

    private static async Task BothSizesAsync(IPage page, string name)
    {
        await BrowserHost.ScreenshotAsync(page, $"{name}-1366");
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserHost.ScreenshotAsync(page, $"{name}-1920");
        await page.SetViewportSizeAsync(1366, 768);
    }

    [Fact]
    public async Task Hr_admin_starts_one_evaluation_for_an_employee_picked_by_name_through_its_start_form()
    {
        await EmployeesAsync();
        var page = await host.SignedInPageAsync(path: "/instans");
        await OpenStartDialogAsync(page);
        var dialog = page.GetByTestId("start-dialog");
        await dialog.GetByTestId("start-workflow").SelectOptionAsync(new SelectOptionValue { Label = "Evaluasi kinerja pegawai" });

        // Search by part of the name: the dialog lists what the API finds (other classes of this collection add employees
        // too, one of them another Ikhsan Ramadhan); the right one, by its NI PPPK, is picked.
        var matches = (int)(await host.GetAsync("/api/employees?search=Ikh"))["total"]!;
        Assert.True(matches >= 2, $"only {matches} employees match 'Ikh'");
        await dialog.GetByTestId("start-subject-search").FillAsync("Ikh");
        await Assertions.Expect(dialog.GetByTestId("start-subject-option")).ToHaveCountAsync(Math.Min(matches, 8));
        await dialog.GetByTestId("start-subject-option").Filter(new() { HasText = "199203152024211031" }).ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("start-subject-picked")).ToContainTextAsync("Ikhsan Ramadhan");
        await Assertions.Expect(dialog.GetByTestId("start-subject-picked")).ToContainTextAsync("Satpol PP");
        var form = dialog.GetByTestId("start-form");
        await Assertions.Expect(form).ToContainTextAsync("Pegawai: Ikhsan Ramadhan");
        await Assertions.Expect(form).ToContainTextAsync("Satpol PP"); // the unit's name, not its code

        // Without the required answers nothing starts and the fields say why.
        await dialog.GetByTestId("start-submit").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("start-error")).ToContainTextAsync("Periksa isian formulir");
        await Assertions.Expect(form.Locator(".fjs-form-field-error").First).ToBeVisibleAsync();
        await BothSizesAsync(page, "50-start-case-errors");

        await form.GetByLabel("Tahun penilaian").FillAsync("2026");
        await form.GetByLabel("Triwulan II", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("Penilai (nama pengguna)").FillAsync("admin");
        var employee = (await host.GetAsync("/api/employees?search=6402031503920031"))["items"]![0]!;
        var key = $"{employee["id"]}:2026:Q2";
        await Assertions.Expect(dialog.GetByTestId("start-business-key")).ToHaveTextAsync(key);
        await BothSizesAsync(page, "51-start-case-form");

        await dialog.GetByTestId("start-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("instance-status")).ToContainTextAsync("Aktif");
        var instanceId = page.Url.TrimEnd('/').Split('/')[^1];
        var instance = await host.GetAsync($"/api/instances/{instanceId}");
        Assert.Equal(("evaluasi-kinerja", key), ((string?)instance["definitionKey"], (string?)instance["businessKey"]));
        Assert.Equal(("Ikhsan Ramadhan", "Q2", 2026, "SC-POLPP"), ((string?)instance["variables"]!["employeeName"], (string?)instance["variables"]!["period"],
            (int)instance["variables"]!["year"]!, (string?)instance["unitCode"]));
        await BothSizesAsync(page, "52-start-case-landed");

        // The same employee and period again: the dialog shows the clear refusal and starts nothing.
        await OpenStartDialogAsync(page);
        await dialog.GetByTestId("start-workflow").SelectOptionAsync(new SelectOptionValue { Label = "Evaluasi kinerja pegawai" });
        await dialog.GetByTestId("start-subject-search").FillAsync("6402031503920031");
        await dialog.GetByTestId("start-subject-option").ClickAsync();
        await form.GetByLabel("Tahun penilaian").FillAsync("2026");
        await form.GetByLabel("Triwulan II", new() { Exact = true }).CheckAsync();
        await dialog.GetByTestId("start-submit").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("start-error")).ToContainTextAsync($"sudah memiliki kasus aktif dengan kunci bisnis '{key}'");
        var running = await host.GetAsync($"/api/instances?definitionKey=evaluasi-kinerja&businessKey={Uri.EscapeDataString(key)}");
        Assert.Equal(1, (int)running["total"]!);
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task Starting_the_contract_monitor_by_hand_shows_how_many_renewals_would_start_and_cancelling_starts_nothing()
    {
        await EmployeesAsync();
        using var api = host.Client();
        var preview = (await (await api.PostAsJsonAsync("/api/start-many/renewals?dryRun=true", new { })).Content.ReadFromJsonAsync<JsonObject>())!;
        var total = (int)preview["total"]!;
        Assert.True(total >= 3, preview.ToJsonString());
        var operationsBefore = (int)(await host.GetAsync("/api/operations?pageSize=1"))["total"]!;
        var renewalsBefore = (int)(await host.GetAsync("/api/instances?definitionKey=perpanjangan-kontrak&pageSize=1"))["total"]!;

        var page = await host.SignedInPageAsync(path: "/instans");
        await OpenStartDialogAsync(page);
        var dialog = page.GetByTestId("start-dialog");
        await dialog.GetByTestId("start-workflow").SelectOptionAsync(new SelectOptionValue { Label = "Pemantauan kontrak berakhir" });
        var shown = total.ToString("N0", new System.Globalization.CultureInfo("id-ID"));
        await Assertions.Expect(dialog.GetByTestId("start-many-count")).ToContainTextAsync($"Mulai {shown} kasus perpanjangan kontrak?");
        await Assertions.Expect(dialog.GetByTestId("start-submit")).ToHaveTextAsync($"Mulai {shown} kasus");
        await Assertions.Expect(dialog).ToContainTextAsync("Ikhsan Ramadhan");
        await BothSizesAsync(page, "53-start-many-confirm");

        await dialog.GetByTestId("start-cancel").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        Assert.Equal(operationsBefore, (int)(await host.GetAsync("/api/operations?pageSize=1"))["total"]!);
        Assert.Equal(renewalsBefore, (int)(await host.GetAsync("/api/instances?definitionKey=perpanjangan-kontrak&pageSize=1"))["total"]!);
        await host.CloseAsync(page);
    }
}
