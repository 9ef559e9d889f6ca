using System.Globalization;
using System.Text;
using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Runtime.Calendar;

/// <summary>
/// The calendar's CSV: header <c>tanggal,nama,jenis,wilayah,nama_wilayah,dasar_hukum</c>, one holiday a line, ',' or ';'
/// (as the header uses; Excel in Indonesian writes ';'), values in double quotes when they hold the separator.
/// </summary>
public static class HolidayCsv
{
    public sealed record Row(int Line, HolidayInput Input);

    public sealed record RowError(int Line, string? Field, LocalizedText Problem);

    /// <summary>The rows, or every line that cannot be read (the whole file is refused then).</summary>
    public static (List<Row> Rows, List<RowError> Errors) Read(string text)
    {
        var rows = new List<Row>();
        var errors = new List<RowError>();
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').TrimStart('\uFEFF').Split('\n');
        var header = lines.Length == 0 ? "" : lines[0].Trim();
        var separator = header.Contains(';') && !header.Contains(',') ? ';' : ',';
        if (header.Length == 0)
        {
            errors.Add(new RowError(1, null, CalendarTexts.Empty.Format()));
            return (rows, errors);
        }
        var columns = Split(header, separator, out _).Select(c => c.Trim().ToLowerInvariant()).ToList();
        var expected = HolidayInput.Fields.Split(',');
        if (!columns.SequenceEqual(expected))
        {
            errors.Add(new RowError(1, null, CalendarTexts.BadHeader.Format(HolidayInput.Fields)));
            return (rows, errors);
        }
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var line = i + 1;
            var values = Split(lines[i], separator, out var closed).Select(Unquote).ToList();
            if (!closed) errors.Add(new RowError(line, null, CalendarTexts.Unterminated.Format()));
            else if (values.Count != expected.Length) errors.Add(new RowError(line, null, CalendarTexts.ColumnCount.Format(values.Count, expected.Length)));
            else rows.Add(new Row(line, new HolidayInput(values[0], values[1], values[2], values[3], values[4], values[5])));
        }
        if (rows.Count + errors.Count > HolidayLimits.ImportMaxRows)
            errors.Insert(0, new RowError(1, null, CalendarTexts.TooManyRows.Format(rows.Count + errors.Count, HolidayLimits.ImportMaxRows)));
        return (rows, errors);
    }

    /// <summary>The holidays as the import reads them back (national first, then by region, each by date).</summary>
    public static string Write(IEnumerable<HolidayRecord> holidays)
    {
        var csv = new StringBuilder(HolidayInput.Fields).Append("\r\n");
        foreach (var h in holidays.OrderBy(h => h.Region, StringComparer.Ordinal).ThenBy(h => h.Date))
            csv.AppendJoin(',', new[] { h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), h.Name, h.Kind, h.Region, h.RegionName ?? "", h.Source ?? "" }.Select(Quote))
                .Append("\r\n");
        return csv.ToString();
    }

    private static string Quote(string value)
    {
        // A leading =, +, - or @ would be a formula in a spreadsheet.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', ';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>Takes back the apostrophe <see cref="Quote"/> put before a leading formula character.</summary>
    private static string Unquote(string value) => value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' ? value[1..] : value;

    private static List<string> Split(string line, char separator, out bool closed)
    {
        var values = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == separator) { values.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        values.Add(current.ToString());
        closed = !quoted;
        return values;
    }
}
