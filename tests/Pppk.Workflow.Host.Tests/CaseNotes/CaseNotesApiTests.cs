using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using static Pppk.Workflow.Host.Tests.CaseNotes.CaseNotesHost;

namespace Pppk.Workflow.Host.Tests.CaseNotes;

/// <summary>
/// Comments and attachments on a case: written by staff who see the case, listed, downloaded with the stored hash; the
/// size limit, the sniffed type, who sees what, ended cases, and a task that requires an attachment.
/// </summary>
public sealed class CaseNotesApiTests(CaseNotesHost host) : IClassFixture<CaseNotesHost>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task A_comment_is_posted_from_a_task_and_listed_with_its_author_and_task()
    {
        var (instance, task) = await host.StartAsync();
        using var verifier = host.Client(VerifierKey);

        var posted = await JsonAsync(await verifier.PostAsJsonAsync($"/api/instances/{instance}/comments", new { text = "  Ijazah belum dilegalisir.  ", taskId = task }),
            HttpStatusCode.Created);
        await verifier.PostAsJsonAsync($"/api/instances/{instance}/comments", new { text = "Sudah dilengkapi pelamar." });
        var list = await JsonAsync(await verifier.GetAsync($"/api/instances/{instance}/comments"), HttpStatusCode.OK);

        Assert.Equal("Ijazah belum dilegalisir.", (string?)posted["text"]);
        Assert.Equal("verifier-tool", (string?)posted["author"]);
        Assert.Equal(task, (string?)posted["taskId"]);
        var items = list["items"]!.AsArray();
        Assert.Equal(["Ijazah belum dilegalisir.", "Sudah dilengkapi pelamar."], items.Select(c => (string?)c!["text"]));
        Assert.Null(items[1]!["taskId"]);
        Assert.NotNull(items[0]!["createdAt"]);
    }

    [Fact]
    public async Task A_comment_must_say_something_within_its_limit_and_name_a_task_of_its_case()
    {
        var (instance, _) = await host.StartAsync();
        var (_, otherTask) = await host.StartAsync();
        using var verifier = host.Client(VerifierKey);
        var url = $"/api/instances/{instance}/comments";

        var empty = await JsonAsync(await verifier.PostAsJsonAsync(url, new { text = "   " }), HttpStatusCode.BadRequest);
        var tooLong = await JsonAsync(await verifier.PostAsJsonAsync(url, new { text = new string('a', 4_001) }), HttpStatusCode.BadRequest);
        var nul = await JsonAsync(await verifier.PostAsJsonAsync(url, new { text = "a\0b" }), HttpStatusCode.BadRequest);
        var foreignTask = await JsonAsync(await verifier.PostAsJsonAsync(url, new { text = "x", taskId = otherTask }), HttpStatusCode.BadRequest);
        var list = await JsonAsync(await verifier.GetAsync(url), HttpStatusCode.OK);

        Assert.Equal("comment-text-required", (string?)empty["code"]);
        Assert.Equal(4_000, (int?)tooLong["limit"]);
        Assert.Equal("text", (string?)tooLong["field"]);
        Assert.Equal("text-nul", (string?)nul["code"]);
        Assert.Equal("case-notes-task-unknown", (string?)foreignTask["code"]);
        Assert.Empty(list["items"]!.AsArray());
    }

    [Fact]
    public async Task An_attachment_is_stored_with_its_sniffed_type_and_hash_and_downloaded_as_it_was()
    {
        var (instance, task) = await host.StartAsync();
        using var verifier = host.Client(VerifierKey);

        var stored = await JsonAsync(await verifier.PostAsync($"/api/instances/{instance}/attachments",
            File(Pdf, "C:\\Users\\verif\\Ijazah <asli>?.pdf", "text/html", task)), HttpStatusCode.Created);
        var list = await JsonAsync(await verifier.GetAsync($"/api/instances/{instance}/attachments"), HttpStatusCode.OK);
        var download = await verifier.GetAsync($"/api/attachments/{stored["id"]}");
        var bytes = await download.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/pdf", (string?)stored["contentType"]);
        Assert.Equal("Ijazah _asli__.pdf", (string?)stored["fileName"]);
        Assert.Equal(Pdf.Length, (long?)stored["size"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), (string?)stored["sha256"]);
        Assert.Equal("verifier-tool", (string?)stored["uploadedBy"]);
        Assert.Equal(task, (string?)stored["taskId"]);
        Assert.Equal((string?)stored["id"], (string?)list["items"]![0]!["id"]);
        Assert.Equal(AttachmentLimit, (long?)list["maxBytes"]);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), (string?)stored["sha256"]);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Ijazah _asli__.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        // The download is a read of the case's personal data: recorded with who and which file.
        using var admin = host.Client();
        var log = await JsonAsync(await admin.GetAsync($"/api/access-log?kind=attachment&recordId={stored["id"]}"), HttpStatusCode.OK);
        Assert.Equal("verifier-tool", (string?)log["items"]![0]!["user"]);
    }

    [Theory]
    [InlineData("surat.pdf", "MZ", "application/pdf", "attachment-type-refused", "application/x-msdownload")]
    [InlineData("foto.png", "%PDF-1.4\n", "image/png", "attachment-name-mismatch", "application/pdf")]
    [InlineData("data.xlsx", "PK-not-a-zip", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "attachment-type-refused", "application/octet-stream")]
    public async Task A_file_is_judged_by_its_bytes_not_by_its_name_or_claimed_type(string name, string start, string claimed, string code, string detected)
    {
        var (instance, _) = await host.StartAsync();
        using var verifier = host.Client(VerifierKey);
        var bytes = Encoding.ASCII.GetBytes(start).Concat(new byte[200].Select((_, i) => (byte)(i % 7 == 0 ? 0 : 0x90))).ToArray();

        var refused = await JsonAsync(await verifier.PostAsync($"/api/instances/{instance}/attachments", File(bytes, name, claimed)), HttpStatusCode.UnsupportedMediaType);
        var list = await JsonAsync(await verifier.GetAsync($"/api/instances/{instance}/attachments"), HttpStatusCode.OK);

        Assert.Equal(code, (string?)refused["code"]);
        Assert.Equal(detected, (string?)refused["detectedType"]);
        Assert.Contains(detected, (string?)refused["title"]);
        Assert.Empty(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Office_files_and_text_are_recognised_from_their_content()
    {
        var (instance, _) = await host.StartAsync();
        using var verifier = host.Client(VerifierKey);
        using var docx = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(docx, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry("word/document.xml");
        }

        var word = await JsonAsync(await verifier.PostAsync($"/api/instances/{instance}/attachments", File(docx.ToArray(), "berita-acara.docx")), HttpStatusCode.Created);
        var csv = await JsonAsync(await verifier.PostAsync($"/api/instances/{instance}/attachments", File("nik;nama\n6401;Siti\n"u8.ToArray(), "daftar.csv")), HttpStatusCode.Created);
        var noName = await JsonAsync(await verifier.PostAsync($"/api/instances/{instance}/attachments", File("catatan"u8.ToArray(), "catatan")), HttpStatusCode.Created);

        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (string?)word["contentType"]);
        Assert.Equal("text/csv", (string?)csv["contentType"]);
        Assert.Equal(("text/plain", "catatan.txt"), ((string?)noName["contentType"], (string?)noName["fileName"]));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_before_it_is_read()
    {
        var (instance, _) = await host.StartAsync();
        using var verifier = host.Client(VerifierKey);
        var content = new CountingContent(5L * 1024 * 1024);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=----grens");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/instances/{instance}/attachments") { Content = content };
        request.Headers.ExpectContinue = true;

        var refused = await JsonAsync(await verifier.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("body-too-large", (string?)refused["code"]);
        Assert.Equal(AttachmentLimit + 16 * 1024, (long?)refused["limit"]);
        Assert.True(content.Sent < content.Length / 2, $"{content.Sent} of {content.Length} bytes were sent before the answer");
    }

    [Fact]
    public async Task A_file_over_the_attachment_limit_names_the_limit()
    {
        var (instance, _) = await host.StartAsync();
        using var verifier = host.Client(VerifierKey);
        var bytes = Pdf.Concat(new byte[AttachmentLimit]).ToArray();

        var refused = await JsonAsync(await verifier.PostAsync($"/api/instances/{instance}/attachments", File(bytes, "besar.pdf")), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("attachment-too-large", (string?)refused["code"]);
        Assert.Equal(AttachmentLimit, (long?)refused["limit"]);
        Assert.Contains("64 KB", (string?)refused["title"]);
    }

    [Fact]
    public async Task Who_may_not_see_the_case_gets_404_for_every_call_and_a_reading_role_may_not_write()
    {
        var (instance, _) = await host.StartAsync();
        using var verifier = host.Client(VerifierKey);
        var attachment = await JsonAsync(await verifier.PostAsync($"/api/instances/{instance}/attachments", File(Pdf, "a.pdf")), HttpStatusCode.Created);
        await JsonAsync(await verifier.PostAsJsonAsync($"/api/instances/{instance}/comments", new { text = "rahasia" }), HttpStatusCode.Created);
        using var ppk = host.Client(PpkKey);

        Assert.Equal(HttpStatusCode.NotFound, (await ppk.GetAsync($"/api/instances/{instance}/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ppk.GetAsync($"/api/instances/{instance}/attachments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ppk.PostAsJsonAsync($"/api/instances/{instance}/comments", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ppk.PostAsync($"/api/instances/{instance}/attachments", File(Pdf, "b.pdf"))).StatusCode);
        var download = await ppk.GetAsync($"/api/attachments/{attachment["id"]}");
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.DoesNotContain("%PDF", await download.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await verifier.GetAsync($"/api/attachments/{Guid.NewGuid()}")).StatusCode);

        using var admin = host.Client();
        var comments = await JsonAsync(await admin.GetAsync($"/api/instances/{instance}/comments"), HttpStatusCode.OK);
        Assert.Single(comments["items"]!.AsArray());
    }

    [Fact]
    public async Task A_task_requiring_an_attachment_is_completed_only_once_one_is_uploaded_and_the_ended_case_is_read_only()
    {
        var (instance, task) = await host.StartAsync();
        using var verifier = host.Client(VerifierKey);
        verifier.DefaultRequestHeaders.AcceptLanguage.ParseAdd("id");

        var before = await JsonAsync(await verifier.GetAsync($"/api/tasks/{task}/attachment-requirement"), HttpStatusCode.OK);
        var refused = await JsonAsync(await verifier.PostAsJsonAsync($"/api/tasks/{task}/complete", new { variables = new { } }), HttpStatusCode.Conflict);
        await JsonAsync(await verifier.PostAsync($"/api/instances/{instance}/attachments", File(Pdf, "hasil-verifikasi.pdf")), HttpStatusCode.Created);
        var after = await JsonAsync(await verifier.GetAsync($"/api/tasks/{task}/attachment-requirement"), HttpStatusCode.OK);
        var done = await JsonAsync(await verifier.PostAsJsonAsync($"/api/tasks/{task}/complete", new { variables = new { } }), HttpStatusCode.OK);

        Assert.Equal((true, false), ((bool)before["required"]!, (bool)before["met"]!));
        Assert.Equal("task-attachment-required", (string?)refused["code"]);
        Assert.StartsWith("Tugas ini memerlukan lampiran", (string?)refused["title"]);
        Assert.Equal((true, true), ((bool)after["required"]!, (bool)after["met"]!));
        Assert.Equal("completed", (string?)done["state"]);

        // The case has ended: what it holds is read, nothing is added.
        var comment = await JsonAsync(await verifier.PostAsJsonAsync($"/api/instances/{instance}/comments", new { text = "terlambat" }), HttpStatusCode.Conflict);
        var upload = await verifier.PostAsync($"/api/instances/{instance}/attachments", File(Pdf, "terlambat.pdf"));
        var list = await JsonAsync(await verifier.GetAsync($"/api/instances/{instance}/attachments"), HttpStatusCode.OK);
        Assert.Equal("case-notes-case-ended", (string?)comment["code"]);
        Assert.Contains("selesai", (string?)comment["title"]);
        Assert.Equal(HttpStatusCode.Conflict, upload.StatusCode);
        Assert.Single(list["items"]!.AsArray());
    }

    [Fact]
    public async Task A_machine_employee_who_is_nobodys_subject_sees_nothing_and_hr_admin_writes()
    {
        var (instance, _) = await host.StartAsync();
        using var employee = host.Client(EmployeeKey);
        using var admin = host.Client();

        // The machine client is nobody's subject, so the case is not theirs to see at all; hr-admin sees and writes.
        Assert.Equal(HttpStatusCode.NotFound, (await employee.PostAsJsonAsync($"/api/instances/{instance}/comments", new { text = "x" })).StatusCode);
        await JsonAsync(await admin.PostAsJsonAsync($"/api/instances/{instance}/comments", new { text = "Catatan hr-admin" }), HttpStatusCode.Created);
    }

    /// <summary>A body of the given length, produced only as it is sent, counting what was.</summary>
    private sealed class CountingContent(long length) : HttpContent
    {
        public long Length => length;

        public long Sent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var buffer = new byte[64 * 1024];
            while (Sent < length)
            {
                var n = (int)Math.Min(buffer.Length, length - Sent);
                await stream.WriteAsync(buffer.AsMemory(0, n));
                Sent += n;
            }
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return true;
        }
    }
}
