using System.Net.Http.Json;
using Microsoft.Playwright;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Web.Tests;

/// <summary>Issue 13: a unit head's inbox holds only their unit's tasks; another unit's task or case opens as "Tidak ditemukan".</summary>
[Collection(BrowserCollection.Name)]
public sealed class UnitScopeTests(BrowserHost host)
{
    private const string Password = "Kepala-Unit-2026";

    [Fact]
    public async Task A_unit_head_sees_only_their_units_tasks_and_not_another_units_task_or_case()
    {
        var api = new WorkflowApiClient(host.Client());
        await api.DeployAsync(WithCase(Chain("uji-konfirmasi-unit",
            UserTask("konfirmasi", "Konfirmasi kebutuhan formasi", candidateGroups: "unit-head")), "=unitCode", null));
        await using (var db = Npgsql.NpgsqlDataSource.Create(host.ConnectionString))
        await using (var units = db.CreateCommand("INSERT INTO pppk.units (code, name) VALUES ('DISDIK', 'Dinas Pendidikan'), ('DINKES', 'Dinas Kesehatan') ON CONFLICT DO NOTHING"))
            await units.ExecuteNonQueryAsync();
        (await api.Http.PostAsJsonAsync("/api/users", new
        {
            userName = "kepala.disdik", password = Password, fullName = "Kepala Dinas Pendidikan", unitCode = "DISDIK", roles = new[] { Roles.UnitHead },
        })).EnsureSuccessStatusCode();
        await api.StartAsync("uji-konfirmasi-unit", new { unitCode = "DISDIK" }, "KONFIRMASI-DISDIK-01");
        var other = await api.StartAsync("uji-konfirmasi-unit", new { unitCode = "DINKES" }, "KONFIRMASI-DINKES-01");
        var otherTask = (string)(await api.OpenTasksAsync((string)other["id"]!))[0]!["id"]!;

        var page = await host.SignedInPageAsync("kepala.disdik", Password, "/tugas");
        var rows = page.GetByTestId("task-row");
        await Assertions.Expect(rows.Filter(new() { HasText = "KONFIRMASI-DISDIK-01" })).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Filter(new() { HasText = "KONFIRMASI-DINKES-01" })).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(page, "46-unit-head-inbox-own-unit-only");

        // Opened by its address, the other unit's task and case do not exist for them.
        await page.GotoAsync($"/tugas/{otherTask}");
        await Assertions.Expect(page.GetByTestId("not-found")).ToContainTextAsync("Tidak ditemukan");
        await Assertions.Expect(page.GetByTestId("task-page")).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(page, "47-other-units-task-not-found");
        await page.GotoAsync($"/instans/{other["id"]}");
        await Assertions.Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await host.CloseAsync(page);
    }
}
