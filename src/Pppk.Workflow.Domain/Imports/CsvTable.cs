using CsvHelper;

namespace Pppk.Workflow.Domain.Imports;

/// <summary>
/// A CSV file read whole: a header (matched trimmed and lower-cased) and data rows with their row numbers as a spreadsheet shows them. The
/// separator (comma, semicolon, tab or bar: the portal's exports and spreadsheets differ) is detected. Bounded by
/// <see cref="ImportLimits"/>: a file with more rows stops being read at the limit, and a field over its length is
/// reported and not kept.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(Dictionary<string, int> columns, List<(int Row, string[] Values)> rows)
    {
        _columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<(int Row, string[] Values)> Rows { get; }

    public string? Get(string[] values, string column) =>
        _columns.TryGetValue(column, out var i) && i < values.Length && values[i].Trim() is { Length: > 0 } v ? v : null;

    /// <summary>Reads the file; a missing required column is reported once, on the header row.</summary>
    public static CsvTable? Read(string text, IReadOnlyList<string> required, ImportErrors errors, ImportLimits limits)
    {
        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new ImportError(1, "", ImportTexts.EmptyFile.Format(string.Join(",", required))));
            return null;
        }
        // PostgreSQL cannot store a NUL; a file with one is not text.
        if (text.IndexOf('\0') is var nul and >= 0)
        {
            var row = CsvText.RowAt(text, nul);
            errors.Add(new ImportError(row, "", ImportTexts.NulCharacter.Format(row)));
            return null;
        }
        // The reader counts physical lines; a quoted cell with a line break spans several, a spreadsheet row does not.
        var lineRows = CsvText.LineRows(text);
        var options = new CsvReaderOptions { HasHeader = true, TrimWhitespace = true, TrackLineNumbers = true, SkipEmptyLines = true };
        var rows = new List<(int, string[])>();
        Dictionary<string, int> columns;
        try
        {
            using var reader = CsvReader.FromText(text, options);
            columns = new Dictionary<string, int>(StringComparer.Ordinal);
            var headers = reader.Headers;
            var names = new string[headers.Count];
            for (var i = 0; i < headers.Count; i++)
            {
                names[i] = headers[i].Trim().ToLowerInvariant();
                columns.TryAdd(names[i], i);
            }
            foreach (var column in required.Where(c => !columns.ContainsKey(c)))
                errors.Add(new ImportError(1, column, ImportTexts.MissingColumn.Format(column, string.Join(",", required))));
            if (errors.Count > 0) return null;
            while (reader.Read())
            {
                var line = RowOf(lineRows, reader.LineNumber);
                var values = new string[reader.FieldCount];
                var fits = true;
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.GetString(i);
                    if (values[i].Length <= limits.MaxFieldLength) continue;
                    errors.Add(new ImportError(line, i < names.Length ? names[i] : "", ImportTexts.FieldTooLong.Format(values[i].Length, limits.MaxFieldLength)));
                    fits = false;
                }
                if (values.All(string.IsNullOrWhiteSpace)) continue;
                if (rows.Count == limits.MaxRows)
                {
                    errors.Add(new ImportError(line, "", ImportTexts.TooManyRows.Format(limits.MaxRows)));
                    return null;
                }
                // A row with an oversized field is reported once, for that field, and not checked further.
                if (fits) rows.Add((line, values));
            }
        }
        catch (Exception e) when (e is CsvFormatException or FormatException)
        {
            errors.Add(new ImportError(0, "", ImportTexts.NotCsv.Format(e.Message)));
            return null;
        }
        return new CsvTable(columns, rows);
    }

    /// <summary>The spreadsheet row of the reader's (1-based) line number.</summary>
    private static int RowOf(int[] lineRows, long line) => lineRows[(int)Math.Clamp(line - 1, 0, lineRows.Length - 1)];
}
