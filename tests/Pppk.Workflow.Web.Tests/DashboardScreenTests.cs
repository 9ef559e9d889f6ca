using Microsoft.Playwright;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Web.Tests;

/// <summary>Issue 19, the dashboard: every number opens the list it counts, units by name, durations, and empty charts in words.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardScreenTests(BrowserHost host)
{
    [Fact]
    public async Task The_overdue_card_and_a_units_number_open_the_inbox_filtered_and_incidents_link_to_their_screen()
    {
        var api = new WorkflowApiClient(host.Client());
        await using (var db = Npgsql.NpgsqlDataSource.Create(host.ConnectionString))
        await using (var seed = db.CreateCommand("INSERT INTO pppk.units (code, name) VALUES ('DISKOMINFO', 'Dinas Komunikasi dan Informatika') ON CONFLICT DO NOTHING"))
            await seed.ExecuteNonQueryAsync();
        await api.DeployAsync(WithCase(Chain("uji-dasbor-terlambat",
            UserTask("telaah", "Telaah berkas", extra: "<zeebe:taskSchedule dueDate=\"=date and time(&quot;2020-01-01T00:00:00Z&quot;)\"/>")), "=unitCode", null));
        await api.StartAsync("uji-dasbor-terlambat", new { unitCode = "DISKOMINFO" }, "TELAAH-01");
        // One completed task: the durations table has the step by its name.
        var done = await api.StartAsync("uji-dasbor-terlambat", new { unitCode = "DISKOMINFO" }, "TELAAH-02");
        (await api.CompleteAsync((string)(await api.OpenTasksAsync((string)done["id"]!))[0]!["id"]!)).EnsureSuccessStatusCode();

        var page = await host.SignedInPageAsync(path: "/dasbor");
        await page.GetByTestId("dashboard-durations").Locator("figure").First.WaitForAsync();
        await Assertions.Expect(page.GetByTestId("incidents-card")).ToHaveAttributeAsync("href", "/insiden");
        var unitLink = page.GetByTestId("numbers-units").GetByRole(AriaRole.Link, new() { Name = "Dinas Komunikasi dan Informatika: 1" });
        await Assertions.Expect(unitLink).ToHaveCountAsync(1);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserHost.ScreenshotAsync(page, "i19-dashboard-1366");
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserHost.ScreenshotAsync(page, "i19-dashboard-1920");
        await page.SetViewportSizeAsync(1366, 768);
        var step = page.GetByTestId("duration-step").Filter(new() { HasText = "Telaah berkas" });
        await Assertions.Expect(step).ToHaveCountAsync(1);
        await Assertions.Expect(step).ToContainTextAsync("menit");
        await Assertions.Expect(page.GetByTestId("duration-unit").Filter(new() { HasText = "Dinas Komunikasi dan Informatika" })).ToHaveCountAsync(1);
        await page.GetByTestId("durations").ScrollIntoViewIfNeededAsync();
        await BrowserHost.ScreenshotAsync(page, "i19-dashboard-durations-1366");
        await page.EvaluateAsync("window.scrollTo(0, 0)");

        await page.GetByTestId("card-overdue").ClickAsync();
        await page.WaitForURLAsync("**/tugas?scope=all&due=overdue");
        await Assertions.Expect(page.GetByTestId("filter-due")).ToHaveValueAsync("overdue");
        await Assertions.Expect(page.GetByTestId("task-row").Filter(new() { HasText = "TELAAH-01" })).ToHaveCountAsync(1);

        await page.GoBackAsync();
        await unitLink.ClickAsync();
        await page.WaitForURLAsync("**/tugas?scope=all&unit=DISKOMINFO&due=overdue");
        await Assertions.Expect(page.GetByTestId("filter-unit")).ToHaveValueAsync("DISKOMINFO");
        var rows = page.GetByTestId("task-row");
        await Assertions.Expect(rows.Filter(new() { HasText = "TELAAH-01" })).ToHaveCountAsync(1);
        Assert.Equal(await rows.CountAsync(), await rows.Filter(new() { HasText = "Dinas Komunikasi dan Informatika" }).CountAsync());
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task Charts_and_duration_tables_with_nothing_to_show_say_so_in_words()
    {
        var page = await host.NewPageAsync();
        // The same answers as a fresh installation's: no cases, no tasks, no contracts, no completed work.
        await page.RouteAsync("**/api/dashboard/summary", r => r.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "application/json",
            Body = """
                {"instances":[],"tasks":[],"openTasks":0,"overdueTasks":0,"openIncidents":0,"tasksByUnit":[],
                 "contractsEnding":[{"month":"2026-12","count":0}],"renewalOutcomes":{"renewed":0,"ended":0,"inReview":0},
                 "selectionProgress":{"formations":0,"formationsRanked":0,"applicants":0,"ms":0,"tms":0,"scored":0,"passed":0},"at":"2026-12-07T01:00:00Z"}
                """,
        }));
        await page.RouteAsync("**/api/dashboard/durations", r => r.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "application/json",
            Body = """{"days":90,"steps":[],"units":[],"since":"2026-09-08T01:00:00Z","at":"2026-12-07T01:00:00Z"}""",
        }));
        await page.GotoAsync("/login?returnUrl=%2Fdasbor");
        await page.GetByLabel("Nama pengguna").FillAsync("admin");
        await page.GetByLabel("Kata sandi").FillAsync(TestHost.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.GetByTestId("dashboard").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("empty-instances")).ToHaveTextAsync("Belum ada kasus.");
        await Assertions.Expect(page.GetByTestId("empty-tasks")).ToHaveTextAsync("Tidak ada tugas terbuka.");
        await Assertions.Expect(page.GetByTestId("empty-units")).ToHaveTextAsync("Tidak ada tugas terlambat.");
        await Assertions.Expect(page.GetByTestId("empty-contracts")).ToContainTextAsync("Tidak ada kontrak");
        await Assertions.Expect(page.GetByTestId("empty-renewals")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("empty-selection")).ToHaveTextAsync("Belum ada pelamar.");
        await Assertions.Expect(page.GetByTestId("durations-steps-empty")).ToContainTextAsync("Belum ada tugas yang selesai dalam 90 hari terakhir.");
        await Assertions.Expect(page.Locator("canvas")).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(page, "i19-dashboard-empty-1366");
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserHost.ScreenshotAsync(page, "i19-dashboard-empty-1920");
        await host.CloseAsync(page);
    }
}
