using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Domain.Documents;
using Pppk.Workflow.Domain.Documents.Signing;
using Xunit;

namespace Pppk.Workflow.Domain.Tests.Documents;

/// <summary>A signed PDF checked with .NET's own CMS verification (<see cref="SignedCms"/>), before and after one byte changes.</summary>
public sealed class DocumentSigningTests
{
    private static readonly DocumentGenerator Generator = new(new DocumentPdf(Options.Create(new DocumentsOptions())));
    private static readonly Lazy<System.Security.Cryptography.X509Certificates.X509Certificate2> Certificate = new(() => DevelopmentCertificate.Create(TimeProvider.System));

    private static async Task<SignedPdf> SignedSkAsync()
    {
        var draft = Generator.Generate(DocumentSamples.For(DocumentKind.Sk), VerificationCodes.New()).Pdf;
        return await new LocalCertificateSigner(Certificate.Value, TimeProvider.System)
            .SignAsync(draft, new SigningRequest("Dr. Edi Damansyah, M.Si.", "Penetapan SK PPPK", "Tenggarong"), CancellationToken.None);
    }

    [Fact]
    public async Task A_signed_PDF_validates_with_the_CMS_verification_of_dotnet_and_keeps_its_text()
    {
        var signed = await SignedSkAsync();
        PdfText.Save("sk-pengangkatan-ditandatangani", signed.Pdf, pages: 1);

        var parts = PdfSignatureParts.Read(signed.Pdf);
        Assert.NotNull(parts);
        var cms = new SignedCms(new ContentInfo(parts.Value.SignedContent), detached: true);
        cms.Decode(parts.Value.Cms);
        cms.CheckSignature(verifySignatureOnly: true);

        Assert.Equal(Certificate.Value.Thumbprint, cms.SignerInfos[0].Certificate!.Thumbprint);
        Assert.Equal(Oid.FromFriendlyName("sha256", OidGroup.HashAlgorithm).Value, cms.SignerInfos[0].DigestAlgorithm.Value);
        Assert.Contains("NOT FOR PRODUCTION", signed.CertificateSubject, StringComparison.Ordinal);
        Assert.Contains("Rp 4.500.000 (empat juta lima ratus ribu rupiah)", PdfText.All(signed.Pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_one_signed_byte_makes_the_signature_fail()
    {
        var signed = await SignedSkAsync();
        var tampered = (byte[])signed.Pdf.Clone();
        // A byte of the page content near the start: inside the first signed range, outside the signature itself.
        tampered[200] ^= 0x01;

        var parts = PdfSignatureParts.Read(tampered)!.Value;
        var cms = new SignedCms(new ContentInfo(parts.SignedContent), detached: true);
        cms.Decode(parts.Cms);

        Assert.Throws<CryptographicException>(() => cms.CheckSignature(verifySignatureOnly: true));
    }

    [Fact]
    public void The_development_certificate_is_made_once_and_then_reused()
    {
        var path = Path.Combine(Path.GetTempPath(), "pppk-dev-signing-" + Guid.NewGuid().ToString("N"), "signing.pfx");

        using var first = DevelopmentCertificate.LoadOrCreate(path, TimeProvider.System);
        using var second = DevelopmentCertificate.LoadOrCreate(path, TimeProvider.System);

        Assert.Equal(first.Thumbprint, second.Thumbprint);
        Assert.True(second.HasPrivateKey);
        Assert.Equal(DevelopmentCertificate.SubjectName, first.Subject);
    }

    [Fact]
    public void An_unsigned_PDF_has_no_signature_parts() =>
        Assert.Null(PdfSignatureParts.Read(Generator.Generate(DocumentSamples.For(DocumentKind.Spmt), VerificationCodes.New()).Pdf));
}
