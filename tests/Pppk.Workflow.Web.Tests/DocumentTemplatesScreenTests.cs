using System.IO.Compression;
using System.Text;
using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests;

/// <summary>/templat-dokumen: hr-admin sees each kind's version in force, a template with an unknown placeholder is refused naming it in Indonesian, a new version is uploaded and an older one restored.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DocumentTemplatesScreenTests(BrowserHost host)
{
    private static async Task ScreenshotsAsync(IPage page, string name, string scrollTo = "h1")
    {
        await page.Locator(scrollTo).First.EvaluateAsync("e => e.scrollIntoView({ block: 'start' })");
        await BrowserHost.ScreenshotAsync(page, $"{name}-1366x768");
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserHost.ScreenshotAsync(page, $"{name}-1920x1080");
        await page.SetViewportSizeAsync(1366, 768);
    }

    /// <summary>The smallest Word file: one paragraph per line, as HR's own template would carry the text.</summary>
    private static FilePayload Docx(string name, params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            Add("word/document.xml", """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"""
                + string.Concat(paragraphs.Select(p => $"<w:p><w:r><w:t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(p)}</w:t></w:r></w:p>"))
                + "</w:body></w:document>");
        }
        return new FilePayload { Name = name, MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer = stream.ToArray() };
    }

    [Fact]
    public async Task Hr_admin_uploads_a_new_version_is_told_an_unknown_placeholder_and_restores_the_built_in_one()
    {
        var page = await host.SignedInPageAsync(path: "/dasbor");
        await page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "Templat dokumen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("template-row")).ToHaveCountAsync(8);
        await Assertions.Expect(page.GetByTestId("template-list")).ToContainTextAsync("Pengumuman Hasil Seleksi PPPK");

        var row = page.Locator("[data-testid=template-row][data-kind=sk-perpanjangan]");
        await row.GetByRole(AriaRole.Button).ClickAsync();
        var detail = page.GetByTestId("template-detail");
        await Assertions.Expect(detail.Locator("h2")).ToContainTextAsync("Keputusan Perpanjangan Perjanjian Kerja PPPK");
        await Assertions.Expect(page.GetByTestId("template-placeholders")).ToContainTextAsync("{{tanggal_akhir_kontrak_sebelumnya}}");
        await Assertions.Expect(page.GetByTestId("template-preview")).ToHaveAttributeAsync("href", "/api/document-templates/sk-perpanjangan/preview");
        await ScreenshotsAsync(page, "i22-document-templates");

        // A placeholder the kind does not know is refused, named, in Indonesian; nothing is stored.
        await page.GetByTestId("template-file").SetInputFilesAsync(Docx("sk-perpanjangan-salah.docx", "SK PERPANJANGAN {{nomor_sk}}", "{{nama}} lahir di {{tempat_lahir}}"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah versi baru" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("template-message")).ToContainTextAsync("Templat ditolak: Templat memuat isian yang tidak dikenal: tempat_lahir");
        await Assertions.Expect(row.GetByTestId("template-version")).ToHaveTextAsync("Versi 1");
        await ScreenshotsAsync(page, "i22-document-templates-refused", "[data-testid=template-detail]");

        await page.GetByTestId("template-file").SetInputFilesAsync(Docx("sk-perpanjangan-2027.docx", "SK PERPANJANGAN {{nomor_sk}}", "{{nama}} NI PPPK {{ni_pppk}} sampai {{tanggal_akhir_kontrak}}"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah versi baru" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("template-message")).ToContainTextAsync("Versi 2 tersimpan");
        await Assertions.Expect(row.GetByTestId("template-version")).ToHaveTextAsync("Versi 2");
        await Assertions.Expect(page.GetByTestId("version-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("version-row").First).ToContainTextAsync("sk-perpanjangan-2027.docx");
        await Assertions.Expect(page.GetByTestId("version-row").First).ToContainTextAsync("WITA");
        await ScreenshotsAsync(page, "i22-document-templates-uploaded", "[data-testid=template-detail]");

        await page.Locator("[data-testid=version-row][data-version='1']").GetByTestId("version-restore").ClickAsync();
        // The app's own dialog asks first; cancelling restores nothing.
        var ask = page.GetByTestId("restore-dialog");
        await Assertions.Expect(ask).ToContainTextAsync("Pulihkan versi 1?");
        await ask.GetByTestId("restore-dialog-no").ClickAsync();
        await Assertions.Expect(ask).ToHaveCountAsync(0);
        await Assertions.Expect(row.GetByTestId("template-version")).ToHaveTextAsync("Versi 2");
        await page.Locator("[data-testid=version-row][data-version='1']").GetByTestId("version-restore").ClickAsync();
        await ScreenshotsAsync(page, "i22-document-templates-restore");
        await ask.GetByTestId("restore-dialog-yes").ClickAsync();
        await Assertions.Expect(page.GetByTestId("template-message")).ToContainTextAsync("Versi 1 dipulihkan sebagai versi 3");
        await Assertions.Expect(row.GetByTestId("template-version")).ToHaveTextAsync("Versi 3");
        await Assertions.Expect(page.GetByTestId("version-row").First).ToContainTextAsync("Dipulihkan dari versi 1");
        await host.CloseAsync(page);
    }
}
