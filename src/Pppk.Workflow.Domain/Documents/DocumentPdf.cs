using Microsoft.Extensions.Options;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>
/// The PDF of a filled template, made in-process: the configured letterhead on the first page, the template's
/// paragraphs and tables, a QR code to the public verification page after the text and a footer with the code on every
/// page. The .docx stays what HR edits; this keeps its words and order, not its fonts and spacing. Safe to call from
/// concurrent steps: each call lays out with objects of its own.
/// </summary>
public sealed class DocumentPdf
{
    private readonly DocumentsOptions _options;

    public DocumentPdf(IOptions<DocumentsOptions> options)
    {
        _options = options.Value;
        PdfFonts.Install(_options.FontDirectory);
    }

    /// <summary>The PDF of <paramref name="filledDocx"/> (a template after <see cref="DocxTemplate.Fill"/>), pointing to <paramref name="verificationCode"/>.</summary>
    public byte[] Render(byte[] filledDocx, string title, string verificationCode) =>
        new PdfComposer(_options).Render(filledDocx, title, verificationCode);
}
