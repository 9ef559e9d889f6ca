using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Pppk.Workflow.Domain.Imports;

/// <summary>
/// A CSV file's bytes as text. The portal's exports are UTF-8; a file saved in another encoding (a spreadsheet's
/// Windows-1252 "CSV", UTF-16) is refused at its first bad row rather than stored as <c>Andi � M�ller</c>.
/// </summary>
internal static class CsvText
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    public static string? Decode(ReadOnlySpan<byte> bytes, ImportErrors errors)
    {
        if (bytes.StartsWith(Bom)) bytes = bytes[Bom.Length..];
        if (Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        var row = RowAt(bytes, FirstInvalid(bytes));
        errors.Add(new ImportError(row, "", ImportTexts.NotUtf8.Format(row)));
        return null;
    }

    /// <summary>The spreadsheet row (the header is 1) of a position in the file; quotes and line breaks are ASCII, so Latin-1 keeps them.</summary>
    public static int RowAt(ReadOnlySpan<byte> bytes, int index) => RowAt(Encoding.Latin1.GetString(bytes[..index]), index);

    /// <summary>The spreadsheet row (the header is 1) of a position in the text: a line break inside a quoted cell does not start a row.</summary>
    public static int RowAt(ReadOnlySpan<char> text, int index)
    {
        var rows = LineRows(text[..index]);
        return rows[^1];
    }

    /// <summary>
    /// For each physical line of the text (0-based), the spreadsheet row it belongs to: a line that continues a quoted
    /// cell keeps its record's row, every other line (an empty one too, as a spreadsheet shows it) starts the next.
    /// A quote opens a cell only at the start of a field, so a stray quote inside an unquoted value changes nothing.
    /// </summary>
    public static int[] LineRows(ReadOnlySpan<char> text)
    {
        var rows = new List<int> { 1 };
        var row = 1;
        var quoted = false;
        var fieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') i++;
                    else quoted = false;
                }
                else if (c == '\n') rows.Add(row);
                continue;
            }
            if (c == '"' && fieldStart) { quoted = true; fieldStart = false; continue; }
            if (c == '\n') { rows.Add(++row); fieldStart = true; continue; }
            if (c is ',' or ';' or '\t' or '|') { fieldStart = true; continue; }
            // Spaces before a quote still leave the field's start open (trimmed cells).
            if (c is not (' ' or '\r')) fieldStart = false;
        }
        return [.. rows];
    }

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) != OperationStatus.Done) return at;
            at += consumed;
        }
        return bytes.Length;
    }
}
