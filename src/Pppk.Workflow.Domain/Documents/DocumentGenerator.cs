namespace Pppk.Workflow.Domain.Documents;

/// <summary>A generated document: the filled Word file and its PDF, from the same values.</summary>
public sealed record GeneratedDocument(DocumentKind Kind, string Number, string Title, byte[] Docx, byte[] Pdf, string VerificationCode);

/// <summary>Fills a kind's template with the facts and lays the result out as a PDF that points to its verification code.</summary>
public sealed class DocumentGenerator(DocumentPdf pdf)
{
    /// <summary>Uses <paramref name="template"/> when given (an uploaded version), otherwise the kind's default template.</summary>
    public GeneratedDocument Generate(DocumentFacts facts, string verificationCode, DocxTemplate? template = null)
    {
        var docx = (template ?? DefaultDocumentTemplates.For(facts.Kind)).Fill(facts.Values());
        var title = facts.Kind.Title() + " " + facts.Number;
        return new GeneratedDocument(facts.Kind, facts.Number, title, docx, pdf.Render(docx, title, verificationCode), verificationCode);
    }
}
