namespace Pppk.Workflow.Engine.Model;

/// <summary>How a summary value is written for people (the host formats it in Indonesian).</summary>
public enum SummaryFormat { Text, Number, Rupiah, Percent, Date, DateTime, YesNo, Unit, Table }

/// <summary>One column of a <see cref="SummaryFormat.Table"/> entry: its label, the key read from each row and its format.</summary>
public sealed record SummaryColumn(string Label, string Key, SummaryFormat Format);

/// <summary>
/// One line of the case summary a process declares, as an extension property <c>summary.&lt;n&gt;</c> on the process with
/// the value <c>Label | format | =FEEL expression [| text when empty]</c>, e.g.
/// <c>&lt;zeebe:property name="summary.1" value="Nama pegawai | text | =employeeName" /&gt;</c>. The task page and the
/// instance viewer show the lines in the order of <c>n</c>, evaluated over the instance's variables.
/// </summary>
public sealed record SummaryEntry(string Name, int Order, string Label, SummaryFormat Format, string Expression, string? EmptyText, IReadOnlyList<SummaryColumn> Columns)
{
    public const string Prefix = "summary.";

    private static readonly Dictionary<string, SummaryFormat> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text"] = SummaryFormat.Text, ["number"] = SummaryFormat.Number, ["rupiah"] = SummaryFormat.Rupiah,
        ["percent"] = SummaryFormat.Percent, ["date"] = SummaryFormat.Date, ["datetime"] = SummaryFormat.DateTime,
        ["yesno"] = SummaryFormat.YesNo, ["unit"] = SummaryFormat.Unit,
    };

    /// <summary>The format names a declaration may use (<c>table[...]</c> besides).</summary>
    public static IEnumerable<string> FormatNames => Formats.Keys.Append("table[Label=key:format; ...]");

    /// <summary>Why a declaration was refused: the whole line unreadable, or a format (of the entry or a column) unknown.</summary>
    public sealed record Problem(string Name, string Value, string? UnknownFormat);

    /// <summary>Reads one declaration; null with <paramref name="problem"/> set when it can't be read.</summary>
    public static SummaryEntry? TryParse(string name, string value, out Problem? problem)
    {
        problem = new Problem(name, value, null);
        var parts = SplitOutside(value, '|');
        if (!int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var order)
            || parts.Count is < 3 or > 4 || parts[0].Length == 0 || !parts[2].StartsWith('='))
            return null;
        var empty = parts.Count == 4 && parts[3].Length > 0 ? parts[3] : null;
        var format = parts[1];
        if (format.StartsWith("table", StringComparison.OrdinalIgnoreCase))
        {
            var columns = TableColumns(format, name, value, ref problem);
            if (columns is null) return null;
            problem = null;
            return new SummaryEntry(name, order, parts[0], SummaryFormat.Table, parts[2], empty, columns);
        }
        if (!Formats.TryGetValue(format, out var known))
        {
            problem = new Problem(name, value, format);
            return null;
        }
        problem = null;
        return new SummaryEntry(name, order, parts[0], known, parts[2], empty, []);
    }

    /// <summary><c>table[Tahun=year:number; Predikat=predicate]</c>: columns <c>Label=key[:format]</c>, text when no format.</summary>
    private static List<SummaryColumn>? TableColumns(string format, string name, string value, ref Problem? problem)
    {
        var open = format.IndexOf('[');
        if (open < 0 || !format.EndsWith(']') || format[..open].Trim().ToLowerInvariant() != "table") return null;
        var columns = new List<SummaryColumn>();
        foreach (var column in format[(open + 1)..^1].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = column.IndexOf('=');
            if (eq <= 0) return null;
            var keyAndFormat = column[(eq + 1)..].Split(':', 2, StringSplitOptions.TrimEntries);
            var columnFormat = SummaryFormat.Text;
            if (keyAndFormat[0].Length == 0) return null;
            if (keyAndFormat.Length == 2 && !Formats.TryGetValue(keyAndFormat[1], out columnFormat))
            {
                problem = new Problem(name, value, keyAndFormat[1]);
                return null;
            }
            columns.Add(new SummaryColumn(column[..eq].Trim(), keyAndFormat[0], columnFormat));
        }
        return columns.Count == 0 ? null : columns;
    }

    /// <summary>Splits on <paramref name="separator"/> outside double-quoted FEEL strings and square brackets, trimming each part.</summary>
    private static List<string> SplitOutside(string text, char separator)
    {
        var parts = new List<string>();
        var (start, depth, quoted) = (0, 0, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"' && (i == 0 || text[i - 1] != '\\')) quoted = !quoted;
            else if (!quoted && c == '[') depth++;
            else if (!quoted && c == ']') depth--;
            else if (!quoted && depth == 0 && c == separator)
            {
                parts.Add(text[start..i].Trim());
                start = i + 1;
            }
        }
        parts.Add(text[start..].Trim());
        return parts;
    }
}
