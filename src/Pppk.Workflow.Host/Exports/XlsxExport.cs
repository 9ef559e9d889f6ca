using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Pppk.Workflow.Host.Exports;

/// <summary>
/// Writes an export as one .xlsx worksheet, row by row onto the response (SpreadCheetah streams; nothing is held whole):
/// a bold, frozen header row; numbers as numbers, rupiah with the Indonesian rupiah format, dates as dates in WITA, text as
/// inline strings formatted as text. No cell is ever a formula, so <c>=HYPERLINK(…)</c> in a name stays a name.
/// </summary>
internal sealed class XlsxExport : IAsyncDisposable
{
    // [$Rp-421]: the rupiah symbol of the id-ID locale (LCID 0x421); Excel shows the grouping of the reader's locale.
    private const string RupiahFormat = "[$Rp-421]\\ #,##0";
    private const string DateFormat = "dd/mm/yyyy";
    private const string DateTimeFormat = "dd/mm/yyyy hh:mm";

    private readonly Spreadsheet _sheet;
    private readonly IReadOnlyList<ExportColumn> _columns;
    private readonly StyleId[] _styles;
    private readonly TimeZoneInfo _zone;

    private XlsxExport(Spreadsheet sheet, IReadOnlyList<ExportColumn> columns, StyleId[] styles, TimeZoneInfo zone) =>
        (_sheet, _columns, _styles, _zone) = (sheet, columns, styles, zone);

    public static async Task<XlsxExport> StartAsync(Stream output, ExportTable table, TimeZoneInfo zone, CancellationToken ct)
    {
        var sheet = await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions { BufferSize = 64 * 1024 }, ct);
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < table.Columns.Count; i++) options.Column(i + 1).Width = table.Columns[i].Width;
        await sheet.StartWorksheetAsync(table.SheetName, options, ct);
        var header = sheet.AddStyle(new Style { Font = { Bold = true }, Format = NumberFormat.Standard(StandardNumberFormat.Text) });
        var styles = table.Columns.Select(c => sheet.AddStyle(new Style
        {
            Format = c.Kind switch
            {
                ExportKind.Rupiah => NumberFormat.Custom(RupiahFormat),
                ExportKind.Date => NumberFormat.Custom(DateFormat),
                ExportKind.DateTime => NumberFormat.Custom(DateTimeFormat),
                ExportKind.Number => NumberFormat.Standard(StandardNumberFormat.General),
                _ => NumberFormat.Standard(StandardNumberFormat.Text),
            },
        })).ToArray();
        await sheet.AddRowAsync(table.Columns.Select(c => new StyledCell(c.Header, header)).ToArray(), ct);
        return new XlsxExport(sheet, table.Columns, styles, zone);
    }

    public ValueTask AddRowAsync(object?[] values, CancellationToken ct)
    {
        var cells = new StyledCell[_columns.Count];
        for (var i = 0; i < cells.Length; i++) cells[i] = Cell(values[i], _columns[i].Kind, _styles[i]);
        return _sheet.AddRowAsync(cells, ct);
    }

    private StyledCell Cell(object? value, ExportKind kind, StyleId style) => value switch
    {
        null => new StyledCell((string?)null, style),
        // Only the constructors for strings make string cells: every text goes through one of them, never a formula.
        string s => new StyledCell(s, style),
        int n when kind != ExportKind.Text => new StyledCell(n, style),
        long n when kind != ExportKind.Text => new StyledCell(n, style),
        decimal d when kind != ExportKind.Text => new StyledCell(d, style),
        DateOnly d => new StyledCell(d.ToDateTime(TimeOnly.MinValue), style),
        DateTimeOffset t => new StyledCell(TimeZoneInfo.ConvertTime(t, _zone).DateTime, style),
        _ => new StyledCell(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), style),
    };

    public ValueTask FinishAsync(CancellationToken ct) => _sheet.FinishAsync(ct);

    public ValueTask DisposeAsync() => _sheet.DisposeAsync();
}
