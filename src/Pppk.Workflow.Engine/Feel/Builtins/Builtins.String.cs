using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pppk.Workflow.Engine.Feel;

internal static partial class Builtins
{
    private static readonly ConcurrentDictionary<(string, string), Regex?> Regexes = new();
    private const int MaxCachedPatterns = 1024;

    private static void RegisterString()
    {
        Add("substring", "string, start position, length?", static (a, _) =>
        {
            if (!Args.String(a[0], out var s) || !Args.Truncated(a[1], out var start) || start == 0)
                return Args.Null;
            var chars = CodePoints(s);
            var from = start > 0 ? start - 1 : Math.Max(chars.Length + start, 0);
            if (from >= chars.Length)
                return FeelString.Empty;
            var count = chars.Length - from;
            if (a.Length == 3)
            {
                if (!Args.Truncated(a[2], out var length) || length < 0)
                    return Args.Null;
                count = Math.Min(count, length);
            }
            return new FeelString(Join(chars, from, count));
        });
        Add("string length", "string", static (a, _) =>
            Args.String(a[0], out var s) ? FeelNumber.Of(CodePoints(s).Length) : Args.Null);
        Add("upper case", "string", static (a, _) =>
            Args.String(a[0], out var s) ? new FeelString(s.ToUpperInvariant()) : Args.Null);
        Add("lower case", "string", static (a, _) =>
            Args.String(a[0], out var s) ? new FeelString(s.ToLowerInvariant()) : Args.Null);
        Add("substring before", "string, match", static (a, _) =>
        {
            if (!Args.String(a[0], out var s) || !Args.String(a[1], out var m))
                return Args.Null;
            var i = s.IndexOf(m, StringComparison.Ordinal);
            return i < 0 ? FeelString.Empty : new FeelString(s[..i]);
        });
        Add("substring after", "string, match", static (a, _) =>
        {
            if (!Args.String(a[0], out var s) || !Args.String(a[1], out var m))
                return Args.Null;
            var i = s.IndexOf(m, StringComparison.Ordinal);
            return i < 0 ? FeelString.Empty : new FeelString(s[(i + m.Length)..]);
        });
        Add("contains", "string, match", static (a, _) =>
            Args.String(a[0], out var s) && Args.String(a[1], out var m) ? Args.Bool(s.Contains(m, StringComparison.Ordinal)) : Args.Null);
        Add("starts with", "string, match", static (a, _) =>
            Args.String(a[0], out var s) && Args.String(a[1], out var m) ? Args.Bool(s.StartsWith(m, StringComparison.Ordinal)) : Args.Null);
        Add("ends with", "string, match", static (a, _) =>
            Args.String(a[0], out var s) && Args.String(a[1], out var m) ? Args.Bool(s.EndsWith(m, StringComparison.Ordinal)) : Args.Null);
        Add("matches", "input, pattern, flags?", static (a, c) =>
            Args.String(a[0], out var s) && Regex(a[1], a.Length > 2 ? a[2] : Args.Null, c) is { } r ? Args.Bool(r.IsMatch(s)) : Args.Null);
        Add("replace", "input, pattern, replacement, flags?", static (a, c) =>
        {
            if (!Args.String(a[0], out var s) || !Args.String(a[2], out var replacement)
                || Regex(a[1], a.Length > 3 ? a[3] : Args.Null, c) is not { } r)
                return Args.Null;
            var q = a.Length > 3 && a[3] is FeelString f && f.Value.Contains('q');
            var pattern = q ? replacement.Replace("$", "$$", StringComparison.Ordinal) : XPathReplacement(replacement);
            // Each match may grow the text ("a" to a long replacement), so the length is counted match by match.
            var length = (long)s.Length;
            return new FeelString(r.Replace(s, m =>
            {
                var expanded = m.Result(pattern);
                length += expanded.Length - m.Length;
                c.Budget.Spend(1 + expanded.Length / 10);
                c.Budget.CheckStringLength(length);
                return expanded;
            }));
        });
        Add("split", "string, delimiter", static (a, c) =>
        {
            if (!Args.String(a[0], out var s) || Regex(a[1], Args.Null, c) is not { } r)
                return Args.Null;
            var parts = r.Split(s);
            var items = new FeelValue[parts.Length];
            for (var i = 0; i < parts.Length; i++)
                items[i] = new FeelString(parts[i]);
            return new FeelList(items);
        });
        Add("string join", "list, delimiter?, prefix?, suffix?", static (a, c) =>
        {
            // One, two or four arguments (a prefix without a suffix is no signature); a single string is a list of one.
            var list = a[0] as FeelList ?? (a[0] is FeelString one ? new FeelList([one]) : null);
            if (list is null || a.Length == 3)
                return Args.Null;
            string? delimiter = "", prefix = "", suffix = "";
            if ((a.Length > 1 && !a[1].IsNull && !Args.String(a[1], out delimiter))
                || (a.Length > 2 && !Args.String(a[2], out prefix))
                || (a.Length > 3 && !Args.String(a[3], out suffix)))
                return Args.Null;
            var length = (long)prefix.Length + suffix.Length + (long)delimiter.Length * list.Count;
            foreach (var item in list.Span)
                length += (item as FeelString)?.Value.Length ?? 0;
            c.Budget.BuildString(length);
            var sb = new StringBuilder(prefix);
            var first = true;
            foreach (var item in list.Span)
            {
                if (item.IsNull)
                    continue; // the standard: null elements are ignored
                if (item is not FeelString s)
                    return Args.Null;
                if (!first)
                    sb.Append(delimiter);
                sb.Append(s.Value);
                first = false;
            }
            return new FeelString(sb.Append(suffix).ToString());
        });
    }

