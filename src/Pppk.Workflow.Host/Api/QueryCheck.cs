using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Pppk.Workflow.Host.Api;

/// <summary>
/// Checks the query string as sent: ASP.NET Core decodes bytes that are not UTF-8 to U+FFFD without a word, so the raw
/// query is decoded here, strictly, to name the parameter. Then each value passes <see cref="TextCheck"/> with its
/// field's limit, and <c>page</c>/<c>pageSize</c> must be in range (every list endpoint pages the same way).
/// </summary>
internal static class QueryCheck
{
    public static InputProblem? Problem(string? rawQuery, IReadOnlyDictionary<string, FieldRule> rules)
    {
        if (string.IsNullOrEmpty(rawQuery)) return null;
        foreach (var pair in rawQuery.TrimStart('?').Split('&'))
        {
            if (pair.Length == 0) continue;
            var equals = pair.IndexOf('=');
            var (rawName, rawValue) = equals < 0 ? (pair, "") : (pair[..equals], pair[(equals + 1)..]);
            if (Decode(rawName) is not { } name)
                return new(HostTexts.TextInvalidUnicode.Format(HostTexts.Fields.Query, TextCheck.Shown(rawName)), TextCheck.Shown(rawName));
            if (TextCheck.Problem(HostTexts.Fields.Query, name, name, InputLimits.QueryValue) is { } badName) return badName;
            if (Decode(rawValue) is not { } value)
                return new(HostTexts.TextInvalidUnicode.Format(HostTexts.Fields.Query, TextCheck.Shown(name)), TextCheck.Shown(name));
            var max = rules.GetValueOrDefault(name) is { Of: FieldRule.Kind.Text } rule ? rule.Max : InputLimits.QueryValue;
            if (TextCheck.Problem(HostTexts.Fields.Query, name, value, max) is { } problem) return problem;
            if (name is "page" or "pageSize" && PagingProblem(name, value) is { } paging) return paging;
        }
        return null;
    }

    private static InputProblem? PagingProblem(string name, string value)
    {
        var max = name == "page" ? InputLimits.MaxPage : InputLimits.MaxPageSize;
        if (value.Length == 0 || (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max)) return null;
        return new(ApiTexts.PagingInvalid.Format(InputLimits.MaxPage, InputLimits.MaxPageSize), name, max);
    }

    /// <summary>A percent-encoded query part as text, or null when its bytes are not UTF-8.</summary>
    private static string? Decode(string raw)
    {
        if (!raw.Contains('%') && !raw.Contains('+')) return raw;
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(raw.Length)];
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '+') bytes[length++] = (byte)' ';
            else if (c == '%' && i + 2 < raw.Length && byte.TryParse(raw.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                bytes[length++] = b;
                i += 2;
            }
            else if (char.IsSurrogate(c) || c > 0x7F)
            {
                // Unencoded non-ASCII (some clients send it): as UTF-8, a lone surrogate refused below.
                var run = char.IsHighSurrogate(c) && i + 1 < raw.Length ? raw.AsSpan(i, 2) : raw.AsSpan(i, 1);
                if (!TextCheck.IsValidUtf16(run)) return null;
                length += Encoding.UTF8.GetBytes(run, bytes.AsSpan(length));
                i += run.Length - 1;
            }
            else bytes[length++] = (byte)c;
        }
        var span = bytes.AsSpan(0, length);
        return Utf8.IsValid(span) ? Encoding.UTF8.GetString(span) : null;
    }
}
