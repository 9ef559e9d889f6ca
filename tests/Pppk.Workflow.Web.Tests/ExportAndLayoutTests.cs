using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.XlsxSheet;

namespace Pppk.Workflow.Web.Tests;

/// <summary>
/// Issue 18, export and layout: "Unduh Excel" on the employees list downloads the list as .xlsx, opened here cell by cell;
/// the grouped menu (Tugas, Proses, PPPK, Admin) by role; every main screen at 1366x768 and 1920x1080 without the page
/// scrolling sideways, saved as screenshots 90- to 99-.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExportAndLayoutTests(BrowserHost host)
{
    private const string Password = "Tata-Letak-2026!";
    private const string Unit = "WX-DINKES";
    private const string LeadingZeroNik = "0102014101920002";

    private static Task? _seeded;
    private static readonly Lock SeedLock = new();

    /// <summary>Once per test process: both tests share the browser host's database.</summary>
    private Task SeedAsync()
    {
        lock (SeedLock) return _seeded ??= SeedOnceAsync();
    }

    private async Task SeedOnceAsync()
    {
        using var api = host.Client();
        async Task Csv(string kind, params string[] lines)
        {
            using var content = new StringContent(string.Join("\n", lines) + "\n", Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var response = await api.PostAsync($"/api/imports/{kind}", content);
            Assert.True(response.IsSuccessStatusCode, $"{kind}: {await response.Content.ReadAsStringAsync()}");
        }
        await Csv("formations", "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap",
            $"WX-NAKES-01,Perawat Terampil,{Unit},Dinas Kesehatan Kutai Kartanegara,nakes,2,2026,1");
        await Csv("employees", "ni_pppk,nik,nama,email,kode_unit,jabatan,golongan,masa_kerja,penilai,tmt,akhir_kontrak,nomor_sk,tanggal_sk,tanggal_spmt",
            $"199201012024212001,{LeadingZeroNik},Sri Wahyuni Rahmadani,,{Unit},Perawat Terampil,VII,3,,2025-03-01,2027-02-28,WX/SK/1,2025-02-20,2025-03-03",
            $"199301012024212002,6402014101930003,Ikhsan Ramadhan,,{Unit},Perawat Terampil,VII,5,,2025-03-01,2027-01-31,WX/SK/2,2025-02-20,2025-03-03");
        var head = await api.PostAsJsonAsync("/api/users", new { userName = "wx.kepala", password = Password, fullName = "Kepala Dinkes", unitCode = Unit, roles = new[] { "unit-head" } });
        Assert.True(head.IsSuccessStatusCode, await head.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unduh_Excel_on_the_employees_list_downloads_the_filtered_list_with_typed_cells()
    {
        await SeedAsync();
        var page = await host.SignedInPageAsync(path: "/pegawai");
        await page.Locator("[name=unitCode]").FillAsync(Unit);
        await page.Locator("[name=unitCode]").DispatchEventAsync("change");
        await Assertions.Expect(page.GetByTestId("employee-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("pager-info")).ToContainTextAsync("2 data");
        await BrowserHost.ScreenshotAsync(page, "90-employees-export-buttons");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-employees").GetByTestId("export-xlsx").ClickAsync());
        Assert.Matches(@"^pegawai-\d{4}-\d{2}-\d{2}\.xlsx$", download.SuggestedFilename);
        var sheet = Read(await File.ReadAllBytesAsync((await download.PathAsync())!));

        Assert.Equal(["Nama", "NI PPPK", "NIK", "Kode unit", "Unit", "Jabatan", "Golongan", "Masa kerja (tahun)", "Akhir kontrak"], sheet.Rows[0].Select(c => c.Text));
        Assert.All(sheet.Rows[0], c => Assert.True(c.Bold));
        Assert.Equal(3, sheet.Rows.Count); // the two of the unit filter, as the list shows
        Assert.False(sheet.HasFormula);
        var sri = sheet.Rows.FindIndex(r => r[0].Text == "Sri Wahyuni Rahmadani");
        Assert.Equal((Kind.Text, LeadingZeroNik), (sheet.At(sri, "NIK").Kind, sheet.At(sri, "NIK").Text));
        Assert.Equal((Kind.Text, "199201012024212001"), (sheet.At(sri, "NI PPPK").Kind, sheet.At(sri, "NI PPPK").Text));
        Assert.Equal((Kind.Number, "3"), (sheet.At(sri, "Masa kerja (tahun)").Kind, sheet.At(sri, "Masa kerja (tahun)").Text));
        Assert.Equal(Kind.Date, sheet.At(sri, "Akhir kontrak").Kind);
        Assert.Equal(new DateTime(2027, 2, 28), sheet.DateAt(sri, "Akhir kontrak"));
        Assert.Equal("Dinas Kesehatan Kutai Kartanegara", sheet.At(sri, "Unit").Text);

        // Printed, the list is the list alone: no menu, bar, pager or export buttons.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByTestId("menu")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("export-employees")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("pager")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("employee-row").First).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // CSV too: a file named alike, its header separated by semicolons.
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-employees").GetByTestId("export-csv").ClickAsync());
        Assert.Matches(@"^pegawai-\d{4}-\d{2}-\d{2}\.csv$", csv.SuggestedFilename);
        var text = await File.ReadAllTextAsync((await csv.PathAsync())!, Encoding.UTF8);
        Assert.StartsWith("Nama;NI PPPK;NIK;", text.TrimStart('\uFEFF'));
        await host.CloseAsync(page);
    }

    private static readonly (string Path, string Name, string Ready)[] Screens =
    [
        ("/dasbor", "dashboard", "[data-testid=dashboard]"), ("/tugas", "inbox", "[data-testid=inbox]"), ("/instans", "instances", "[data-testid=instances]"),
        ("/formasi", "formations", "[data-testid=formation-row]"), ("/pegawai", "employees", "[data-testid=employee-row]"),
        ("/perpanjangan", "renewals", "[data-testid=renewals]"), ("/anggaran", "budgets", "h1"), ("/operasi", "operations", "h1"),
        ("/desainer", "designer", ".designer"),
        ("/pengguna", "users", "[data-testid=user-row]"),
        ("/insiden", "incidents", "[data-testid=incidents]"),
    ];

    [Fact]
    public async Task The_menu_is_grouped_by_role_and_no_main_screen_scrolls_sideways_at_1366_or_1920()
    {
        await SeedAsync();
        var page = await host.SignedInPageAsync(path: "/dasbor");
        var menu = page.GetByTestId("menu");
        await Assertions.Expect(menu.Locator(".menu-group-title")).ToHaveTextAsync(["Tugas", "Proses", "PPPK", "Admin"]);
        var admin = menu.GetByRole(AriaRole.Group, new() { Name = "Admin" });
        await Assertions.Expect(admin.GetByTestId("hangfire-link")).ToHaveAttributeAsync("href", "/hangfire");
        await Assertions.Expect(menu.GetByRole(AriaRole.Group, new() { Name = "PPPK" }).Locator("a")).ToHaveTextAsync(["Formasi", "Pegawai", "Perpanjangan", "Anggaran", "Impor CSV"]);
        // No item is cut off (the sidebar is wide enough for every label) and each is reachable by keyboard: focus and Enter opens it.
        foreach (var cut in await menu.Locator("a").EvaluateAllAsync<string[]>("links => links.filter(a => a.scrollWidth > a.clientWidth).map(a => a.textContent)"))
            Assert.Fail($"the menu item '{cut}' is cut off");
        await menu.Locator("a[href='/pegawai']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/pegawai");
        await Assertions.Expect(menu.Locator("a[href='/pegawai']")).ToHaveAttributeAsync("aria-current", "page");

        foreach (var (width, height) in new[] { (1366, 768), (1920, 1080) })
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var (path, name, ready) in Screens)
            {
                await page.GotoAsync(path);
                await page.Locator(ready).First.WaitForAsync();
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await BrowserHost.ScreenshotAsync(page, $"9{(width == 1366 ? 1 : 2)}-{name}-{width}x{height}");
                var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
                Assert.True(overflow <= 0, $"{path} at {width}x{height} scrolls sideways by {overflow}px");
            }
        }
        await host.CloseAsync(page);

        // A unit head sees only what the role may open: of Proses only Insiden (their unit's), no Admin group.
        var head = await host.SignedInPageAsync("wx.kepala", Password, "/tugas");
        await Assertions.Expect(head.GetByTestId("menu").Locator(".menu-group-title")).ToHaveTextAsync(["Tugas", "Proses", "PPPK"]);
        await Assertions.Expect(head.GetByTestId("menu").Locator("a[href='/instans'], a[href='/operasi'], a[href='/dasbor']")).ToHaveCountAsync(0);
        await Assertions.Expect(head.GetByTestId("hangfire-link")).ToHaveCountAsync(0);
        await Assertions.Expect(head.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "Impor CSV" })).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(head, "93-unit-head-menu");
        await host.CloseAsync(head);
    }
}
