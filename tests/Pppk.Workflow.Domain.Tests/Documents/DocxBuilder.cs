using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pppk.Workflow.Domain.Tests.Documents;

/// <summary>Writes simple .docx files (paragraphs, tables, page breaks): the default templates and the tests' own.</summary>
internal sealed class DocxBuilder
{
    private readonly List<OpenXmlElement> _body = [];

    public DocxBuilder Center(string text, bool bold = false) => Paragraph(JustificationValues.Center, bold, text);

    public DocxBuilder Left(string text, bool bold = false) => Paragraph(JustificationValues.Left, bold, text);

    public DocxBuilder Justify(string text) => Paragraph(JustificationValues.Both, false, text);

    /// <summary>One paragraph written as several runs, as Word leaves text after an edit.</summary>
    public DocxBuilder Runs(params string[] pieces) => Paragraph(JustificationValues.Left, false, pieces);

    public DocxBuilder Blank() => Paragraph(JustificationValues.Left, false, "");

    public DocxBuilder PageBreak()
    {
        _body.Add(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        return this;
    }

    /// <summary>A table; widths in twentieths of a point; the first row is a bold header when <paramref name="header"/>.</summary>
    public DocxBuilder Table(int[] widths, bool borders, bool header, params string[][] rows)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture) },
            borders ? new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })
                : new TableBorders()));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new TableRow();
            for (var c = 0; c < rows[r].Length; c++)
                row.Append(new TableCell(
                    new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[c].ToString(System.Globalization.CultureInfo.InvariantCulture) }),
                    MakeParagraph(JustificationValues.Left, header && r == 0, [rows[r][c]])));
            table.Append(row);
        }
        _body.Add(table);
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(_body.Select(e => e.CloneNode(true)));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134, Header = 708, Footer = 708, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private DocxBuilder Paragraph(JustificationValues align, bool bold, params string[] pieces)
    {
        _body.Add(MakeParagraph(align, bold, pieces));
        return this;
    }

    private static Paragraph MakeParagraph(JustificationValues align, bool bold, string[] pieces)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new Justification { Val = align }));
        foreach (var piece in pieces)
        {
            var properties = new RunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial" });
            if (bold) properties.Append(new Bold());
            properties.Append(new FontSize { Val = "22" });
            paragraph.Append(new Run(properties, new Text(piece) { Space = SpaceProcessingModeValues.Preserve }));
        }
        return paragraph;
    }
}
