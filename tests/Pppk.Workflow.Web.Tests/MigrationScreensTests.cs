using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests;

/// <summary>Issue 17 in the browser: migrate running cases to a new version, the migrate dialog, move a token by right-click.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MigrationScreensTests(BrowserHost host)
{
    [Fact]
    public async Task Running_renewals_are_migrated_from_version_1_to_2_from_the_versions_list_and_the_operation_reaches_100_percent()
    {
        const string key = "uji-perpanjangan-massal";
        await DeployAsync(key);
        var ids = new List<string>();
        foreach (var n in new[] { 1, 2, 3 })
            ids.Add((await StartAsync(key, $"PPK-2026-10{n}"))["id"]!.ToString());
        await DeployAsync(key, xml => xml.Replace("Perpanjangan kontrak (uji)", "Perpanjangan kontrak (uji, SKB 2026)"));

        var page = await host.SignedInPageAsync(path: $"/desainer/{key}");
        var version1 = page.GetByTestId("version-list").Locator("li[data-version='1']");
        await version1.GetByTestId("migrate-running").ClickAsync();
        var dialog = page.GetByTestId("migrate-running-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("Migrasikan semua kasus berjalan versi 1 ke versi 2");
        await Assertions.Expect(dialog.GetByTestId("migrate-running-count")).ToContainTextAsync("3 kasus akan dimigrasikan");
        await Assertions.Expect(dialog.GetByTestId("plan-problems")).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(page, "70-migrate-running-dry-run");

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ya, migrasikan 3 kasus" }).ClickAsync();
        await page.WaitForURLAsync("**/operasi/*");
        await Assertions.Expect(page.GetByTestId("operation-title")).ToHaveTextAsync("Migrasi versi");
        await Assertions.Expect(page.GetByTestId("operation-percent")).ToHaveTextAsync("100%");
        await Assertions.Expect(page.GetByTestId("operation-state")).ToHaveTextAsync("Selesai");
        await Assertions.Expect(page.GetByTestId("operation-progress")).ToHaveAttributeAsync("aria-valuenow", "100");
        await Assertions.Expect(page.GetByTestId("operation-card")).ToContainTextAsync("3 dari 3 diproses");
        await Assertions.Expect(page.GetByTestId("operation-card")).ToContainTextAsync("Perpanjangan kontrak (uji, SKB 2026) · Migrasi kasus berjalan versi 1 ke versi 2");
        await BrowserHost.ScreenshotAsync(page, "71-operation-completed");
        foreach (var id in ids)
        {
            var instance = await host.GetAsync($"/api/instances/{id}");
            Assert.Equal(2, (int)instance["version"]!);
            Assert.Equal("Keputusan", instance["activeElementIds"]![0]!.ToString());
        }

        await page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "Operasi" }).ClickAsync();
        var row = page.GetByTestId("operation-row").First;
        await Assertions.Expect(row).ToContainTextAsync("Migrasi versi");
        await Assertions.Expect(row.GetByTestId("operation-percent")).ToHaveTextAsync("100%");
        await BrowserHost.ScreenshotAsync(page, "72-operations-list");
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task The_migrate_dialog_shows_both_versions_refuses_an_unmapped_task_and_migrates_once_it_is_mapped()
    {
        const string key = "uji-perpanjangan-dialog";
        await DeployAsync(key);
        var id = (await StartAsync(key, "PPK-2026-201"))["id"]!.ToString();
        // Version 2 renames the waiting task: nothing maps it implicitly.
        await DeployAsync(key, xml => xml.Replace("\"Keputusan\"", "\"Keputusan_ppk\"").Replace("Keputusan PPK", "Keputusan PPK (SKB 2026)"));

        var page = await host.SignedInPageAsync(path: $"/instans/{id}");
        await page.GetByTestId("open-migrate").ClickAsync();
        var dialog = page.GetByTestId("migrate-dialog");
        await Assertions.Expect(dialog.GetByTestId("migrate-target-version")).ToHaveTextAsync("2");
        await Assertions.Expect(dialog.GetByTestId("migrate-source-diagram").Locator(".djs-element.pppk-active[data-element-id='Keputusan']")).ToHaveCountAsync(1);
        await Assertions.Expect(dialog.GetByTestId("migrate-target-diagram").Locator("[data-element-id='Keputusan_ppk']")).ToHaveCountAsync(1);
        var mapping = dialog.GetByTestId("mapping-row");
        await Assertions.Expect(mapping).ToHaveCountAsync(1);
        await Assertions.Expect(mapping).ToContainTextAsync("Keputusan PPK");
        await Assertions.Expect(dialog.GetByTestId("plan-problems")).ToContainTextAsync("Keputusan PPK");
        await Assertions.Expect(dialog.GetByTestId("migrate-run")).ToBeDisabledAsync();
        await BrowserHost.ScreenshotAsync(page, "73-migrate-dialog-unmapped");

        await mapping.Locator("select").SelectOptionAsync("Keputusan_ppk");
        await Assertions.Expect(dialog.GetByTestId("plan-valid")).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByTestId("migrate-target-diagram").Locator(".djs-element.pppk-active[data-element-id='Keputusan_ppk']")).ToHaveCountAsync(1);
        await Assertions.Expect(dialog.GetByTestId("migrate-run")).ToBeEnabledAsync();
        await BrowserHost.ScreenshotAsync(page, "74-migrate-dialog-valid");
        await dialog.GetByTestId("migrate-run").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("migrate-result")).ToContainTextAsync("dari versi 1 ke versi 2");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Tutup" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("instance-diagram").Locator(".djs-element.pppk-active[data-element-id='Keputusan_ppk']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("versi 2");

        var instance = await host.GetAsync($"/api/instances/{id}");
        Assert.Equal(2, (int)instance["version"]!);
        Assert.Equal(["Keputusan_ppk"], instance["activeElementIds"]!.AsArray().Select(e => e!.ToString()));
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task Right_click_on_an_element_moves_the_token_there_after_saying_what_will_happen_and_a_refused_start_lists_its_problem()
    {
        const string key = "uji-perpanjangan-pindah";
        await DeployAsync(key);
        var id = (await StartAsync(key, "PPK-2026-301"))["id"]!.ToString();

        var page = await host.SignedInPageAsync(path: $"/instans/{id}");
        var diagram = page.GetByTestId("instance-diagram");
        await Assertions.Expect(diagram.Locator(".djs-element.pppk-active[data-element-id='Keputusan']")).ToHaveCountAsync(1);

        // A start event cannot be activated: the server's problem shows in the dialog, in Indonesian, and nothing changes.
        await diagram.Locator(".djs-element[data-element-id='Mulai']").ClickAsync(new() { Button = MouseButton.Right });
        await page.GetByTestId("modify-menu").GetByRole(AriaRole.Menuitem, new() { Name = "Mulai token di sini" }).ClickAsync();
        var refused = page.GetByTestId("modify-dialog");
        await Assertions.Expect(refused.GetByTestId("modify-summary")).ToContainTextAsync("Dimulai: Kontrak akan berakhir");
        await refused.GetByTestId("modify-run").ClickAsync();
        await Assertions.Expect(refused.GetByTestId("modify-result").Locator("li[data-code='modification-start-event']"))
            .ToContainTextAsync("adalah peristiwa mulai dan tidak dapat diaktifkan");
        await BrowserHost.ScreenshotAsync(page, "78-start-token-refused");
        await refused.GetByRole(AriaRole.Button, new() { Name = "Batal" }).ClickAsync();
        await Assertions.Expect(refused).ToHaveCountAsync(0);

        await diagram.Locator(".djs-element[data-element-id='Tanda_tangan']").ClickAsync(new() { Button = MouseButton.Right });
        var menu = page.GetByTestId("modify-menu");
        await Assertions.Expect(menu).ToContainTextAsync("Tanda tangan kontrak");
        await BrowserHost.ScreenshotAsync(page, "75-instance-right-click-menu");
        await menu.GetByRole(AriaRole.Menuitem, new() { Name = "Pindahkan token ke sini" }).ClickAsync();

        var dialog = page.GetByTestId("modify-dialog");
        var summary = dialog.GetByTestId("modify-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Dihentikan: Keputusan PPK");
        await Assertions.Expect(summary).ToContainTextAsync("Dimulai: Tanda tangan kontrak");
        await BrowserHost.ScreenshotAsync(page, "76-move-token-confirmation");
        await dialog.GetByTestId("modify-run").ClickAsync();

        await Assertions.Expect(diagram.Locator(".djs-element.pppk-active[data-element-id='Tanda_tangan']")).ToHaveCountAsync(1);
        await Assertions.Expect(diagram.Locator(".djs-element.pppk-active[data-element-id='Keputusan']")).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(page, "77-token-moved");
        var instance = await host.GetAsync($"/api/instances/{id}");
        Assert.Equal(["Tanda_tangan"], instance["activeElementIds"]!.AsArray().Select(e => e!.ToString()));
        var tasks = await host.GetAsync($"/api/tasks?instanceId={id}&state=open");
        Assert.Equal("Tanda_tangan", Assert.Single(tasks["items"]!.AsArray())!["elementId"]!.ToString());
        await host.CloseAsync(page);
    }

    private async Task DeployAsync(string key, Func<string, string>? change = null)
    {
        var xml = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "uji-perpanjangan.bpmn")))
            .Replace("\"uji-perpanjangan\"", $"\"{key}\"", StringComparison.Ordinal);
        using var api = host.Client();
        using var content = new StringContent(change?.Invoke(xml) ?? xml, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-File-Name", $"{key}.bpmn");
        var response = await api.PostAsync("/api/definitions", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonObject> StartAsync(string key, string businessKey)
    {
        using var api = host.Client();
        var response = await api.PostAsJsonAsync("/api/instances", new { definitionKey = key, businessKey });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
