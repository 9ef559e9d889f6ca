using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Documents;
using Xunit;

namespace Pppk.Workflow.Domain.Tests.Documents;

/// <summary>The host with a low per-address limit, so the verification's rate limit can be reached in a test.</summary>
public sealed class VerificationTestHost : DomainTestHost
{
    public const int PermitsPerMinute = 25;

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Auth:SignInLimit:PerAddress:PermitLimit"] = PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Documents:PublicBaseUrl"] = "https://bkpsdm.kukarkab.go.id";
        settings["Documents:DevelopmentCertificatePath"] = Path.Combine(Path.GetTempPath(), "pppk-test-signing", Guid.NewGuid().ToString("N") + ".pfx");
        return settings;
    }
}

/// <summary>
/// <c>/verifikasi/{code}</c> (public, Indonesian, only what is printed), <c>POST /api/documents/verify</c> (exactly the
/// stored PDF or not) and revocation by hr-admin, on documents stored in <c>pppk.documents</c> of a real database.
/// </summary>
public sealed class DocumentVerificationTests(VerificationTestHost host) : IClassFixture<VerificationTestHost>
{
    private async Task<(DocumentRecord Record, byte[] Pdf)> StoreAsync(DocumentKind kind = DocumentKind.Sk, int appointees = 1)
    {
        using var scope = host.Service<IServiceScopeFactory>().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PppkDbContext>();
        var facts = DocumentSamples.For(kind, appointees);
        var document = host.Service<DocumentGenerator>().Generate(facts, VerificationCodes.New());
        var record = DocumentTable.Add(db, document, facts, instanceId: null, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return (record, document.Pdf);
    }

    [Fact]
    public async Task A_valid_code_shows_what_is_printed_and_that_the_document_stands_without_sign_in()
    {
        var (record, pdf) = await StoreAsync();
        using var anonymous = host.Client(apiKey: null);

        var response = await anonymous.GetAsync("/verifikasi/" + record.VerificationCode);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("SAH", page, StringComparison.Ordinal);
        Assert.Contains("Keputusan Pengangkatan PPPK", page, StringComparison.Ordinal);
        Assert.Contains("800.1.2.2/0042/PGK/BKPSDM/2025", page, StringComparison.Ordinal);
        Assert.Contains("2 Juni 2025", page, StringComparison.Ordinal);
        Assert.Contains("Siti Rahmawati, S.Pd.", page, StringComparison.Ordinal);
        Assert.Contains("Dr. Edi Damansyah, M.Si.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(DocumentSamples.Siti.Nik, page, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("https://bkpsdm.kukarkab.go.id/verifikasi/" + record.VerificationCode, PdfText.All(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_document_says_so_and_only_hr_admin_revokes_with_a_reason()
    {
        var (record, _) = await StoreAsync(DocumentKind.PerjanjianKerja);
        using var admin = host.Client();
        using var employee = host.Client(DomainTestHost.EmployeeKey);
        using var anonymous = host.Client(apiKey: null);
        var url = $"/api/documents/{record.Id}/revoke";

        var noReason = await admin.PostAsJsonAsync(url, new { reason = " " });
        var asEmployee = await employee.PostAsJsonAsync(url, new { reason = "SK perbaikan" });
        var unsigned = await anonymous.PostAsJsonAsync(url, new { reason = "SK perbaikan" });
        var revoked = await admin.PostAsJsonAsync(url, new { reason = "Diganti perjanjian kerja perbaikan" });
        var again = await admin.PostAsJsonAsync(url, new { reason = "lagi" });
        var unknown = await admin.PostAsJsonAsync($"/api/documents/{Guid.NewGuid()}/revoke", new { reason = "x" });
        var page = await (await anonymous.GetAsync("/verifikasi/" + record.VerificationCode)).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("document-revoke-reason-required", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, asEmployee.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("revoked", (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("DICABUT", page, StringComparison.Ordinal);
        Assert.Contains("tidak berlaku lagi", page, StringComparison.Ordinal);
        Assert.DoesNotContain("SAH", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Diganti perjanjian kerja perbaikan", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_or_malformed_code_is_not_found()
    {
        using var anonymous = host.Client(apiKey: null);

        var unknown = await anonymous.GetAsync("/verifikasi/" + VerificationCodes.New());
        var malformed = await anonymous.GetAsync("/verifikasi/abc'--");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("TIDAK DITEMUKAN", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    [Fact]
    public async Task An_uploaded_PDF_matches_only_when_it_is_exactly_the_stored_one()
    {
        var (record, pdf) = await StoreAsync();
        using var anonymous = host.Client(apiKey: null);
        var changed = (byte[])pdf.Clone();
        changed[pdf.Length / 2] ^= 0x01;

        var exact = await VerifyAsync(anonymous, new ByteArrayContent(pdf));
        var oneByteChanged = await VerifyAsync(anonymous, new ByteArrayContent(changed));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "sk.pdf" } };
        var asForm = await anonymous.PostAsync("/api/documents/verify", form);
        var empty = await anonymous.PostAsync("/api/documents/verify", new ByteArrayContent([]));

        Assert.True(exact.GetProperty("match").GetBoolean());
        Assert.Equal(record.Number, exact.GetProperty("document").GetProperty("number").GetString());
        Assert.Equal("valid", exact.GetProperty("document").GetProperty("status").GetString());
        Assert.False(oneByteChanged.GetProperty("match").GetBoolean());
        Assert.True((await asForm.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("match").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task A_signed_document_replaces_its_draft_so_only_the_signed_PDF_verifies()
    {
        var (record, draft) = await StoreAsync();
        var signed = await host.Service<Pppk.Workflow.Domain.Documents.Signing.IDocumentSigner>()
            .SignAsync(draft, new("Dr. Edi Damansyah, M.Si.", "Penetapan SK PPPK", "Tenggarong"), CancellationToken.None);
        using (var scope = host.Service<IServiceScopeFactory>().CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PppkDbContext>();
            Assert.True(await DocumentTable.RecordSignatureAsync(db, record.Id, signed, CancellationToken.None));
            Assert.False(await DocumentTable.RecordSignatureAsync(db, record.Id, signed, CancellationToken.None));
        }
        using var anonymous = host.Client(apiKey: null);

        var signedCheck = await VerifyAsync(anonymous, new ByteArrayContent(signed.Pdf));
        var draftCheck = await VerifyAsync(anonymous, new ByteArrayContent(draft));

        Assert.Contains("NOT FOR PRODUCTION", signed.CertificateSubject, StringComparison.Ordinal);
        Assert.True(signedCheck.GetProperty("match").GetBoolean());
        Assert.Equal(JsonValueKind.String, signedCheck.GetProperty("document").GetProperty("signedAt").ValueKind);
        Assert.False(draftCheck.GetProperty("match").GetBoolean());
    }

    [Fact]
    public async Task Checks_from_one_address_are_rate_limited_like_sign_in()
    {
        using var client = host.ClientFrom("127.0.0.23");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= VerificationTestHost.PermitsPerMinute; i++)
            statuses.Add((await client.GetAsync("/verifikasi/" + VerificationCodes.New())).StatusCode);
        var refused = await client.GetAsync("/verifikasi/" + VerificationCodes.New());

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("document-verify-rate-limited", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient client, ByteArrayContent content)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await client.PostAsync("/api/documents/verify", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
