using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;

namespace Pppk.Workflow.Web.Tests;

/// <summary>
/// Comments and attachments on a case from the task page (a task that requires an attachment refuses completion
/// until one is there), and both appearing in the instance viewer's timeline among the history entries.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseNotesTests(BrowserHost host)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>uji-verifikasi's diagram and form, as "uji-lampiran" whose task "Periksa berkas" requires an attachment.</summary>
    private async Task DeployRequiringAttachmentAsync()
    {
        var xml = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "uji-verifikasi.bpmn")))
            .Replace("id=\"uji-verifikasi\" name=\"Uji verifikasi berkas\"", "id=\"uji-lampiran\" name=\"Uji lampiran wajib\"", StringComparison.Ordinal)
            .Replace("<zeebe:formDefinition formId=\"periksa-berkas\" />",
                "<zeebe:formDefinition formId=\"periksa-berkas\" /><zeebe:taskHeaders><zeebe:header key=\"requiresAttachment\" value=\"true\" /></zeebe:taskHeaders>", StringComparison.Ordinal);
        using var api = host.Client();
        var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-File-Name", "uji-lampiran.bpmn");
        var response = await api.PostAsync("/api/definitions", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task ScreenshotsAsync(IPage page, string name)
    {
        await BrowserHost.ScreenshotAsync(page, $"{name}-1366");
        await page.SetViewportSizeAsync(1920, 1080);
        await BrowserHost.ScreenshotAsync(page, $"{name}-1920");
        await page.SetViewportSizeAsync(1366, 768);
    }

    [Fact]
    public async Task A_comment_and_an_attachment_written_on_the_task_page_appear_in_the_viewers_timeline()
    {
        await DeployRequiringAttachmentAsync();
        using var api = host.Client();
        var started = await (await api.PostAsJsonAsync("/api/instances", new { definitionKey = "uji-lampiran", businessKey = "REG-2026-LAMP", variables = new { namaPelamar = "Siti Rahma" } }))
            .Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        var instanceId = (string)started!["id"]!;
        var taskId = (string)(await host.GetAsync($"/api/tasks?instanceId={instanceId}"))["items"]![0]!["id"]!;

        var page = await host.SignedInPageAsync(BrowserHost.VerifierName, BrowserHost.VerifierPassword, $"/tugas/{taskId}");
        var notes = page.GetByTestId("case-notes");
        await Assertions.Expect(page.GetByTestId("attachment-requirement")).ToContainTextAsync("Tugas ini memerlukan lampiran");
        await Assertions.Expect(notes.GetByTestId("upload-limit")).ToContainTextAsync("Maks. 10 MB");
        await page.GetByTestId("claim").ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-facts")).ToContainTextAsync(BrowserHost.VerifierName);
        await page.GetByLabel("Berkas lengkap").CheckAsync();
        await page.GetByLabel("Catatan verifikator").FillAsync("Ijazah dan STR sesuai.");

        // Without an attachment the task is refused, with the rule named.
        await page.GetByTestId("complete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-status")).ToContainTextAsync("Tugas ini memerlukan lampiran");

        await notes.GetByTestId("comment-text").FillAsync("Legalisir ijazah sudah diperiksa dengan aslinya.");
        await notes.GetByTestId("comment-submit").ClickAsync();
        await Assertions.Expect(notes.GetByTestId("note-comment")).ToContainTextAsync("Legalisir ijazah sudah diperiksa dengan aslinya.");
        await Assertions.Expect(notes.GetByTestId("note-comment")).ToContainTextAsync("Verifikator Satu");
        await Assertions.Expect(notes.GetByTestId("note-comment")).ToContainTextAsync("WITA");

        await notes.GetByTestId("upload-file").SetInputFilesAsync(new FilePayload { Name = "berita-acara-verifikasi.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await Assertions.Expect(notes.GetByTestId("upload-name")).ToContainTextAsync("berita-acara-verifikasi.pdf");
        await notes.GetByTestId("upload-submit").ClickAsync();
        var attachment = notes.GetByTestId("note-attachment");
        await Assertions.Expect(attachment).ToContainTextAsync("berita-acara-verifikasi.pdf");
        await Assertions.Expect(attachment).ToContainTextAsync($"{Pdf.Length} byte");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf));
        await Assertions.Expect(attachment.GetByTestId("attachment-sha")).ToHaveAttributeAsync("title", sha);
        await Assertions.Expect(attachment.GetByTestId("attachment-sha")).ToHaveTextAsync(sha[..12] + "…");
        await Assertions.Expect(page.GetByTestId("attachment-requirement")).ToContainTextAsync("sudah ada lampiran");
        await ScreenshotsAsync(page, "case-notes-task-page");

        // The link downloads exactly the stored file.
        var download = await page.RunAndWaitForDownloadAsync(() => attachment.GetByTestId("attachment-link").ClickAsync());
        Assert.Equal("berita-acara-verifikasi.pdf", download.SuggestedFilename);
        Assert.Equal(Pdf, await File.ReadAllBytesAsync((await download.PathAsync())!));

        await page.GetByTestId("complete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-status")).ToContainTextAsync("Tugas selesai");
        await new Pppk.Workflow.Testing.WorkflowApiClient(api).WaitForStatusAsync(instanceId, "completed");

        // The viewer's timeline: the start, then the task, with the comment and the file (written while it was open) after the task's start.
        await page.GotoAsync($"/instans/{instanceId}");
        var timeline = page.GetByTestId("timeline");
        await Assertions.Expect(timeline.GetByTestId("note-attachment")).ToContainTextAsync("berita-acara-verifikasi.pdf");
        var entries = await timeline.Locator(":scope > li").AllInnerTextsAsync();
        var task = entries.ToList().FindIndex(e => e.Contains("Periksa berkas", StringComparison.Ordinal));
        var comment = entries.ToList().FindIndex(e => e.Contains("Legalisir ijazah", StringComparison.Ordinal));
        var file = entries.ToList().FindIndex(e => e.Contains("berita-acara-verifikasi.pdf", StringComparison.Ordinal));
        Assert.True(task >= 0 && task < comment && comment < file, string.Join(" | ", entries));
        Assert.Contains("Verifikator Satu", entries[comment], StringComparison.Ordinal);
        // The case has ended: nothing more is written to it.
        await Assertions.Expect(page.GetByTestId("notes-write")).ToHaveCountAsync(0);
        await ScreenshotsAsync(page, "case-notes-timeline");
        await host.CloseAsync(page);
    }
}
