using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests;

/// <summary>
/// Issue 21, every row of a list screen: the employees list of a unit with 10,030 employees (seeded by SQL) pages by
/// number over the first 10,000 rows, shows "10.000+", and goes on past row 10,000 by cursor ("Berikutnya") with the unit
/// filter kept, and back ("Sebelumnya"). Screenshots 21-deep-paging-*.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeepPagingTests(BrowserHost host)
{
    private const string Unit = "WP-RIBUAN";
    private const int Employees = 10_030;

    [Fact]
    public async Task The_employees_list_reaches_rows_past_ten_thousand_through_the_pager()
    {
        // Ids far above the ones imports take; names sort in their number's order (the list sorts by name, then id).
        await using (var db = Npgsql.NpgsqlDataSource.Create(host.ConnectionString))
        await using (var seed = db.CreateCommand($"""
            INSERT INTO pppk.units (code, name) VALUES ('{Unit}', 'Dinas Halaman Panjang') ON CONFLICT DO NOTHING;
            INSERT INTO pppk.employees (id, nik, name, unit_code, grade, service_years)
              SELECT 8100000 + g, '6499' || lpad(g::text, 12, '0'), 'Pegawai Halaman ' || lpad(g::text, 5, '0'), '{Unit}', 7, 1
              FROM generate_series(1, {Employees}) g;
            """))
            await seed.ExecuteNonQueryAsync();

        var page = await host.SignedInPageAsync(path: "/pegawai");
        await page.Locator("[name=unitCode]").FillAsync(Unit);
        await page.Locator("[name=unitCode]").DispatchEventAsync("change");
        var pager = page.GetByTestId("pager");
        var rows = page.GetByTestId("employee-row");
        await Assertions.Expect(page.GetByTestId("pager-info")).ToHaveTextAsync("Halaman 1 dari 400+ · 10.000+ data");
        await Assertions.Expect(rows.First).ToContainTextAsync("Pegawai Halaman 00001");

        // The last numbered page: rows 9,976 to 10,000.
        await pager.GetByRole(AriaRole.Button, new() { Name = "400", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("pager-info")).ToHaveTextAsync("Halaman 400 dari 400+ · 10.000+ data");
        await Assertions.Expect(rows.First).ToContainTextAsync("Pegawai Halaman 09976");

        // Past row 10,000 by cursor, the unit filter kept: 10,001 to 10,025, then the last five.
        await page.GetByTestId("pager-next").ClickAsync();
        await Assertions.Expect(page.GetByTestId("pager-info")).ToHaveTextAsync("Halaman 401 · 10.000+ data");
        await Assertions.Expect(rows.First).ToContainTextAsync("Pegawai Halaman 10001");
        await Assertions.Expect(rows).ToHaveCountAsync(25);
        await BrowserHost.ScreenshotAsync(page, "21-deep-paging-1366x768");
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserHost.ScreenshotAsync(page, "21-deep-paging-1920x1080");
        await page.SetViewportSizeAsync(1366, 768);

        await page.GetByTestId("pager-next").ClickAsync();
        await Assertions.Expect(page.GetByTestId("pager-info")).ToHaveTextAsync("Halaman 402 · 10.000+ data");
        await Assertions.Expect(rows).ToHaveCountAsync(5);
        await Assertions.Expect(rows.Last).ToContainTextAsync($"Pegawai Halaman {Employees:D5}");
        await Assertions.Expect(page.GetByTestId("pager-next")).ToBeDisabledAsync();

        // And back: the cursor page before, then the last numbered page.
        await page.GetByTestId("pager-prev").ClickAsync();
        await Assertions.Expect(page.GetByTestId("pager-info")).ToHaveTextAsync("Halaman 401 · 10.000+ data");
        await Assertions.Expect(rows.First).ToContainTextAsync("Pegawai Halaman 10001");
        await page.GetByTestId("pager-prev").ClickAsync();
        await Assertions.Expect(page.GetByTestId("pager-info")).ToHaveTextAsync("Halaman 400 dari 400+ · 10.000+ data");
        await Assertions.Expect(rows.First).ToContainTextAsync("Pegawai Halaman 09976");
        await host.CloseAsync(page);
    }
}
