namespace Pppk.Workflow.Engine.Feel;

internal sealed partial class Parser
{
    private bool inRangeEnd;

    /// <summary>Inside brackets a '[' is a filter again.</summary>
    private T Nested<T>(Func<T> parse)
    {
        var saved = inRangeEnd;
        inRangeEnd = false;
        try
        {
            return parse();
        }
        finally
        {
            inRangeEnd = saved;
        }
    }

    /// <summary>The right side of <c>in</c>: one positive unary test, or a parenthesised list of them.</summary>
    private UnaryTest[] ParseInTests()
    {
        if (!Current.Is("("))
            return [ParseUnaryTest()];
        index++;
        return Nested(() =>
        {
            var tests = new List<UnaryTest>();
            do
            {
                var savedInput = sawInput;
                sawInput = false;
                if (Current.Kind == TokenKind.Symbol && CompareOperator(Current.Text) is { } op)
                {
                    index++;
                    tests.Add(new ComparisonTest(op, ParseAdditive()));
                }
                else
                {
                    var node = ParseExpression();
                    if (tests.Count == 0 && AcceptSymbol(".."))
                        return [new ExpressionTest(ParseRangeEnd(startIncluded: false, node), false)];
                    tests.Add(new ExpressionTest(node, sawInput));
                }
                sawInput = savedInput;
            }
            while (AcceptSymbol(","));
            ExpectSymbol(")", FeelTexts.ToCloseTests);
            return tests.ToArray();
        });
    }

    private UnaryTest ParseUnaryTest()
    {
        if (Current.Kind == TokenKind.Symbol && CompareOperator(Current.Text) is { } op)
        {
            index++;
            return new ComparisonTest(op, ParseAdditive());
        }
        var savedInput = sawInput;
        sawInput = false;
        var node = ParseAdditive();
        var test = new ExpressionTest(node, sawInput);
        sawInput = savedInput;
        return test;
    }

    private static readonly (string Name, FeelType? Type)[] TypeNames =
    [
        ("number", FeelType.Number), ("string", FeelType.String), ("boolean", FeelType.Boolean),
        ("date", FeelType.Date), ("time", FeelType.Time), ("date and time", FeelType.DateTime),
        ("days and time duration", FeelType.DaysAndTimeDuration), ("dayTimeDuration", FeelType.DaysAndTimeDuration),
        ("years and months duration", FeelType.YearsAndMonthsDuration), ("yearMonthDuration", FeelType.YearsAndMonthsDuration),
        ("list", FeelType.List), ("context", FeelType.Context), ("range", FeelType.Range),
        ("function", FeelType.Function), ("Null", FeelType.Null), ("Any", null),
    ];

    /// <summary>A type name after <c>instance of</c> (or a parameter type); <c>list&lt;number&gt;</c> counts as list.</summary>
    private (FeelType? Type, bool Any) ParseTypeName()
    {
        var start = Current;
        if (start.Kind != TokenKind.Name)
            throw Error(FeelTexts.ExpectedTypeName.Format(start.Describe()));
        var name = Advance().Text;
        while (Current.Kind == TokenKind.Name && IsTypePrefix(name + " " + Current.Text))
            name += " " + Advance().Text;
        if (Current.Is("<"))
        {
            var depth = 0;
            do
            {
                if (Current.Is("<")) depth++;
                else if (Current.Is(">")) depth--;
                else if (Current.Kind == TokenKind.End) throw Error(FeelTexts.UnclosedTypeParameters.Format());
                index++;
            }
            while (depth > 0);
        }
        foreach (var (known, type) in TypeNames)
            if (known == name)
                return (type, type is null);
        throw Error(FeelTexts.UnknownType.Format(name, string.Join(", ", TypeNames.Select(t => t.Name))), start);
    }

    private static bool IsTypePrefix(string prefix)
    {
        foreach (var (known, _) in TypeNames)
            if (known.StartsWith(prefix, StringComparison.Ordinal))
                return true;
        return false;
    }
}
