using System.Net.Http.Json;
using Microsoft.Playwright;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Web.Tests;

/// <summary>
/// Issue 18, the inbox for a whole agency: a unit head finds one case among 2,000 by the employee's name and completes
/// it; 50 tasks are claimed at once with a progress bar and a summary, some completed with one set of answers, one
/// handed to a colleague; the menu's badge counts what is open.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxPagingTests(BrowserHost host)
{
    private const string Password = "Kotak-Tugas-2026";

    /// <summary>A renewal's unit-head task, titled by the employee's name; <paramref name="taskExtra"/> goes into the user task.</summary>
    private static string Renewal(string key, string taskExtra = "") => WithProperties(Chain(key,
            UserTask("konfirmasi", "Konfirmasi kebutuhan", candidateGroups: "unit-head", extra: taskExtra)),
        ("caseUnit", "=unitCode"), ("caseSubject", "=nik"), ("caseTitle", "=\"Perpanjangan kontrak — \" + employeeName"), ("caseSearch", "=[niPppk]"));

    private async Task<WorkflowApiClient> SetUpAsync(string key, string taskExtra, (string Code, string Name) unit, params string[] heads)
    {
        var api = new WorkflowApiClient(host.Client());
        await api.DeployAsync(Renewal(key, taskExtra));
        await using (var db = Npgsql.NpgsqlDataSource.Create(host.ConnectionString))
        await using (var units = db.CreateCommand("INSERT INTO pppk.units (code, name) VALUES (@c, @n) ON CONFLICT DO NOTHING"))
        {
            units.Parameters.AddWithValue("c", unit.Code);
            units.Parameters.AddWithValue("n", unit.Name);
            await units.ExecuteNonQueryAsync();
        }
        foreach (var head in heads)
            (await api.Http.PostAsJsonAsync("/api/users", new
            {
                userName = head, password = Password, fullName = $"Kepala {head}", unitCode = unit.Code, roles = new[] { Roles.UnitHead },
            })).EnsureSuccessStatusCode();
        return api;
    }

    private static async Task StartManyAsync(WorkflowApiClient api, string key, string unit, int count, Func<int, string> name)
    {
        for (var from = 1; from <= count; from += 500)
        {
            var items = Enumerable.Range(from, Math.Min(500, count - from + 1)).Select(i => new
            {
                businessKey = $"{key}-{i:D4}",
                variables = new { unitCode = unit, nik = $"640299{i:D10}", niPppk = $"1991{i:D14}", employeeName = name(i) },
            }).ToArray();
            (await api.Http.PostAsJsonAsync("/api/instances/batch", new { definitionKey = key, instances = items })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_unit_head_finds_a_task_by_the_employees_name_among_two_thousand_and_completes_it()
    {
        const string key = "uji-kotak-cari";
        var api = await SetUpAsync(key, "", ("IBX-DISDIK", "Dinas Pendidikan dan Kebudayaan"), "kepala.ibx");
        await StartManyAsync(api, key, "IBX-DISDIK", 2000, i => i == 1234 ? "Ikhsan Ramadhan" : $"Pegawai Kontrak {i:D4}");

        var page = await host.SignedInPageAsync("kepala.ibx", Password, "/tugas");
        await Assertions.Expect(page.GetByTestId("inbox-range")).ToHaveTextAsync("1–50 dari 2.000");
        var rows = page.GetByTestId("task-row");
        await Assertions.Expect(rows).ToHaveCountAsync(50);
        await Assertions.Expect(rows.First.GetByTestId("unit")).ToHaveTextAsync("Dinas Pendidikan dan Kebudayaan");
        await Assertions.Expect(rows.First).ToContainTextAsync("Proses uji-kotak-cari");
        await Assertions.Expect(page.GetByTestId("task-count-badge")).ToHaveTextAsync("2.000");
        await BrowserHost.ScreenshotAsync(page, "h18-inbox-1366x768");
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserHost.ScreenshotAsync(page, "h18-inbox-1920x1080");
        await page.SetViewportSizeAsync(1366, 768);

        // Paging by cursor, forth and back.
        await page.GetByTestId("page-next").ClickAsync();
        await Assertions.Expect(page.GetByTestId("inbox-range")).ToHaveTextAsync("51–100 dari 2.000");
        await page.GetByTestId("page-prev").ClickAsync();
        await Assertions.Expect(page.GetByTestId("inbox-range")).ToHaveTextAsync("1–50 dari 2.000");

        await page.GetByTestId("inbox-search").FillAsync("ikhsan");
        await Assertions.Expect(page.GetByTestId("inbox-range")).ToHaveTextAsync("1–1 dari 1");
        var found = rows.Filter(new() { HasText = "Perpanjangan kontrak — Ikhsan Ramadhan" });
        await Assertions.Expect(found).ToHaveCountAsync(1);
        await BrowserHost.ScreenshotAsync(page, "h18-inbox-search-1366x768");

        await found.GetByTestId("case-title").ClickAsync();
        await page.GetByTestId("claim").ClickAsync();
        await page.GetByTestId("complete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-status")).ToContainTextAsync("Tugas selesai");
        await Assertions.Expect(page.GetByTestId("inbox-range")).ToHaveTextAsync("1–50 dari 1.999");
        await Assertions.Expect(page.GetByTestId("task-count-badge")).ToHaveTextAsync("1.999");
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task Fifty_tasks_are_claimed_at_once_with_progress_and_a_summary_then_completed_together_and_one_handed_on()
    {
        const string key = "uji-kotak-massal";
        var api = await SetUpAsync(key, "<zeebe:properties><zeebe:property name=\"bulkComplete\" value=\"true\"/></zeebe:properties>",
            ("IBY-DINKES", "Dinas Kesehatan"), "kepala.iby", "wakil.iby");
        await StartManyAsync(api, key, "IBY-DINKES", 60, i => $"Tenaga Kesehatan {i:D2}");

        var page = await host.SignedInPageAsync("kepala.iby", Password, "/tugas");
        await Assertions.Expect(page.GetByTestId("inbox-range")).ToHaveTextAsync("1–50 dari 60");
        await page.GetByTestId("select-all").CheckAsync();
        await Assertions.Expect(page.GetByTestId("selected-count")).ToHaveTextAsync("50 dipilih");
        await page.GetByTestId("bulk-claim").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bulk-progress")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("bulk-result")).ToHaveTextAsync("50 berhasil, 0 gagal");
        Assert.Equal("50", await page.GetByTestId("bulk-progress").EvaluateAsync<string>("p => String(p.value)"));
        await BrowserHost.ScreenshotAsync(page, "h18-inbox-bulk-claimed-1366x768");
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserHost.ScreenshotAsync(page, "h18-inbox-bulk-claimed-1920x1080");
        await page.SetViewportSizeAsync(1366, 768);

        await page.GetByTestId("filter-assigned").SelectOptionAsync("me");
        await Assertions.Expect(page.GetByTestId("inbox-range")).ToHaveTextAsync("1–50 dari 50");

        // Three completed with one set of answers (the process marks the task bulkComplete).
        var rows = page.GetByTestId("task-row");
        for (var i = 0; i < 3; i++) await rows.Nth(i).Locator("[data-select]").CheckAsync();
        await page.GetByTestId("bulk-complete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bulk-complete-dialog")).ToBeVisibleAsync();
        await page.GetByTestId("bulk-complete-ok").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bulk-result")).ToHaveTextAsync("3 berhasil, 0 gagal");
        await Assertions.Expect(page.GetByTestId("inbox-range")).ToHaveTextAsync("1–47 dari 47");

        // One handed to a colleague of the same group and unit.
        var first = rows.First;
        var title = await first.GetByTestId("case-title").TextContentAsync();
        await first.GetByTestId("delegate").ClickAsync();
        await page.GetByTestId("delegate-to").SelectOptionAsync("wakil.iby");
        await BrowserHost.ScreenshotAsync(page, "h18-inbox-delegate-1366x768");
        await page.GetByTestId("delegate-ok").ClickAsync();
        await Assertions.Expect(page.GetByTestId("inbox-status")).ToContainTextAsync("dialihkan ke wakil.iby");
        await Assertions.Expect(page.GetByTestId("inbox-range")).ToHaveTextAsync("1–46 dari 46");
        await Assertions.Expect(rows.Filter(new() { HasText = title! })).ToHaveCountAsync(0);
        await host.CloseAsync(page);
    }
}
