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

    /// <summary>The row (line, the header is 1) of a position in the file.</summary>
    public static int RowAt(ReadOnlySpan<byte> bytes, int index) => bytes[..index].Count((byte)'\n') + 1;

    public static int RowAt(ReadOnlySpan<char> text, int index) => text[..index].Count('\n') + 1;

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
