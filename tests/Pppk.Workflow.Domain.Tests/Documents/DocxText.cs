using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pppk.Workflow.Domain.Tests.Documents;

/// <summary>Reads a .docx back as the tests check it: paragraph texts, and the rows of its tables.</summary>
internal static class DocxText
{
    public static IReadOnlyList<string> Paragraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
    }

    public static string All(byte[] docx) => string.Join("\n", Paragraphs(docx));

    public static int TableRows(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return document.MainDocumentPart!.Document!.Body!.Descendants<TableRow>().Count();
    }
}
