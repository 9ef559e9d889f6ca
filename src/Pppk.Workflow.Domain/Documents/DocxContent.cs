using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>What the PDF lays out from a filled template: its paragraphs, tables and page breaks in order, with the little formatting the PDF keeps.</summary>
internal abstract record DocxBlock;

internal enum BlockAlign { Left, Center, Right }

internal sealed record ParagraphBlock(string Text, BlockAlign Align, bool Bold) : DocxBlock;

internal sealed record TableCellText(string Text, bool Bold);

/// <summary>A table; <see cref="Widths"/> are relative (the template's grid in twips) and scaled to the page.</summary>
internal sealed record TableBlock(IReadOnlyList<double> Widths, bool Borders, IReadOnlyList<IReadOnlyList<TableCellText>> Rows) : DocxBlock;

internal sealed record PageBreakBlock : DocxBlock;

internal static class DocxContent
{
    public static IReadOnlyList<DocxBlock> Read(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body ?? throw new InvalidDataException("The document has no body.");
        var blocks = new List<DocxBlock>();
        foreach (var element in body.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    if (paragraph.Descendants<Break>().Any(b => b.Type?.Value == BreakValues.Page)) blocks.Add(new PageBreakBlock());
                    if (paragraph.InnerText.Length > 0 || !paragraph.Descendants<Break>().Any())
                        blocks.Add(new ParagraphBlock(paragraph.InnerText, Align(paragraph), Bold(paragraph)));
                    break;
                case Table table:
                    blocks.Add(Read(table));
                    break;
            }
        }
        return blocks;
    }

    private static TableBlock Read(Table table)
    {
        var rows = table.Elements<TableRow>()
            .Select(r => (IReadOnlyList<TableCellText>)r.Elements<TableCell>()
                .Select(c => new TableCellText(string.Join("\n", c.Elements<Paragraph>().Select(p => p.InnerText)), c.Elements<Paragraph>().Any(Bold)))
                .ToList())
            .ToList();
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        var grid = table.GetFirstChild<TableGrid>()?.Elements<GridColumn>()
            .Select(g => double.TryParse(g.Width?.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var w) && w > 0 ? w : 1)
            .ToList() ?? [];
        var widths = grid.Count == columns ? grid : Enumerable.Repeat(1.0, columns).ToList();
        var borders = table.GetFirstChild<TableProperties>()?.TableBorders?.ChildElements
            .OfType<BorderType>().Any(b => b.Val?.Value is { } v && v != BorderValues.None && v != BorderValues.Nil) ?? false;
        return new TableBlock(widths, borders, rows);
    }

    private static BlockAlign Align(Paragraph paragraph)
    {
        var value = paragraph.ParagraphProperties?.Justification?.Val?.Value;
        if (value == JustificationValues.Center) return BlockAlign.Center;
        if (value == JustificationValues.Right || value == JustificationValues.End) return BlockAlign.Right;
        return BlockAlign.Left;
    }

    /// <summary>A paragraph is bold when its first run with text is (the PDF does not mix weights within a paragraph).</summary>
    private static bool Bold(Paragraph paragraph)
    {
        var bold = paragraph.Elements<Run>().FirstOrDefault(r => r.InnerText.Length > 0)?.RunProperties?.Bold;
        return bold is not null && (bold.Val is null || bold.Val.Value);
    }
}
