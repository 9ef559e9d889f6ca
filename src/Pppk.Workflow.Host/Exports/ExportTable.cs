namespace Pppk.Workflow.Host.Exports;

/// <summary>How a column's values are written: text stays text (NIK, NI PPPK, registration numbers keep every digit).</summary>
internal enum ExportKind { Text, Number, Rupiah, Date, DateTime }

/// <summary>One column: its Indonesian header, kind and width in characters (xlsx).</summary>
internal sealed record ExportColumn(string Header, ExportKind Kind, double Width = 18);

/// <summary>One chunk of a list's rows (each an array of values in column order) and where the next chunk starts (null: the list ends).</summary>
internal sealed record ExportPage(IReadOnlyList<object?[]> Rows, object? Next);

/// <summary>
/// The rows of a list to export, in the list's order: <see cref="CountAsync"/> counts them up to a cap (a count above the
/// cap only says "more"), <see cref="ReadAsync"/> reads the chunk after a position (null: from the first row).
/// </summary>
internal sealed record ExportRows(Func<int, CancellationToken, Task<int>> CountAsync, Func<object?, int, CancellationToken, Task<ExportPage>> ReadAsync);

/// <summary>
/// A list to export: its file name stem (<c>pegawai</c>), columns and rows, read with the list's own filters and
/// visibility. Values: string, int/long/decimal, DateOnly, DateTimeOffset (shown in WITA) or null.
/// </summary>
internal sealed record ExportTable(string FileStem, string SheetName, IReadOnlyList<ExportColumn> Columns, ExportRows Rows);

/// <summary>
/// A list's items for an export: counted up to a cap (a count of cap + 1 means "more"), and read a chunk at a time, each
/// chunk saying where the next starts.
/// </summary>
internal sealed record ExportList<T>(Func<int, CancellationToken, Task<int>> CountAsync,
    Func<object?, int, CancellationToken, Task<(List<T> Items, object? Next)>> ReadAsync)
{
    /// <summary>
    /// A big list read by keyset: each chunk starts after the last row's sort values (<paramref name="key"/>), so the
    /// 100th chunk costs what the first costs and a row added or changed meanwhile moves no row across a chunk.
    /// </summary>
    public static ExportList<T> Keyed<TKey>(Func<int, CancellationToken, Task<(int Total, bool Capped)>> count, Func<TKey?, int, CancellationToken, Task<List<T>>> read,
        Func<T, TKey> key) where TKey : class =>
        new(async (cap, ct) => Counted(await count(cap, ct)), async (after, take, ct) =>
        {
            var items = await read((TKey?)after, take, ct);
            return (items, items.Count < take ? null : key(items[^1]));
        });

    /// <summary>
    /// A small list read by offset (formations, renewals: tens to a few thousand rows, docs/api.md "Exports"); its position
    /// is the number of rows read. <paramref name="read"/> answers a page (skip, take) and the list's total.
    /// </summary>
    public static ExportList<T> Offset(Func<int, int, CancellationToken, Task<(List<T> Items, int Total)>> read) =>
        new(async (_, ct) => (await read(0, 0, ct)).Total, async (after, take, ct) =>
        {
            var skip = after is int done ? done : 0;
            var (items, _) = await read(skip, take, ct);
            return (items, items.Count < take ? null : skip + items.Count);
        });

    /// <summary>A capped count as the export's count: above the cap is cap + 1.</summary>
    public static int Counted((int Total, bool Capped) count) => count.Capped ? count.Total + 1 : count.Total;

    /// <summary>The list as rows of its export: each item becomes its row.</summary>
    public ExportRows Rows(Func<T, object?[]> row) => new(CountAsync, async (after, take, ct) =>
    {
        var (items, next) = await ReadAsync(after, take, ct);
        return new ExportPage(items.Select(row).ToList(), next);
    });
}
