namespace Pppk.Workflow.Domain.Documents.Signing;

/// <summary>Who signs, and why, as the signature dictionary of the PDF records it.</summary>
public sealed record SigningRequest(string SignerName, string Reason, string Location);

/// <summary>The signed PDF and the certificate that signed it (recorded with the document).</summary>
public sealed record SignedPdf(byte[] Pdf, string CertificateSubject, string CertificateThumbprint, DateTimeOffset SignedAt);

/// <summary>
/// Signs a document's PDF with a CMS signature embedded in the PDF. The local X.509 certificate
/// (<see cref="LocalCertificateSigner"/>) is one implementation; the national TTE service (BSrE) is meant to be the other,
/// so the workflow never depends on where the key is.
/// </summary>
public interface IDocumentSigner
{
    Task<SignedPdf> SignAsync(byte[] pdf, SigningRequest request, CancellationToken ct);
}
