using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pppk.Workflow.Domain.Documents.Signing;

/// <summary>
/// The two things a PDF signature check needs, read from a signed PDF: the bytes the signature covers (the two ranges of
/// its last <c>/ByteRange</c>) and the CMS from <c>/Contents</c>, without the zero padding after it.
/// </summary>
public static partial class PdfSignatureParts
{
    public static (byte[] SignedContent, byte[] Cms)? Read(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var ranges = ByteRange().Matches(text);
        if (ranges.Count == 0) return null;
        var range = ranges[^1];
        var numbers = Enumerable.Range(1, 4).Select(i => long.Parse(range.Groups[i].Value, CultureInfo.InvariantCulture)).ToArray();
        if (numbers[0] != 0 || numbers[1] < 0 || numbers[3] < 0 || numbers[2] + numbers[3] > pdf.Length || numbers[1] > numbers[2]) return null;
        var content = new byte[numbers[1] + numbers[3]];
        pdf.AsSpan(0, (int)numbers[1]).CopyTo(content);
        pdf.AsSpan((int)numbers[2], (int)numbers[3]).CopyTo(content.AsSpan((int)numbers[1]));
        // The gap between the ranges is "<hex>": the CMS, padded with zeros to the reserved size.
        var gap = text.Substring((int)numbers[1], (int)(numbers[2] - numbers[1])).Trim('<', '>');
        var cms = Convert.FromHexString(gap);
        return (content, cms[..DerLength(cms)]);
    }

    /// <summary>The length of the DER value at the start (tag, length, content).</summary>
    private static int DerLength(byte[] der)
    {
        if (der.Length < 2) return der.Length;
        int first = der[1];
        if (first < 0x80) return 2 + first;
        var count = first & 0x7f;
        var length = 0;
        for (var i = 0; i < count; i++) length = (length << 8) | der[2 + i];
        return Math.Min(der.Length, 2 + count + length);
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();
}
