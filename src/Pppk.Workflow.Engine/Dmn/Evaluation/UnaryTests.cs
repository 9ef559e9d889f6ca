using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Dmn;

/// <summary>
/// A decision table input entry, allowed values or input/output values: <c>-</c> (any), a comma list of positive tests,
/// or <c>not(...)</c> of them. Parsed once as FEEL <c>? in (tests)</c> so every FEEL unary test form is supported.
/// </summary>
internal sealed class UnaryTests
{
    public static readonly UnaryTests AnyValue = new("-", null, false);

    private readonly FeelExpression? expression;
    private readonly bool negated;

    private UnaryTests(string text, FeelExpression? expression, bool negated)
    {
        Text = text;
        this.expression = expression;
        this.negated = negated;
    }

    public string Text { get; }

    public bool IsAny => expression is null;

    /// <summary>Parses the tests; throws <see cref="FeelSyntaxException"/> (positions relative to the wrapped text).</summary>
    public static UnaryTests Parse(string text, FeelLimits limits)
    {
        var trimmed = text.Trim();
        if (trimmed is "" or "-")
            return AnyValue;
        var negated = false;
        if (trimmed.StartsWith("not", StringComparison.Ordinal) && trimmed[3..].TrimStart() is ['(', .. var rest] && rest.EndsWith(')') && ClosesAtEnd(trimmed[trimmed.IndexOf('(')..]))
        {
            negated = true;
            trimmed = rest[..^1];
        }
        return new UnaryTests(text, FeelExpression.Parse("? in (" + trimmed + "\n)", limits), negated);
    }

    /// <summary>True when the parenthesis at the start closes at the very end (so <c>not(a) or not(b)</c> is not one negation).</summary>
    private static bool ClosesAtEnd(string text)
    {
        var depth = 0;
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') inString = true;
            else if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}')
            {
                depth--;
                if (depth == 0 && i != text.Length - 1)
                    return false;
            }
        }
        return depth == 0;
    }

    /// <summary>True, false, or null (a test could not be decided: no match).</summary>
    public bool? Test(FeelValue input, IFeelScope scope, DmnRun run)
    {
        if (expression is null)
            return true;
        var result = expression.Evaluate(new InputScope(input, scope), run.Environment);
        if (result is not FeelBoolean b)
            return null;
        return negated ? !b.Value : b.Value;
    }

    public override string ToString() => Text;

    /// <summary>Binds <c>?</c> to the input value over the surrounding variables.</summary>
    private sealed class InputScope(FeelValue input, IFeelScope outer) : IFeelScope
    {
        public bool TryResolve(string name, out FeelValue value)
        {
            if (name == "?")
            {
                value = input;
                return true;
            }
            return outer.TryResolve(name, out value);
        }
    }
}
