using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests;

/// <summary>Who holds a task, in the inbox: "Lepaskan" gives it back; a task someone else holds is not completed here.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TaskHolderTests(BrowserHost host)
{
    [Fact]
    public async Task The_holder_releases_a_task_from_the_inbox_and_from_its_page()
    {
        var instance = await host.StartInstanceAsync("uji-verifikasi", "REG-2026-041");
        var taskId = await TaskIdAsync(instance["id"]!.ToString());
        using (var admin = host.Client())
            (await admin.PostAsJsonAsync($"/api/tasks/{taskId}/claim", new { assignee = BrowserHost.VerifierName })).EnsureSuccessStatusCode();

        var page = await host.SignedInPageAsync(BrowserHost.VerifierName, BrowserHost.VerifierPassword);
        var row = page.GetByTestId("task-row").Filter(new() { HasText = "REG-2026-041" });
        await Assertions.Expect(row).ToContainTextAsync("Saya");
        await BrowserHost.ScreenshotAsync(page, "17-inbox-task-held-lepaskan");
        await row.GetByTestId("unclaim").ClickAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Ambil" })).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByTestId("unclaim")).ToHaveCountAsync(0);
        Assert.Null((await host.GetAsync($"/api/tasks/{taskId}"))["task"]!["assignee"]);

        await row.GetByRole(AriaRole.Button, new() { Name = "Ambil" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("unclaim")).ToBeVisibleAsync();
        await page.GetByTestId("unclaim").ClickAsync();
        await Assertions.Expect(page.GetByTestId("claim")).ToBeVisibleAsync();
        Assert.Null((await host.GetAsync($"/api/tasks/{taskId}"))["task"]!["assignee"]);
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task Completing_a_task_someone_else_took_meanwhile_shows_why_in_Indonesian()
    {
        var instance = await host.StartInstanceAsync("uji-verifikasi", "REG-2026-042");
        var taskId = await TaskIdAsync(instance["id"]!.ToString());
        var page = await host.SignedInPageAsync(BrowserHost.VerifierName, BrowserHost.VerifierPassword, $"/tugas/{taskId}");
        await Assertions.Expect(page.GetByTestId("business-key")).ToHaveTextAsync("REG-2026-042");
        await page.GetByLabel("Berkas lengkap").CheckAsync();
        await page.GetByLabel("Catatan verifikator").FillAsync("Sudah lengkap.");

        // While the page is open, hr-admin gives the task to someone else.
        using (var admin = host.Client())
            (await admin.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { assignee = "admin" })).EnsureSuccessStatusCode();
        await page.GetByTestId("complete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-status"))
            .ToContainTextAsync("Tugas 'Periksa berkas' sedang dipegang oleh admin; hanya admin yang dapat menyelesaikannya.");
        await BrowserHost.ScreenshotAsync(page, "18-task-completion-refused");
        Assert.Equal("open", (await host.GetAsync($"/api/tasks/{taskId}"))["task"]!["state"]!.ToString());

        // Opened again, it is no longer theirs to see: a claimed task is seen by its holder (issue 13).
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("not-found")).ToContainTextAsync("Tidak ditemukan");
        await Assertions.Expect(page.GetByTestId("complete")).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(page, "19-task-held-by-another");
        await host.CloseAsync(page);

        // hr-admin, who sees every task, reads who holds it and is offered no completion.
        var adminPage = await host.SignedInPageAsync(path: $"/tugas/{taskId}");
        await Assertions.Expect(adminPage.GetByTestId("held-by")).ToHaveCountAsync(0);
        await Assertions.Expect(adminPage.GetByTestId("unclaim")).ToBeVisibleAsync();
        await host.CloseAsync(adminPage);
    }

    private async Task<string> TaskIdAsync(string instanceId) =>
        (await host.GetAsync($"/api/tasks?instanceId={instanceId}"))["items"]![0]!["id"]!.ToString();
}
