using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests;

/// <summary>Templat email: the admin finds a template, edits its subject with a live preview, saves a version, is asked before leaving unsaved work, restores the shipped one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EmailTemplateEditorTests(BrowserHost host)
{
    [Fact]
    public async Task An_email_template_is_edited_previewed_saved_as_a_version_and_restored()
    {
        var page = await host.SignedInPageAsync(path: "/dasbor");
        await page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "Templat email", Exact = true }).ClickAsync();
        await page.GetByTestId("template-search").FillAsync("evaluasi");
        var row = page.GetByTestId("template-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Hasil penilaian kinerja");
        await page.GetByTestId("template-search").FillAsync("");
        await Assertions.Expect(page.GetByTestId("pager-info")).ToContainTextAsync("Halaman 1 dari 2");
        await Screenshots(page, "80-email-templates");

        await page.GetByTestId("template-search").FillAsync("evaluasi");
        await row.GetByRole(AriaRole.Link, new() { Name = "hasil-evaluasi" }).ClickAsync();
        // The samples are filled in for what the template reads, and the preview shows them.
        await Assertions.Expect(page.Locator("[data-var=predikat]")).ToHaveValueAsync("Baik");
        await Assertions.Expect(page.GetByTestId("preview-subject")).ToHaveTextAsync("Hasil Evaluasi Kinerja Tahunan 2026: Baik");
        await Assertions.Expect(page.FrameLocator("[data-testid=preview-html]").Locator("body")).ToContainTextAsync("Drs. Ahmad Yani, M.Pd.");

        await page.GetByTestId("part-subject").FillAsync("Hasil penilaian kinerja {{ nama }} periode {{ periode }}");
        await Assertions.Expect(page.GetByTestId("preview-subject")).ToHaveTextAsync("Hasil penilaian kinerja Siti Aminah, S.Pd. periode Tahunan 2026");
        await page.Locator("[data-var=nama]").FillAsync("Budi Santoso");
        await Assertions.Expect(page.GetByTestId("preview-subject")).ToHaveTextAsync("Hasil penilaian kinerja Budi Santoso periode Tahunan 2026");

        // A filter that does not exist: named with its part and line, in the preview and when saving.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Teks" }).ClickAsync();
        var text = await page.GetByTestId("part-text").InputValueAsync();
        await page.GetByTestId("part-text").FillAsync("Yth. {{ nama }},\n{{ predikat | huruf_besar }}\n" + text);
        await Assertions.Expect(page.GetByTestId("problems")).ToContainTextAsync("Teks, baris 2");
        await Assertions.Expect(page.GetByTestId("problems")).ToContainTextAsync("filter 'huruf_besar'");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("Templat tidak disimpan");
        await page.GetByTestId("part-text").FillAsync(text);
        await Assertions.Expect(page.GetByTestId("problems")).ToBeEmptyAsync();

        await page.GetByTestId("comment").FillAsync("Subjek memuat nama pegawai");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("Tersimpan sebagai versi 2");
        await Assertions.Expect(page.GetByTestId("current-version")).ToHaveTextAsync("Versi 2");
        var versions = page.GetByTestId("version-row");
        await Assertions.Expect(versions).ToHaveCountAsync(2);
        await Assertions.Expect(versions.First).ToContainTextAsync("Administrator BKPSDM");
        await Assertions.Expect(versions.First).ToContainTextAsync("Subjek memuat nama pegawai");
        await Assertions.Expect(versions.First).ToContainTextAsync("WITA");
        await Assertions.Expect(versions.Last).ToContainTextAsync("Templat bawaan");
        await Screenshots(page, "81-email-template-editor");
        Assert.Equal("Hasil penilaian kinerja {{ nama }} periode {{ periode }}", (string?)(await host.GetAsync("/api/email-templates/hasil-evaluasi"))["subject"]);

        // Unsaved work: leaving asks first; "no" stays on the editor.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Subjek" }).ClickAsync();
        await page.GetByTestId("part-subject").FillAsync("Belum disimpan {{ nama }}");
        string? asked = null;
        async void Dismiss(object? _, IDialog d) { asked = d.Message; await d.DismissAsync(); }
        page.Dialog += Dismiss;
        await page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "Dasbor", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("email-template-editor")).ToBeVisibleAsync();
        Assert.Contains("belum disimpan", asked);
        page.Dialog -= Dismiss;

        // Restoring the shipped version is a new version with its content.
        async void Accept(object? _, IDialog d) => await d.AcceptAsync();
        page.Dialog += Accept;
        await page.GetByTestId("restore-1").ClickAsync();
        await Assertions.Expect(page.GetByTestId("current-version")).ToHaveTextAsync("Versi 3");
        await Assertions.Expect(page.GetByTestId("part-subject")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^Hasil Evaluasi Kinerja \{\{ periode \}\}: \{\{ predikat \}\}\s*$"));
        await Assertions.Expect(versions.First).ToContainTextAsync("Memulihkan versi 1");
        await page.GetByRole(AriaRole.Tab, new() { Name = "HTML" }).ClickAsync();
        await Screenshots(page, "82-email-template-restored");
        await host.CloseAsync(page);
    }

    private static async Task Screenshots(IPage page, string name)
    {
        await BrowserHost.ScreenshotAsync(page, name);
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserHost.ScreenshotAsync(page, $"{name}-1920");
        await page.SetViewportSizeAsync(1366, 768);
    }
}
