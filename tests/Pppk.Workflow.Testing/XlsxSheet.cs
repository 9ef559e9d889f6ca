using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pppk.Workflow.Testing;

/// <summary>
/// An exported .xlsx opened with the Open XML SDK, as Excel would read it: each cell's text, its type (string, number,
/// date by its number format), and whether any cell anywhere carries a formula.
/// </summary>
public sealed class XlsxSheet
{
    public enum Kind { Empty, Text, Number, Date }

    public sealed record CellRead(Kind Kind, string Text, string? Format, bool Bold);

    public List<List<CellRead>> Rows { get; } = [];
    public bool HasFormula { get; private set; }
    public int FrozenRows { get; private set; }
    public IReadOnlyList<double> Widths { get; private set; } = [];

    public static XlsxSheet Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = SpreadsheetDocument.Open(stream, false);
        var book = doc.WorkbookPart!;
        var styles = book.WorkbookStylesPart?.Stylesheet;
        var formats = styles?.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode!.Value!) ?? [];
        var xfs = styles?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var fonts = styles?.Fonts?.Elements<Font>().ToList() ?? [];
        var shared = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheetPart = book.WorksheetParts.Single();
        var sheet = new XlsxSheet();
        var worksheet = sheetPart.Worksheet;
        sheet.HasFormula = worksheet.Descendants<CellFormula>().Any();
        var pane = worksheet.Descendants<Pane>().FirstOrDefault();
        sheet.FrozenRows = pane?.State?.Value == PaneStateValues.Frozen ? (int)(pane.VerticalSplit?.Value ?? 0) : 0;
        sheet.Widths = worksheet.Descendants<Column>().Select(c => c.Width?.Value ?? 0).ToList();
        foreach (var row in worksheet.Descendants<Row>())
        {
            var cells = new List<CellRead>();
            foreach (var c in row.Elements<Cell>())
            {
                var xf = c.StyleIndex is { } si ? xfs[(int)si.Value] : null;
                var formatId = xf?.NumberFormatId?.Value ?? 0;
                var format = formats.GetValueOrDefault(formatId) ?? (formatId == 0 ? null : $"builtin:{formatId}");
                var bold = xf?.FontId is { } fid && fonts[(int)fid.Value].Bold is not null;
                var type = c.DataType?.Value;
                CellRead read;
                if (type == CellValues.InlineString) read = new(Kind.Text, c.InlineString?.InnerText ?? "", format, bold);
                else if (type == CellValues.SharedString) read = new(Kind.Text, shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)], format, bold);
                else if (type == CellValues.String) read = new(Kind.Text, c.CellValue?.Text ?? "", format, bold); // a formula's cached text: none are expected
                else if (c.CellValue is null) read = new(Kind.Empty, "", format, bold);
                else read = new(IsDate(format, formatId) ? Kind.Date : Kind.Number, c.CellValue.Text, format, bold);
                cells.Add(read);
            }
            sheet.Rows.Add(cells);
        }
        return sheet;
    }

    private static bool IsDate(string? format, uint id) =>
        id is >= 14 and <= 22 || (format is not null && !format.StartsWith("builtin:", StringComparison.Ordinal) && format.Contains("yy", StringComparison.Ordinal));

    /// <summary>The cell under the header <paramref name="header"/> in data row <paramref name="row"/> (1 = first after the header).</summary>
    public CellRead At(int row, string header) => Rows[row][Rows[0].FindIndex(c => c.Text == header)];

    public DateTime DateAt(int row, string header) => DateTime.FromOADate(double.Parse(At(row, header).Text, System.Globalization.CultureInfo.InvariantCulture));
}
