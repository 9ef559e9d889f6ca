using System.Text;
using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Host.Api;

/// <summary>What is wrong with one input (the field it names, shown safely, and the limit it broke): a 400 problem.</summary>
internal sealed record InputProblem(LocalizedText Text, string Field, long? Limit = null)
{
    public LocalizedProblem ToResult() => LocalizedProblem.BadRequest(Text, Field, Limit);
}

/// <summary>
/// The checks every text a caller sends passes: no NUL (PostgreSQL cannot store it, and a parameter it refuses while
/// Npgsql prepares the statement leaves that connection broken for the next caller), valid UTF-16 (no lone surrogate:
/// Npgsql cannot encode it), and a length limit.
/// </summary>
internal static class TextCheck
{
    private const int ShownNameLength = 80;

    public enum Fault { Nul, InvalidUnicode, TooLong }

    public static InputProblem? Problem(Term kind, string field, string value, int maxLength) =>
        FaultOf(value, maxLength) is { } fault ? Describe(fault, kind, field, value.Length, maxLength) : null;

    /// <summary>What is wrong with <paramref name="value"/>, if anything; nothing is allocated (the field is named only for a problem).</summary>
    public static Fault? FaultOf(ReadOnlySpan<char> value, int maxLength) =>
        value.Contains('\0') ? Fault.Nul
        : !IsValidUtf16(value) ? Fault.InvalidUnicode
        : value.Length > maxLength ? Fault.TooLong
        : null;

    public static InputProblem Describe(Fault fault, Term kind, string field, int length, int maxLength)
    {
        var shown = Shown(field);
        return fault switch
        {
            Fault.Nul => new(HostTexts.TextNul.Format(kind, shown), shown),
            Fault.InvalidUnicode => new(HostTexts.TextInvalidUnicode.Format(kind, shown), shown),
            _ => new(HostTexts.TextTooLong.Format(kind, shown, length, maxLength), shown, maxLength),
        };
    }

    /// <summary>A field's name as a problem may repeat it: bounded, and with NUL, control characters and lone surrogates replaced.</summary>
    public static string Shown(string name)
    {
        var text = name.Length > ShownNameLength ? name[..ShownNameLength] + "…" : name;
        if (IsValidUtf16(text) && !text.Any(char.IsControl)) return text;
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) safe.Append(c).Append(text[++i]);
            else safe.Append(char.IsSurrogate(c) || char.IsControl(c) ? '\uFFFD' : c);
        }
        return safe.ToString();
    }

    public static bool IsValidUtf16(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else return false;
        }
        return true;
    }
}
