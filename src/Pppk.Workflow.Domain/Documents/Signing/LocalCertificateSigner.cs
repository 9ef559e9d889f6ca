using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace Pppk.Workflow.Domain.Documents.Signing;

/// <summary>
/// Signs with an X.509 certificate and its private key held by this process (PDFsharp writes the signature dictionary,
/// the byte range and a detached CMS over it with SHA-256). The PDF is rewritten whole, so its hash changes: record the
/// signed bytes' hash, not the draft's.
/// </summary>
public sealed class LocalCertificateSigner(X509Certificate2 certificate, TimeProvider clock) : IDocumentSigner
{
    public async Task<SignedPdf> SignAsync(byte[] pdf, SigningRequest request, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        var signedAt = clock.GetUtcNow();
        DigitalSignatureHandler.ForDocument(document, new PdfSharpDefaultSigner(certificate, PdfMessageDigestType.SHA256, null), new DigitalSignatureOptions
        {
            ContactInfo = request.SignerName,
            Reason = request.Reason,
            Location = request.Location,
            AppName = "Pppk.Workflow",
        });
        using var output = new MemoryStream();
        await document.SaveAsync(output, false);
        return new SignedPdf(output.ToArray(), certificate.Subject, certificate.Thumbprint, signedAt);
    }
}
