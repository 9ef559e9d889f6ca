using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests;

/// <summary>Anggaran: finance (BPKAD) types the region's fiscal figures and a unit's budget in; a bad amount is shown under its field.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BudgetScreenTests(BrowserHost host)
{
    private const string Password = "Rahasia-2026!";

    [Fact]
    public async Task Finance_enters_the_fiscal_setting_and_a_unit_budget_on_the_budget_screen()
    {
        using (var api = host.Client())
        {
            using var content = new StringContent("kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\nWB-ANG-01,Perawat,WB-ANG,Dinas Anggaran Uji,nakes,1,2026,1\n", Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            (await api.PostAsync("/api/imports/formations", content)).EnsureSuccessStatusCode();
            (await api.PostAsJsonAsync("/api/users", new { userName = "bpkad.anggaran", password = Password, fullName = "BPKAD Kukar", roles = new[] { "finance" } })).EnsureSuccessStatusCode();
        }
        var page = await host.SignedInPageAsync("bpkad.anggaran", Password, "/anggaran?tahun=2031");
        await Assertions.Expect(page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "Anggaran", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("regional-missing")).ToContainTextAsync("belum diisi");

        await page.GetByTestId("budgetTotal").FillAsync("5.000.000.000.000");
        await page.GetByTestId("personnelSpending").FillAsync("1.250.000.000.000");
        await page.GetByTestId("fiscal-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("regional-apbd")).ToHaveTextAsync("Rp 5.000.000.000.000");
        await Assertions.Expect(page.GetByTestId("regional-figures")).ToContainTextAsync("25% (batas 30%)");

        // A ceiling that is not whole rupiah, then an unknown unit: each reason under its field; nothing saved.
        await page.GetByTestId("unitCode").FillAsync("WB-ANG");
        await page.GetByTestId("personnelCeiling").FillAsync("dua miliar");
        await page.GetByTestId("budget-save").ClickAsync();
        await Assertions.Expect(page.Locator("[data-error=personnelCeiling]")).ToContainTextAsync("bukan jumlah rupiah bulat");
        await Assertions.Expect(page.GetByTestId("budget-row")).ToHaveCountAsync(0);
        await page.GetByTestId("unitCode").FillAsync("WB-TIDAK-ADA");
        await page.GetByTestId("personnelCeiling").FillAsync("2.000.000.000");
        await page.GetByTestId("budget-save").ClickAsync();
        await Assertions.Expect(page.Locator("[data-error=unitCode]")).ToContainTextAsync("Kode unit 'WB-TIDAK-ADA' tidak dikenal");
        await Assertions.Expect(page.Locator("[data-error=personnelCeiling]")).ToBeEmptyAsync();
        await page.GetByTestId("unitCode").FillAsync("WB-ANG");

        await page.GetByTestId("personnelCeiling").FillAsync("2.000.000.000");
        await Assertions.Expect(page.Locator("[data-hint=personnelCeiling]")).ToHaveTextAsync("Rp 2.000.000.000");
        await page.GetByTestId("committed").FillAsync("750.000.000");
        await page.GetByTestId("budget-save").ClickAsync();
        var row = page.GetByTestId("budget-row").Filter(new() { HasText = "WB-ANG" });
        await Assertions.Expect(row).ToContainTextAsync("Dinas Anggaran Uji");
        await Assertions.Expect(row.GetByTestId("budget-ceiling")).ToHaveTextAsync("Rp 2.000.000.000");
        await Assertions.Expect(row).ToContainTextAsync("Rp 1.250.000.000");
        await Assertions.Expect(page.GetByTestId("budget-result").GetByTestId("save-ok")).ToContainTextAsync("Anggaran WB-ANG tahun 2031 tersimpan");
        await BrowserHost.ScreenshotAsync(page, "60-budget-entered");

        // What the screen saved is what the renewals and the fiscal check read.
        var saved = await host.GetAsync("/api/budgets?fiscalYear=2031&unitCode=WB-ANG");
        Assert.Equal(1_250_000_000m, (decimal)saved["items"]![0]!["remaining"]!);
        Assert.Equal(5_000_000_000_000m, (decimal)saved["regional"]!["budgetTotal"]!);
        await host.CloseAsync(page);
    }
}
