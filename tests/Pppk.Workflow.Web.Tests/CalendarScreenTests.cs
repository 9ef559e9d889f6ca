using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using Pppk.Workflow.Runtime.Calendar;

namespace Pppk.Workflow.Web.Tests;

/// <summary>/kalender-libur: a holiday added for 2027 on the screen moves a working-day deadline; a year imported from a CSV with a preview; the dashboard warning.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CalendarScreenTests(BrowserHost host)
{
    private static async Task ScreenshotsAsync(IPage page, string name)
    {
        await page.Locator("h1").First.ScrollIntoViewIfNeededAsync();
        await BrowserHost.ScreenshotAsync(page, $"{name}-1366x768");
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserHost.ScreenshotAsync(page, $"{name}-1920x1080");
        await page.SetViewportSizeAsync(1366, 768);
    }

    private static async Task<string> DeadlineAsync(IPage page, string from, int n)
    {
        var check = page.GetByTestId("working-day-check");
        await check.Locator("[name=from]").FillAsync(from);
        await check.Locator("[name=n]").FillAsync(n.ToString());
        var result = page.GetByTestId("working-day-result");
        await page.EvaluateAsync("() => document.querySelector('[data-testid=working-day-result]').removeAttribute('data-date')");
        await check.GetByRole(AriaRole.Button, new() { Name = "Hitung" }).ClickAsync();
        await Assertions.Expect(result).ToHaveAttributeAsync("data-date", new System.Text.RegularExpressions.Regex("."));
        return (await result.GetAttributeAsync("data-date"))!;
    }

    [Fact]
    public async Task A_holiday_added_for_2027_on_the_screen_moves_a_working_day_deadline()
    {
        var page = await host.SignedInPageAsync(path: "/dasbor");
        await page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "Kalender libur" }).ClickAsync();
        await page.GetByTestId("year-2027").ClickAsync();
        await Assertions.Expect(page.GetByTestId("year-2026")).ToContainTextAsync("Pasti");
        await Assertions.Expect(page.GetByTestId("year-2027")).ToContainTextAsync("Perkiraan");
        await Assertions.Expect(page.GetByTestId("year-status")).ToContainTextAsync("Tahun 2027: perkiraan, menunggu SKB");
        await Assertions.Expect(page.GetByTestId("holiday-row").First).ToContainTextAsync("Jumat, 1 Januari 2027");

        // Monday 11 October 2027 + 1 working day, as the engine counts it.
        Assert.Equal("2027-10-12", await DeadlineAsync(page, "2027-10-11", 1));

        await page.GetByTestId("holiday-add").ClickAsync();
        var dialog = page.GetByTestId("holiday-dialog");
        await dialog.GetByTestId("holiday-date").FillAsync("2027-10-12");
        await dialog.GetByTestId("holiday-kind").SelectOptionAsync("cuti-bersama");
        await dialog.GetByTestId("holiday-name").FillAsync("Cuti bersama uji layar");
        await dialog.GetByTestId("holiday-source").FillAsync("SKB uji No. 7 Tahun 2027");
        await ScreenshotsAsync(page, "i19-calendar-add-dialog");
        await dialog.GetByTestId("holiday-save").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        var row = page.GetByTestId("holiday-row").Filter(new() { HasText = "Cuti bersama uji layar" });
        await Assertions.Expect(row).ToContainTextAsync("Selasa, 12 Oktober 2027");
        await Assertions.Expect(row).ToContainTextAsync("SKB uji No. 7 Tahun 2027");
        await Assertions.Expect(page.Locator(".cal-days [data-date='2027-10-12']")).ToHaveClassAsync("cuti");

        Assert.Equal("2027-10-13", await DeadlineAsync(page, "2027-10-11", 1));
        await ScreenshotsAsync(page, "i19-calendar-2027");

        // A duplicate is refused in Indonesian inside the dialog.
        await page.GetByTestId("holiday-add").ClickAsync();
        await dialog.GetByTestId("holiday-date").FillAsync("2027-10-12");
        await dialog.GetByTestId("holiday-name").FillAsync("Dua kali");
        await dialog.GetByTestId("holiday-save").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("dialog-error")).ToContainTextAsync("Sudah ada hari libur pada 2027-10-12");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Batal" }).ClickAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Hapus" }).ClickAsync();
        await page.GetByTestId("delete-confirm").ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        Assert.Equal("2027-10-12", await DeadlineAsync(page, "2027-10-11", 1));
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task A_new_year_is_imported_from_a_csv_after_a_preview_that_names_bad_lines()
    {
        var page = await host.SignedInPageAsync(path: "/kalender-libur");
        await page.GetByTestId("year-add").ClickAsync();
        var yearDialog = page.GetByTestId("year-dialog");
        await yearDialog.GetByTestId("year-number").FillAsync("2028");
        await yearDialog.GetByTestId("year-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("year-status")).ToContainTextAsync("Tahun 2028: perkiraan, menunggu SKB");
        await Assertions.Expect(page.GetByTestId("holiday-list")).ToContainTextAsync("Belum ada hari libur untuk tahun ini.");

        await page.GetByTestId("import-open").ClickAsync();
        var dialog = page.GetByTestId("import-dialog");
        await dialog.GetByTestId("import-file").SetInputFilesAsync(Csv("""
            tanggal;nama;jenis;wilayah;nama_wilayah;dasar_hukum
            2028-01-01;Tahun Baru 2028 Masehi;libur;;;perkiraan
            2028-02-30;Tanggal salah;libur;;;perkiraan
            2028-03-01;Jenis salah;mudik;;;perkiraan
            """));
        var errors = dialog.GetByTestId("import-errors");
        await Assertions.Expect(errors).ToContainTextAsync("Baris 3: tanggal '2028-02-30' bukan tanggal berbentuk yyyy-mm-dd.");
        await Assertions.Expect(errors).ToContainTextAsync("Baris 4: jenis 'mudik' tidak dikenal");
        await Assertions.Expect(dialog.GetByTestId("import-apply")).ToBeDisabledAsync();
        await ScreenshotsAsync(page, "i19-calendar-import-errors");

        await dialog.GetByTestId("import-file").SetInputFilesAsync(Csv("""
            tanggal;nama;jenis;wilayah;nama_wilayah;dasar_hukum
            2028-01-01;Tahun Baru 2028 Masehi;libur;;;perkiraan
            2028-09-28;Hari Jadi Kota Tenggarong;libur;kukar;Kabupaten Kutai Kartanegara;Perda Kukar (uji)
            """));
        await Assertions.Expect(dialog.GetByTestId("import-added")).ToContainTextAsync("Kamis, 28 September 2028: Hari Jadi Kota Tenggarong");
        await Assertions.Expect(dialog.GetByTestId("import-file-name")).ToHaveTextAsync("kalender.csv");
        await ScreenshotsAsync(page, "i19-calendar-import-preview");
        await dialog.GetByTestId("import-apply").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        var regional = page.GetByTestId("holiday-row").Filter(new() { HasText = "Hari Jadi Kota Tenggarong" });
        await Assertions.Expect(regional).ToContainTextAsync("Kabupaten Kutai Kartanegara");
        await Assertions.Expect(regional).ToContainTextAsync("Libur daerah");
        await Assertions.Expect(page.GetByTestId("year-2028")).ToContainTextAsync("2 hari");
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task The_dashboard_warns_when_the_holiday_data_ends_within_90_days()
    {
        // Today (December 2026) is 24 days before the end of 2026: take 2027 out for a moment, as if it had never been entered.
        var calendar = host.Host.Host.Services.GetRequiredService<HolidayCalendar>();
        await SqlAsync("""
            DELETE FROM pppk.holiday_years WHERE year = 2027;
            INSERT INTO pppk.holiday_changes (at, action, year) VALUES (now(), 'year', 2027);
            """);
        try
        {
            await calendar.RefreshIfChangedAsync(CancellationToken.None);
            var page = await host.SignedInPageAsync(path: "/dasbor");
            var warning = page.GetByTestId("calendar-warning");
            await Assertions.Expect(warning).ToContainTextAsync("Data hari libur berakhir 31 Desember 2026");
            await Assertions.Expect(warning).ToContainTextAsync("Isi kalender tahun 2027");
            await ScreenshotsAsync(page, "i19-dashboard-calendar-warning");
            await warning.GetByRole(AriaRole.Link, new() { Name = "Buka Kalender libur" }).ClickAsync();
            await page.GetByTestId("calendar-page").WaitForAsync();
            await host.CloseAsync(page);
        }
        finally
        {
            await SqlAsync("""
                INSERT INTO pppk.holiday_years (year, provisional, source, updated_at)
                SELECT 2027, true, 'Perkiraan, menunggu SKB 3 Menteri tahun 2027', now() WHERE NOT EXISTS (SELECT 1 FROM pppk.holiday_years WHERE year = 2027);
                INSERT INTO pppk.holiday_changes (at, action, year) VALUES (now(), 'year', 2027);
                """);
            await calendar.RefreshIfChangedAsync(CancellationToken.None);
        }
    }

    private async Task SqlAsync(string sql)
    {
        await using var db = NpgsqlDataSource.Create(host.ConnectionString);
        await using var cmd = db.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    private static FilePayload Csv(string text) => new() { Name = "kalender.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };
}
