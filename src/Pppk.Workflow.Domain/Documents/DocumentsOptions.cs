using Microsoft.Extensions.Options;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>The <c>Documents</c> section: the agency's letterhead, where the verification page is, and the PDF font.</summary>
public sealed class DocumentsOptions
{
    public const string Section = "Documents";

    /// <summary>The letterhead's lines, top to bottom: the government, the agency, then its address (smaller).</summary>
    public string Government { get; set; } = "PEMERINTAH KABUPATEN KUTAI KARTANEGARA";

    public string Agency { get; set; } = "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA";

    public string Address { get; set; } = "Jalan Wolter Monginsidi Nomor 1, Tenggarong, Kalimantan Timur";

    /// <summary>Where documents are set ("Ditetapkan di …").</summary>
    public string Place { get; set; } = "Tenggarong";

    /// <summary>The public address the QR code points to, without a trailing slash; the code is appended as <c>/verifikasi/{code}</c>.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>
    /// A folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf (Debian's fonts-dejavu-core). PDFsharp has no font of its own on
    /// Linux, and the font is embedded in every PDF, so readers need nothing installed.
    /// </summary>
    public string FontDirectory { get; set; } = "/usr/share/fonts/truetype/dejavu";

    /// <summary>
    /// The signing certificate with its private key (a PFX file). Empty: a development certificate is made at the first
    /// signing and kept at <see cref="DevelopmentCertificatePath"/>, marked "NOT FOR PRODUCTION" (a warning is logged).
    /// </summary>
    public string SigningCertificatePath { get; set; } = "";

    public string SigningCertificatePassword { get; set; } = "";

    public string DevelopmentCertificatePath { get; set; } = "data/documents/development-signing.pfx";

    /// <summary>Why the section cannot be used, or null: checked at start-up.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Government) || string.IsNullOrWhiteSpace(Agency))
            return "Documents:Government and Documents:Agency (the letterhead) must not be empty.";
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return "Documents:PublicBaseUrl must be an absolute http(s) address, e.g. https://bkpsdm.kukarkab.go.id.";
        if (SigningCertificatePath.Length > 0 && !File.Exists(SigningCertificatePath))
            return $"Documents:SigningCertificatePath ({SigningCertificatePath}) does not exist; give the PFX file of the signing certificate, or leave it empty for the development certificate.";
        foreach (var font in PdfFonts.Files)
            if (!File.Exists(Path.Combine(FontDirectory, font)))
                return $"Documents:FontDirectory ({FontDirectory}) has no {font}: install Debian's fonts-dejavu-core or point it to a folder with the DejaVu Sans files.";
        return null;
    }

    public string VerificationUrl(string code) => PublicBaseUrl.TrimEnd('/') + "/verifikasi/" + code;
}

/// <summary>Start-up check of the <c>Documents</c> section, naming the setting at fault.</summary>
internal sealed class DocumentsOptionsCheck : IValidateOptions<DocumentsOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentsOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
