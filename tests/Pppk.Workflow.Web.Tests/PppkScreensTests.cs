using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests;

/// <summary>The PPPK screens against the real host: CSV import (errors, then success), formations with their ranking, an employee's page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PppkScreensTests(BrowserHost host)
{
    private const string FormationHeader = "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap";
    private const string EmployeeHeader = "ni_pppk,nik,nama,email,kode_unit,jabatan,golongan,masa_kerja,penilai,tmt,akhir_kontrak,nomor_sk,tanggal_sk,tanggal_spmt";

    private static FilePayload Csv(string name, params string[] lines) =>
        new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n") };

    private async Task UploadAsync(IPage page, string kind, FilePayload file)
    {
        await page.GetByTestId("import-kind").SelectOptionAsync(kind);
        await page.GetByTestId("import-file").SetInputFilesAsync(file);
        await page.GetByTestId("import-upload").ClickAsync();
    }

    private async Task PostCsvAsync(string kind, params string[] lines)
    {
        using var api = host.Client();
        using var content = new StringContent(string.Join("\n", lines) + "\n", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await api.PostAsync($"/api/imports/{kind}", content);
        Assert.True(response.IsSuccessStatusCode, $"{kind}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Hr_admin_imports_formations_sees_every_bad_row_then_opens_the_formation_ranking_and_an_imported_employee()
    {
        var page = await host.SignedInPageAsync(path: "/impor");
        var menu = page.GetByTestId("menu");
        foreach (var item in new[] { "Formasi", "Pegawai", "Perpanjangan", "Impor CSV" })
            await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = item, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("import-template")).ToHaveAttributeAsync("href", "/api/imports/formations/template");

        // A file with two bad rows: nothing is written and both rows are listed with their column.
        await UploadAsync(page, "formations", Csv("formasi-salah.csv", FormationHeader,
            "WB-GURU-01,Guru Ahli Pertama Matematika,WB-SMPN1,SMP Negeri 1 Tenggarong,guru,3,2026,1",
            "WB-NAKES-01,Perawat Terampil,WB-RSUD,RSUD AM Parikesit,dokter,2,2026,1",
            "WB-TEK-01,Pranata Komputer,WB-BKPSDM,BKPSDM,teknis,nol,2026,1"));
        var errors = page.GetByTestId("import-error");
        await Assertions.Expect(page.GetByTestId("import-failed")).ToContainTextAsync("formasi-salah.csv");
        await Assertions.Expect(errors).ToHaveCountAsync(2);
        await Assertions.Expect(errors.Nth(0)).ToContainTextAsync("3");
        await Assertions.Expect(errors.Nth(0)).ToContainTextAsync("jenis");
        await Assertions.Expect(errors.Nth(1)).ToContainTextAsync("kuota");
        // The reasons are the server's, in Indonesian; the values from the file stay as they were.
        await Assertions.Expect(errors.Nth(0)).ToContainTextAsync("'dokter' tidak diizinkan; gunakan salah satu dari");
        await Assertions.Expect(errors.Nth(1)).ToContainTextAsync("'nol' bukan bilangan bulat.");
        await Assertions.Expect(page.Locator("table.list thead")).ToContainTextAsync("Masalah");
        await BrowserHost.ScreenshotAsync(page, "30-import-errors");

        await UploadAsync(page, "formations", Csv("formasi.csv", FormationHeader,
            "WB-GURU-01,Guru Ahli Pertama Matematika,WB-SMPN1,SMP Negeri 1 Tenggarong,guru,1,2026,1",
            "WB-NAKES-01,Perawat Terampil,WB-RSUD,RSUD AM Parikesit,nakes,2,2026,1",
            "WB-TEK-01,Pranata Komputer,WB-BKPSDM,BKPSDM,teknis,1,2026,1"));
        await Assertions.Expect(page.GetByTestId("import-success")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("import-rows")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("import-inserted")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("import-updated")).ToHaveTextAsync("0");
        await BrowserHost.ScreenshotAsync(page, "31-import-success");

        await UploadAsync(page, "employees", Csv("pegawai.csv", EmployeeHeader,
            ",6402014101920002,Fitri Handayani,fitri@example.org,WB-RSUD,Perawat Terampil,VII,2,,2024-03-01,2026-02-28,WB/SK/1,2024-02-20,2024-03-03"));
        await Assertions.Expect(page.GetByTestId("import-rows")).ToHaveTextAsync("1");

        // Two applicants with scores, so the formation has a (provisional) ranking.
        await PostCsvAsync("applicants", "no_peserta,nik,nama,email,tanggal_lahir,kode_formasi,kategori_prioritas",
            "WB-0001,6402010101920001,Dewi Lestari,dewi@example.org,1992-01-01,WB-GURU-01,3",
            "WB-0002,6402010202930001,Rudi Hartono,rudi@example.org,1993-02-02,WB-GURU-01,3");
        await PostCsvAsync("scores", "no_peserta,nilai_teknis,nilai_manajerial_sosiokultural,nilai_wawancara", "WB-0001,300,120,30", "WB-0002,280,110,28");

        await menu.GetByRole(AriaRole.Link, new() { Name = "Formasi", Exact = true }).ClickAsync();
        var row = page.GetByTestId("formation-row").Filter(new() { HasText = "WB-GURU-01" });
        await Assertions.Expect(row).ToContainTextAsync("Guru Ahli Pertama Matematika");
        await Assertions.Expect(row).ToContainTextAsync("SMP Negeri 1 Tenggarong");
        await BrowserHost.ScreenshotAsync(page, "32-formation-list");

        await row.GetByRole(AriaRole.Link, new() { Name = "WB-GURU-01" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("formation-code")).ToHaveTextAsync("WB-GURU-01");
        var ranking = page.GetByTestId("ranking-row");
        await Assertions.Expect(ranking).ToHaveCountAsync(2);
        await Assertions.Expect(ranking.Nth(0)).ToContainTextAsync("Dewi Lestari");
        await Assertions.Expect(ranking.Nth(0)).ToContainTextAsync("450");
        await Assertions.Expect(ranking.Nth(0)).ToContainTextAsync("Lulus");
        await Assertions.Expect(ranking.Nth(1)).ToContainTextAsync("Tidak lulus");
        await Assertions.Expect(page.GetByTestId("applicant-rows")).ToContainTextAsync("Rudi Hartono");
        await BrowserHost.ScreenshotAsync(page, "33-formation-ranking");

        await ranking.Nth(0).GetByRole(AriaRole.Link, new() { Name = "WB-0001" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("total-score")).ToHaveTextAsync("450");
        await BrowserHost.ScreenshotAsync(page, "34-applicant");

        await menu.GetByRole(AriaRole.Link, new() { Name = "Pegawai", Exact = true }).ClickAsync();
        await page.GetByTestId("employee-search").FillAsync("Fitri");
        await page.GetByTestId("employee-search").PressAsync("Enter");
        var employee = page.GetByTestId("employee-row").Filter(new() { HasText = "Fitri Handayani" });
        await Assertions.Expect(employee).ToHaveCountAsync(1);
        await employee.GetByRole(AriaRole.Link, new() { Name = "Fitri Handayani" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("employee-name")).ToHaveTextAsync("Fitri Handayani");
        await Assertions.Expect(page.GetByTestId("employee-nik")).ToHaveTextAsync("6402014101920002");
        await Assertions.Expect(page.GetByTestId("contract-rows")).ToContainTextAsync("WB/SK/1");
        await Assertions.Expect(page.GetByTestId("sk-rows")).ToContainTextAsync("WB/SK/1");
        await BrowserHost.ScreenshotAsync(page, "35-employee");

        await menu.GetByRole(AriaRole.Link, new() { Name = "Perpanjangan", Exact = true }).ClickAsync();
        await page.GetByTestId("renewal-months").SelectOptionAsync("24");
        await Assertions.Expect(page.GetByTestId("renewal-rows")).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(page, "36-renewals");
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task A_verifier_sees_the_staff_screens_but_not_the_import()
    {
        var page = await host.SignedInPageAsync(BrowserHost.VerifierName, BrowserHost.VerifierPassword, "/formasi");
        var menu = page.GetByTestId("menu");
        await Assertions.Expect(page.GetByTestId("formations")).ToBeVisibleAsync();
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Impor CSV" })).ToHaveCountAsync(0);
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Perpanjangan" })).ToBeVisibleAsync();
        await page.GotoAsync("/impor");
        await Assertions.Expect(page.GetByTestId("forbidden")).ToBeVisibleAsync();
        await host.CloseAsync(page);
    }
}
