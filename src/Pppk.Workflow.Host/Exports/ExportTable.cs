namespace Pppk.Workflow.Host.Exports;

/// <summary>How a column's values are written: text stays text (NIK, NI PPPK, registration numbers keep every digit).</summary>
internal enum ExportKind { Text, Number, Rupiah, Date, DateTime }

/// <summary>One column: its Indonesian header, kind and width in characters (xlsx).</summary>
internal sealed record ExportColumn(string Header, ExportKind Kind, double Width = 18);

/// <summary>One page of a list's rows (each an array of values in column order) and how many rows the list has in all.</summary>
internal sealed record ExportPage(IReadOnlyList<object?[]> Rows, int Total);

/// <summary>
/// A list to export: its file name stem (<c>pegawai</c>), columns and a reader of pages (skip, take) that applies the
/// list's own filters and visibility. Values: string, int/long/decimal, DateOnly, DateTimeOffset (shown in WITA) or null.
/// </summary>
internal sealed record ExportTable(string FileStem, string SheetName, IReadOnlyList<ExportColumn> Columns,
    Func<int, int, CancellationToken, Task<ExportPage>> ReadPage);
