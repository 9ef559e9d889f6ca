using System.Text.Json.Nodes;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// An interval. A missing endpoint (null <see cref="Start"/> or <see cref="End"/>) is unbounded:
/// that is how the unary comparisons <c>&lt; 5</c>, <c>&gt;= 10</c> are represented (DMN 1.5 §10.3.2.7).
/// </summary>
public sealed class FeelRange(bool startIncluded, FeelValue start, FeelValue end, bool endIncluded) : FeelValue
{
    public bool StartIncluded { get; } = startIncluded;
    public FeelValue Start { get; } = start;
    public FeelValue End { get; } = end;
    public bool EndIncluded { get; } = endIncluded;

    public override FeelType Type => FeelType.Range;

    /// <summary>
    /// <c>(=10)</c> and <c>(!=10)</c> (DMN 1.5 §10.3.2.7): a range written as a unary equality test. <c>(=10)</c> has the
    /// endpoints of <c>[10..10]</c> but is not equal to it.
    /// </summary>
    public string? UnaryOperator { get; private init; }

    internal static FeelRange Unary(string op, FeelValue value) =>
        new(op == "=", value, value, op == "=") { UnaryOperator = op };

    /// <summary>Ranges have no JSON form; they serialise as their FEEL text.</summary>
    public override JsonNode? ToJson() => JsonValue.Create(ToString());

    /// <summary>True, false, or null when the value is not comparable with the endpoints.</summary>
    public bool? Contains(FeelValue value)
    {
        if (UnaryOperator is { } op)
            return FeelComparison.Equal(value, Start) is { } eq ? eq == (op == "=") : null;
        if (!Start.IsNull)
        {
            var c = FeelComparison.Compare(value, Start);
            if (c is null)
                return null;
            if (c < 0 || (c == 0 && !StartIncluded))
                return false;
        }
        if (!End.IsNull)
        {
            var c = FeelComparison.Compare(value, End);
            if (c is null)
                return null;
            if (c > 0 || (c == 0 && !EndIncluded))
                return false;
        }
        return true;
    }

    public override string ToString()
    {
        if (UnaryOperator is { } op)
            return $"({op}{Start})";
        if (Start.IsNull)
            return (EndIncluded ? "<= " : "< ") + End;
        if (End.IsNull)
            return (StartIncluded ? ">= " : "> ") + Start;
        return (StartIncluded ? "[" : "(") + Start + ".." + End + (EndIncluded ? "]" : ")");
    }
}