    /// <summary>Characters as the standard counts them: Unicode code points, not UTF-16 units.</summary>
    private static string[] CodePoints(string s)
    {
        var result = new List<string>(s.Length);
        for (var i = 0; i < s.Length; i += char.IsSurrogatePair(s, i) ? 2 : 1)
            result.Add(char.IsSurrogatePair(s, i) ? s.Substring(i, 2) : s[i].ToString());
        return result.ToArray();
    }

    private static string Join(string[] chars, int from, int count) => string.Concat(chars.AsSpan(from, count));

    /// <summary>
    /// XPath fn:matches flags (s, m, i, x, q) mapped to .NET; invalid patterns or flags give null. A pattern may backtrack for up
    /// to its one-second timeout without spending units, so the evaluation's clock is read before each use.
    /// </summary>
    private static Regex? Regex(FeelValue pattern, FeelValue flags, EvaluationContext context)
    {
        context.Budget.Checkpoint();
        if (!Args.String(pattern, out var p))
            return null;
        string? f = "";
        if (!flags.IsNull && !Args.String(flags, out f))
            return null;
        // Patterns built at run time (one per item of a list) would otherwise fill the cache without end.
        if (Regexes.Count >= MaxCachedPatterns)
            Regexes.Clear();
        return Regexes.GetOrAdd((p, f), static key =>
        {
            var options = RegexOptions.CultureInvariant;
            var text = key.Item1;
            bool dotAll = false, stripWhitespace = false, literal = false;
            foreach (var c in key.Item2)
            {
                switch (c)
                {
                    case 's': dotAll = true; break;
                    case 'm': options |= RegexOptions.Multiline; break;
                    case 'i': options |= RegexOptions.IgnoreCase; break;
                    case 'x': stripWhitespace = true; break;
                    case 'q': literal = true; break;
                    default: return null;
                }
            }
            text = literal ? System.Text.RegularExpressions.Regex.Escape(text) : XPathPattern(text, dotAll, stripWhitespace);
            if (text is null)
                return null;
            try
            {
                return new Regex(text, options, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                return null;
            }
        });
    }

    /// <summary>
    /// An XPath pattern as .NET reads it: without the s flag '.' matches neither \n nor \r (.NET's matches \r); the x flag
    /// removes whitespace except inside classes; a back-reference inside a class is an error (null).
    /// </summary>
    private static string? XPathPattern(string p, bool dotAll, bool stripWhitespace)
    {
        var sb = new StringBuilder(p.Length + 8);
        var inClass = false;
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (stripWhitespace && !inClass && c is ' ' or '\t' or '\n' or '\r')
                continue;
            if (c == '\\' && i + 1 < p.Length)
            {
                var next = p[++i];
                if (stripWhitespace)
                    while (next is ' ' or '\t' or '\n' or '\r' && i + 1 < p.Length)
                        next = p[++i];
                if (inClass && char.IsAsciiDigit(next))
                    return null;
                sb.Append(c).Append(next);
                continue;
            }
            if (inClass)
            {
                if (c == ']')
                    inClass = false;
                sb.Append(c);
            }
            else if (c == '[')
            {
                inClass = true;
                sb.Append(c);
                if (i + 1 < p.Length && p[i + 1] == '^')
                    sb.Append(p[++i]);
                if (i + 1 < p.Length && p[i + 1] == ']')
                    sb.Append(p[++i]);
            }
            else if (c == '.' && !dotAll)
                sb.Append(@"[^\n\r]");
            else
                sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>XPath replacement strings escape '$' and '\' with a backslash; .NET uses "$$".</summary>
    private static string XPathReplacement(string r)
    {
        var sb = new StringBuilder(r.Length);
        for (var i = 0; i < r.Length; i++)
        {
            if (r[i] == '\\' && i + 1 < r.Length)
            {
                sb.Append(r[i + 1] == '$' ? "$$" : r[i + 1].ToString());
                i++;
            }
            else
                sb.Append(r[i]);
        }
        return sb.ToString();
    }
}
