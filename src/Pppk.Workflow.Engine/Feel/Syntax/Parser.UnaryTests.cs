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

    /// <summary>
    /// A decision table cell or allowed values (DMN 1.5 §10.3.1 rule 1): <c>-</c>, <c>not(tests)</c> or tests separated by
    /// commas, each a comparison (<c>&lt; 5</c>, <c>!= "x"</c>) or any expression (a range, a list, a value, a boolean using <c>?</c>).
    /// </summary>
    public static (UnaryTest[] Tests, bool Negated, bool Any) ParseUnaryTests(string source, FeelParseOptions options)
    {
        var parser = Create(source, options);
        if (parser.Current.Kind == TokenKind.End)
            throw parser.Error(FeelTexts.ExpectedExpression.Format());
        if (parser.Current.Is("-") && parser.PeekAt(1).Kind == TokenKind.End)
            return ([], false, true);
        var negated = parser.Current is { Kind: TokenKind.Name, Quoted: false, Text: "not" } && parser.PeekAt(1).Is("(")
            && parser.ClosingParenthesisIsLast(parser.index + 1);
        if (negated)
            parser.index += 2;
        var tests = new List<UnaryTest>();
        do
            tests.Add(parser.ParseListedTest());
        while (parser.AcceptSymbol(","));
        if (negated)
            parser.ExpectSymbol(")", FeelTexts.ToCloseTests);
        if (parser.Current.Kind != TokenKind.End)
            throw parser.Error(FeelTexts.ExpectedOperatorOrEnd.Format(parser.Current.Describe()));
        return (tests.ToArray(), negated, false);
    }

    /// <summary>Whether the bracket opened at <paramref name="open"/> closes at the last token (so <c>not(a) or b</c> stays an expression).</summary>
    private bool ClosingParenthesisIsLast(int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Symbol)
                continue;
            if (t.Text is "(" or "[" or "{")
                depth++;
            else if (t.Text is ")" or "]" or "}")
                depth--;
            if (depth == 0)
                return tokens[i + 1].Kind == TokenKind.End;
        }
        return false;
    }

    /// <summary>One test of a comma-separated list: a comparison with an implicit input, or an expression.</summary>
    private UnaryTest ParseListedTest() => ParseListedTest(rangeMayFollow: false, out _);

    /// <summary>As above; with <paramref name="rangeMayFollow"/> an expression followed by <c>..</c> is the start of an open range <c>(a..b)</c>, read to its end.</summary>
    private UnaryTest ParseListedTest(bool rangeMayFollow, out bool isRange)
    {
        var savedInput = sawInput;
        sawInput = false;
        isRange = false;
        UnaryTest test;
        if (Current.Kind == TokenKind.Symbol && CompareOperator(Current.Text) is { } op)
        {
            index++;
            test = new ComparisonTest(op, ParseAdditive());
        }
        else
        {
            var node = ParseExpression();
            isRange = rangeMayFollow && AcceptSymbol("..");
            test = isRange ? new ExpressionTest(ParseRangeEnd(startIncluded: false, node), false) : new ExpressionTest(node, sawInput);
        }
        sawInput = savedInput;
        return test;
    }

    /// <summary>The right side of <c>in</c>: one positive unary test, or a parenthesised list of them.</summary>
    private UnaryTest[] ParseInTests()
    {
        if (!Current.Is("("))
            return [ParseUnaryTest()];
        index++;
        return Nested(() =>
        {
            var first = ParseListedTest(rangeMayFollow: true, out var isRange);
            if (isRange)
                return [first];
            var tests = new List<UnaryTest> { first };
            while (AcceptSymbol(","))
                tests.Add(ParseListedTest());
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

    /// <summary>A type after <c>instance of</c> or a parameter's <c>:</c> (DMN 1.5 grammar rules 54-58).</summary>
    private TypeSpec ParseTypeName()
    {
        Enter();
        var start = Current;
        if (start.Kind != TokenKind.Name)
            throw Error(FeelTexts.ExpectedTypeName.Format(start.Describe()));
        var name = Advance().Text;
        while (Current.Kind == TokenKind.Name && IsTypePrefix(name + " " + Current.Text))
            name += " " + Advance().Text;
        TypeSpec spec;
        if (Current.Is("<") && name is "list" or "range" or "context" or "function")
        {
            index++;
            spec = name switch
            {
                "list" => new ListTypeSpec(ParseTypeName()),
                "range" => new RangeTypeSpec(ParseTypeName()),
                "context" => new ContextTypeSpec(ParseContextTypeEntries()),
                _ => ParseFunctionType(),
            };
            if (name != "function")
                ExpectSymbol(">", FeelTexts.ToCloseTypeParameters);
        }
        else
            spec = NamedOrBuiltin(name, start);
        Exit();
        return spec;
    }

    private TypeSpec NamedOrBuiltin(string name, Token start)
    {
        foreach (var (known, type) in TypeNames)
            if (known == name)
                return new BuiltinTypeSpec(type);
        while (AcceptSymbol("."))
            name += "." + (Current.Kind == TokenKind.Name ? ParsePlainName(allowKeywords: true) : throw Error(FeelTexts.ExpectedTypeName.Format(Current.Describe())));
        if (callErrorsAtParse)
            throw Error(FeelTexts.UnknownType.Format(name, string.Join(", ", TypeNames.Select(t => t.Name))), start);
        return new NamedTypeSpec(name);
    }

    private (string, TypeSpec)[] ParseContextTypeEntries()
    {
        var entries = new List<(string, TypeSpec)>();
        do
        {
            if (Current.Kind != TokenKind.Name)
                throw Error(FeelTexts.ExpectedTypeName.Format(Current.Describe()));
            var key = ParsePlainName(allowKeywords: true);
            ExpectSymbol(":", FeelTexts.AfterContextKey(key));
            entries.Add((key, ParseTypeName()));
        }
        while (AcceptSymbol(","));
        return entries.ToArray();
    }

    /// <summary><c>function&lt;T1, T2&gt; -&gt; R</c>, after the '&lt;'.</summary>
    private TypeSpec ParseFunctionType()
    {
        var arity = 0;
        if (!Current.Is(">"))
        {
            do
            {
                ParseTypeName();
                arity++;
            }
            while (AcceptSymbol(","));
        }
        ExpectSymbol(">", FeelTexts.ToCloseTypeParameters);
        ExpectSymbol("-", FeelTexts.ToCloseTypeParameters);
        ExpectSymbol(">", FeelTexts.ToCloseTypeParameters);
        ParseTypeName();
        return new FunctionTypeSpec(arity);
    }

    private static bool IsTypePrefix(string prefix)
    {
        foreach (var (known, _) in TypeNames)
            if (known.StartsWith(prefix, StringComparison.Ordinal))
                return true;
        return false;
    }
}
