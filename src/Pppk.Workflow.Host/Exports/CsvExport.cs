using System.Globalization;
using System.Text;

namespace Pppk.Workflow.Host.Exports;

/// <summary>
/// Writes an export as CSV for Excel in Indonesian locale: UTF-8 with a byte-order mark (so Excel reads names with
/// accents right), <c>;</c> between fields (Indonesian Windows' list separator, since its decimal separator is the comma),
/// CRLF, fields quoted when they hold <c>;</c>, a quote or a line break (RFC 4180). Numbers plain (<c>4500000</c>, decimals
/// with a comma), dates ISO (<c>2026-12-06</c>, date-times <c>2026-12-06 14:30</c> WITA). A text beginning with
/// <c>= + - @</c>, tab or carriage return gets a leading <c>'</c> (OWASP CSV injection), so no spreadsheet runs it.
/// </summary>
internal sealed class CsvExport(TextWriter writer, IReadOnlyList<ExportColumn> columns, TimeZoneInfo zone)
{
    public const char Separator = ';';

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>A writer of UTF-8 with a BOM onto <paramref name="output"/>.</summary>
    public static StreamWriter Writer(Stream output) => new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024) { NewLine = "\r\n" };

    public Task AddHeaderAsync() => AddLineAsync(columns.Select(c => Field(c.Header)));

    public Task AddRowAsync(object?[] values) => AddLineAsync(columns.Select((c, i) => Field(Text(values[i], c.Kind))));

    private Task AddLineAsync(IEnumerable<string> fields) => writer.WriteLineAsync(string.Join(Separator, fields));

    private string Text(object? value, ExportKind kind) => value switch
    {
        null => "",
        string s => Neutralized(s),
        decimal d when kind != ExportKind.Text => d.ToString(d == decimal.Truncate(d) ? "0" : "0.##", Indonesian),
        int or long when kind != ExportKind.Text => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => Neutralized(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>A text a spreadsheet would take for a formula, made inert with a leading apostrophe.</summary>
    internal static string Neutralized(string s) => s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s;

    internal static string Field(string s) =>
        s.IndexOfAny([Separator, '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
