using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.Json.Nodes;
using MimeKit;
using Pppk.Workflow.Domain.Documents.Signing;
using Pppk.Workflow.Domain.Tests.Documents;

namespace Pppk.Workflow.Domain.Tests.EndToEnd;

/// <summary>
/// penerbitan-sk with seed-like data: the PPK reads the drafts, signs; the SK is numbered and signed in that step (the
/// number on the signed PDF, the signature valid for .NET's CMS check), the SPMT follows, and the employee's email carries the
/// signed PDFs. Then who may download them: the employee their own, nobody else's; another unit's staff nothing.
/// </summary>
public sealed class SigningEndToEndTests(PppkEndToEndHost host) : IClassFixture<PppkEndToEndHost>
{
    private readonly Scenario _s = new(host);

    private const string Nik = "6402011505900007";
    private const string OtherNik = "6402012006910008";

    [Fact]
    public async Task The_PPK_signs_the_SK_in_the_signing_step_and_the_employee_gets_the_signed_PDFs()
    {
        var ppk = await _s.PersonAsync("ppk.ttd", "ppk");
        await _s.ImportAsync("formations", "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\nF-TTD-01,Perawat Ahli Pertama,DINKES,Dinas Kesehatan,nakes,2,2025,1\n");
        await _s.ImportAsync("applicants", "no_peserta,nik,nama,email,tanggal_lahir,kode_formasi,kategori_prioritas\n" +
            $"25-7001,{Nik},Rahmawati Nur,rahmawati@contoh.id,1990-05-15,F-TTD-01,2\n25-7002,{OtherNik},Yusuf Hidayat,yusuf@contoh.id,1991-06-20,F-TTD-01,2\n");
        var id = await IssueUntilSigningAsync("25-7001", Nik, "Rahmawati Nur", "rahmawati@contoh.id", "199005152025212001");

        // The PPK's task: two drafts of the case, unnumbered, readable as PDF.
        var drafts = await DocumentsAsync(ppk, $"/api/instances/{id}/documents");
        Assert.Equal(["perjanjian-kerja", "sk"], drafts.Select(d => (string)d!["kind"]!).Order());
        Assert.All(drafts, d => Assert.Equal("draft", (string?)d!["state"]));
        var draftPdf = await (await ppk.GetAsync($"/api/documents/{drafts.First(d => (string?)d!["kind"] == "sk")!["id"]}")).Content.ReadAsByteArrayAsync();
        Assert.Contains("diberikan saat ditandatangani", PdfText.All(draftPdf), StringComparison.Ordinal);
        Assert.Null(PdfSignatureParts.Read(draftPdf));

        await _s.CompleteAsync(ppk, id, "tanda_tangan", new { skSigned = true });
        var signedCase = await _s.WaitForAsync(id, i => Scenario.At(i, "spmt"), "signed, waiting for the SPMT");
        var skNumber = (string)signedCase["variables"]!["skNumber"]!;
        var sk = (await DocumentsAsync(ppk, $"/api/instances/{id}/documents")).Single(d => (string?)d!["kind"] == "sk")!;
        Assert.Equal("signed", (string?)sk["state"]);
        Assert.Equal(skNumber, (string?)sk["number"]);

        var response = await ppk.GetAsync($"/api/documents/{sk["id"]}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".pdf", response.Content.Headers.ContentDisposition?.FileName ?? "", StringComparison.Ordinal);
        var signedPdf = await response.Content.ReadAsByteArrayAsync();
        var text = PdfText.All(signedPdf);
        Assert.Contains(skNumber, text, StringComparison.Ordinal);
        Assert.Contains("Rahmawati Nur", text, StringComparison.Ordinal);
        Assert.Contains("1 Maret 2025", text, StringComparison.Ordinal); // the TMT set before signing
        Assert.Equal((string?)sk["sha256"], Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(signedPdf)));
        var parts = PdfSignatureParts.Read(signedPdf)!.Value;
        var cms = new SignedCms(new ContentInfo(parts.SignedContent), detached: true);
        cms.Decode(parts.Cms);
        cms.CheckSignature(verifySignatureOnly: true);
        PdfText.Save("sk-ditandatangani-alur", signedPdf, pages: 1);
        var pk = (await DocumentsAsync(ppk, $"/api/instances/{id}/documents")).Single(d => (string?)d!["kind"] == "perjanjian-kerja")!;
        Assert.Equal(skNumber + "/PK", (string?)pk["number"]);
        PdfText.Save("perjanjian-kerja-ditandatangani-alur", await (await ppk.GetAsync($"/api/documents/{pk["id"]}")).Content.ReadAsByteArrayAsync(), pages: 2);

        // The SPMT, then the email with the three signed PDFs attached, once.
        await _s.CompleteAsync(_s.Admin, id, "spmt", new { spmtDate = "2025-03-03" });
        await _s.WaitForAsync(id, i => (string?)i["status"] == "completed", "the SK is sent");
        var mail = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes((await _s.EmailAsync("rahmawati@contoh.id", "SK Pengangkatan")).Data)));
        var attached = mail.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(3, attached.Count);
        Assert.All(attached, a => Assert.Equal("application/pdf", a.ContentType.MimeType));
        using var first = new MemoryStream();
        await attached.Single(a => (a.FileName ?? "").StartsWith("sk-", StringComparison.Ordinal)).Content!.DecodeToAsync(first);
        Assert.Equal(signedPdf, first.ToArray());
        Assert.Equal(1, _s.EmailsTo("rahmawati@contoh.id"));
        var all = await DocumentsAsync(ppk, $"/api/instances/{id}/documents");
        Assert.Equal(3, all.Count);
        Assert.All(all, d => Assert.Equal("signed", (string?)d!["state"]));
    }

    [Fact]
    public async Task Documents_are_seen_exactly_by_who_sees_the_case()
    {
        var ppk = await _s.PersonAsync("ppk.hak", "ppk");
        await _s.ImportAsync("formations", "kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\nF-HAK-01,Pranata Komputer Ahli Pertama,DISKOMINFO,Dinas Komunikasi dan Informatika,teknis,2,2025,1\n");
        await _s.ImportAsync("applicants", "no_peserta,nik,nama,email,tanggal_lahir,kode_formasi,kategori_prioritas\n" +
            "25-8001,6402010707900009,Fajar Ramadhan,fajar@contoh.id,1990-07-07,F-HAK-01,2\n25-8002,6402010808910010,Gita Permata,gita@contoh.id,1991-08-08,F-HAK-01,2\n");
        var id = await IssueUntilSigningAsync("25-8001", "6402010707900009", "Fajar Ramadhan", "fajar@contoh.id", "199007072025211001");
        await _s.CompleteAsync(ppk, id, "tanda_tangan", new { skSigned = true });
        await _s.WaitForAsync(id, i => Scenario.At(i, "spmt"), "signed");
        var sk = (await DocumentsAsync(_s.Admin, $"/api/instances/{id}/documents")).Single(d => (string?)d!["kind"] == "sk")!;
        var employeeId = (int)(await _s.InstanceAsync(id))["variables"]!["employeeId"]!;

        var own = await UserAsync("fajar", "employee", null, "6402010707900009");
        var other = await UserAsync("gita", "employee", null, "6402010808910010");
        var otherUnit = await _s.PersonAsync("kepala.dinsos", "unit-head", unitCode: "DINSOS");
        var ownUnit = await _s.PersonAsync("kepala.diskominfo", "unit-head", unitCode: "DISKOMINFO");

        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/api/documents/{sk["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownUnit.GetAsync($"/api/documents/{sk["id"]}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/documents/{sk["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.GetAsync($"/api/documents/{sk["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.GetAsync($"/api/instances/{id}/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ownUnit.GetAsync($"/api/documents/{Guid.NewGuid()}")).StatusCode);

        var ownList = (await own.GetFromJsonAsync<JsonObject>($"/api/employees/{employeeId}/documents?pageSize=1"))!;
        Assert.Equal(2, (int)ownList["total"]!);
        Assert.Single(ownList["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/employees/{employeeId}/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.GetAsync($"/api/employees/{employeeId}/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await own.GetAsync($"/api/employees/{employeeId}/documents?pageSize=501")).StatusCode);

        // Each download and each person's list is in the access log.
        var log = (await _s.Admin.GetFromJsonAsync<JsonObject>("/api/access-log?nik=6402010707900009&pageSize=100"))!["items"]!.AsArray();
        Assert.Contains(log, e => (string?)e!["kind"] == "document" && (string?)e["user"] == "fajar" && (string?)e["recordId"] == (string?)sk["id"]);
        Assert.Contains(log, e => (string?)e!["kind"] == "employee-documents" && (string?)e["user"] == "fajar");
    }

    /// <summary>Starts penerbitan-sk for an imported applicant and takes it to the PPK's signing task (DRH, NI, TMT 1 Maret 2025).</summary>
    private async Task<string> IssueUntilSigningAsync(string reg, string nik, string name, string email, string ni)
    {
        var id = (string)(await _s.StartAsync("penerbitan-sk", new { registrationNumber = reg, nik, name, email }, reg))["id"]!;
        await _s.CompleteAsync(_s.Admin, id, "drh", new { drhReceivedDate = "2025-01-10" });
        await _s.WaitForAsync(id, i => Scenario.At(i, "ni_terbit"), "waiting for the NI");
        await _s.PublishAsync("ni-terbit", nik, new { niPppk = ni });
        await _s.CompleteAsync(_s.Admin, id, "perjanjian", new { tmt = "2025-03-01", termYears = 1 });
        await _s.TaskAsync(id, "tanda_tangan");
        return id;
    }

    private async Task<HttpClient> UserAsync(string userName, string role, string? unitCode, string? employeeNik)
    {
        var created = await _s.Admin.PostAsJsonAsync("/api/users", new { userName, password = "Rahasia-2026!", fullName = userName, email = $"{userName}@contoh.id", unitCode, employeeNik, roles = new[] { role } });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return await host.SignedInClientAsync(userName, "Rahasia-2026!");
    }

    private static async Task<List<JsonNode?>> DocumentsAsync(HttpClient client, string url) =>
        [.. (await client.GetFromJsonAsync<JsonObject>(url))!["items"]!.AsArray()];
}
