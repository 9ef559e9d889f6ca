using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class InboxAndViewerTests(BrowserHost host)
{
    [Fact]
    public async Task A_verifier_opens_a_task_from_the_inbox_fills_its_form_completes_it_and_the_instance_moves_on()
    {
        var instance = await host.StartInstanceAsync("uji-verifikasi", "REG-2026-001");
        var instanceId = instance["id"]!.ToString();

        var page = await host.SignedInPageAsync(BrowserHost.VerifierName, BrowserHost.VerifierPassword);
        var row = page.GetByTestId("task-row").Filter(new() { HasText = "REG-2026-001" });
        await Assertions.Expect(row).ToContainTextAsync("Periksa berkas");
        await Assertions.Expect(row).ToContainTextAsync("WITA");
        await Assertions.Expect(row).ToContainTextAsync("Verifikator");
        await BrowserHost.ScreenshotAsync(page, "09-inbox-verifier");

        await row.GetByRole(AriaRole.Link, new() { Name = "Buka" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("business-key")).ToHaveTextAsync("REG-2026-001");
        await Assertions.Expect(page.GetByTestId("case-facts")).ToContainTextAsync("Siti Rahma");
        await page.GetByTestId("claim").ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-facts")).ToContainTextAsync(BrowserHost.VerifierName);

        // The required note is checked by the form before anything is sent.
        await page.GetByTestId("complete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-status")).ToContainTextAsync("Periksa isian formulir");
        // form-js's own validation message, in Indonesian on the field.
        await Assertions.Expect(page.Locator("[data-testid=task-form] .fjs-form-field-error").First).ToContainTextAsync("Wajib diisi.");
        await Assertions.Expect(page.GetByTestId("task-form")).Not.ToContainTextAsync("Field is required");

        await page.GetByLabel("Berkas lengkap").CheckAsync();
        await page.GetByLabel("Catatan verifikator").FillAsync("Ijazah dan STR sesuai.");
        await BrowserHost.ScreenshotAsync(page, "10-task-form-filled");
        await page.GetByTestId("complete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-status")).ToContainTextAsync("Tugas selesai");

        var after = await host.GetAsync($"/api/instances/{instanceId}");
        Assert.Equal("completed", after["status"]!.ToString());
        Assert.True((bool)after["variables"]!["lengkap"]!);
        Assert.Equal("Ijazah dan STR sesuai.", after["variables"]!["catatan"]!.ToString());
        var history = await host.GetAsync($"/api/instances/{instanceId}/history");
        Assert.Contains(history["items"]!.AsArray(), h => h!["elementId"]!.ToString() == "Memenuhi_syarat");
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task The_viewer_shows_the_instance_version_with_the_active_element_highlighted_and_the_path_taken()
    {
        var instance = await host.StartInstanceAsync("uji-verifikasi", "REG-2026-002");
        var page = await host.SignedInPageAsync(path: $"/instans/{instance["id"]}");
        var diagram = page.GetByTestId("instance-diagram");
        await Assertions.Expect(diagram.Locator(".djs-element.pppk-active[data-element-id='Periksa_berkas']")).ToHaveCountAsync(1);
        await Assertions.Expect(diagram.Locator(".djs-element.pppk-taken[data-element-id='Mulai']")).ToHaveCountAsync(1);
        await Assertions.Expect(diagram.Locator(".djs-element.pppk-taken[data-element-id='Flow_1']")).ToHaveCountAsync(1);
        await Assertions.Expect(diagram.Locator(".djs-element.pppk-active[data-element-id='Lengkap']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Periksa berkas");
        await Assertions.Expect(page.GetByTestId("instance-status")).ToContainTextAsync("Aktif");
        await Assertions.Expect(page.GetByTestId("cancel-form")).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(page, "11-instance-viewer-active-element");

        await page.GetByLabel("Alasan").FillAsync("Pelamar mengundurkan diri");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Batalkan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("instance-status")).ToContainTextAsync("Dibatalkan");
        await BrowserHost.ScreenshotAsync(page, "12-instance-viewer-cancelled");
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task Hr_admin_sees_an_incident_on_its_element_fixes_the_variable_and_retries_it()
    {
        var instance = await host.StartInstanceAsync("uji-insiden", "REG-2026-003", nilai: 120);
        var page = await host.SignedInPageAsync(path: $"/instans/{instance["id"]}");
        var incidents = page.GetByTestId("incidents");
        await Assertions.Expect(incidents).ToContainTextAsync("Cek_nilai");
        await Assertions.Expect(incidents).ToContainTextAsync("Tidak ada kondisi pada alur keluar dari 'Cek_nilai' yang bernilai benar dan tidak ada alur bawaan");
        await Assertions.Expect(page.GetByTestId("instance-diagram").Locator(".djs-element.pppk-incident[data-element-id='Cek_nilai']")).ToHaveCountAsync(1);
        await BrowserHost.ScreenshotAsync(page, "14-instance-viewer-incident");

        var variables = page.GetByTestId("variable-form");
        await variables.GetByLabel("Nama").FillAsync("nilai");
        await variables.GetByLabel("Nilai (JSON)").FillAsync("350");
        await variables.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.vars")).ToContainTextAsync("350");
        await page.GetByTestId("retry").ClickAsync();
        await Assertions.Expect(page.GetByTestId("instance-status")).ToContainTextAsync("Selesai");
        await Assertions.Expect(incidents).ToContainTextAsync("Tidak ada insiden terbuka");
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task The_inbox_marks_overdue_tasks_and_filters_by_workflow_and_due_date()
    {
        await host.StartInstanceAsync("uji-terlambat", "REG-2026-004");
        await host.StartInstanceAsync("uji-verifikasi", "REG-2026-005");
        var page = await host.SignedInPageAsync(BrowserHost.VerifierName, BrowserHost.VerifierPassword);
        var rows = page.GetByTestId("task-row");
        var late = rows.Filter(new() { HasText = "REG-2026-004" });
        await Assertions.Expect(late.GetByTestId("overdue")).ToHaveTextAsync("Terlambat");
        await Assertions.Expect(rows.Filter(new() { HasText = "REG-2026-005" }).GetByTestId("overdue")).ToHaveCountAsync(0);

        await page.GetByTestId("filter-due").SelectOptionAsync("overdue");
        await Assertions.Expect(rows.Filter(new() { HasText = "REG-2026-005" })).ToHaveCountAsync(0);
        await Assertions.Expect(late).ToHaveCountAsync(1);
        await BrowserHost.ScreenshotAsync(page, "15-inbox-overdue-filter");

        await page.GetByTestId("filter-due").SelectOptionAsync("all");
        await page.GetByTestId("filter-workflow").SelectOptionAsync("uji-verifikasi");
        await Assertions.Expect(late).ToHaveCountAsync(0);
        await Assertions.Expect(rows.Filter(new() { HasText = "REG-2026-005" })).ToHaveCountAsync(1);
        await host.CloseAsync(page);
    }

    [Fact]
    public async Task The_inbox_shows_each_tasks_priority_and_sorts_by_it()
    {
        await host.StartInstanceAsync("uji-terlambat", "REG-2026-020");
        await host.StartInstanceAsync("uji-verifikasi", "REG-2026-021");
        var page = await host.SignedInPageAsync(BrowserHost.VerifierName, BrowserHost.VerifierPassword);
        var rows = page.GetByTestId("task-row");
        await Assertions.Expect(rows.Filter(new() { HasText = "REG-2026-020" }).GetByTestId("priority")).ToHaveTextAsync("Rendah (10)");
        await Assertions.Expect(rows.Filter(new() { HasText = "REG-2026-021" }).GetByTestId("priority")).ToHaveTextAsync("Sedang (50)");
        await Assertions.Expect(rows.First).ToContainTextAsync("Jawab sanggah"); // by due date: the overdue, low-priority task first

        await page.GetByTestId("sort").SelectOptionAsync("priority");
        await Assertions.Expect(rows.First).ToContainTextAsync("Periksa berkas");
        await Assertions.Expect(rows.Last).ToContainTextAsync("Jawab sanggah");
        await BrowserHost.ScreenshotAsync(page, "16-inbox-by-priority");
        await host.CloseAsync(page);
    }
}
