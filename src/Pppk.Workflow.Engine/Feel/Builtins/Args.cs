using System.Diagnostics.CodeAnalysis;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>Typed reads of built-in arguments; a failed read makes the function return null.</summary>
internal static class Args
{
    public static bool Number(FeelValue v, out decimal value)
    {
        if (v is FeelNumber n)
        {
            value = n.Value;
            return true;
        }
        value = 0;
        return false;
    }

    public static bool Integer(FeelValue v, out int value)
    {
        if (v is FeelNumber n && decimal.Truncate(n.Value) == n.Value && n.Value is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)n.Value;
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>A position or length: a number's whole part (the TCK's substring("foobar", 3, 3.8) is "oba").</summary>
    public static bool Truncated(FeelValue v, out int value)
    {
        if (v is FeelNumber n && n.Value is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)decimal.Truncate(n.Value);
            return true;
        }
        value = 0;
        return false;
    }

    public static bool String(FeelValue v, [NotNullWhen(true)] out string? value)
    {
        value = (v as FeelString)?.Value;
        return value is not null;
    }

    /// <summary>The standard's varargs rule: <c>f(1, 2, 3)</c> and <c>f([1, 2, 3])</c> mean the same.</summary>
    public static ReadOnlySpan<FeelValue> ListOrVarargs(ReadOnlySpan<FeelValue> args) =>
        args.Length == 1 && args[0] is FeelList list ? list.Span : args;

    /// <summary>A non-list argument counts as a one-element list (singleton rule).</summary>
    public static ReadOnlySpan<FeelValue> AsList(FeelValue v) => v is FeelList list ? list.Span : new[] { v };

    public static FeelValue Num(decimal d) => FeelNumber.Of(d);

    public static FeelValue Str(string s) => new FeelString(s);

    public static FeelValue Bool(bool b) => FeelBoolean.Of(b);

    public static FeelValue List(List<FeelValue> items) => new FeelList(items.ToArray());

    public static FeelValue Null => FeelValue.Null;
}
