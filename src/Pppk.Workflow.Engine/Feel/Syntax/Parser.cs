using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// Recursive-descent parser for FEEL (DMN 1.5 §10.3.1 grammar), lowest precedence first:
/// textual (if/for/some/every/function) → or → and → comparison (= != &lt; &lt;= &gt; &gt;=, between, in, instance of)
/// → + - → * / → ** → unary - → postfix (path, filter, call) → primary.
/// </summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "not", "in", "between", "instance", "if", "then", "else", "for", "return",
        "some", "every", "satisfies", "function", "true", "false", "null", "external",
    };

    private readonly List<Token> tokens;
    private readonly FeelLimits limits;
    private int index;
    /// <summary>Set when a '?' is parsed, so a unary test knows whether it uses the input value.</summary>
    private bool sawInput;
    private readonly KnownNames? knownNames;

    private readonly bool callErrorsAtParse;

    private Parser(string source, FeelParseOptions options)
    {
        limits = options.Limits;
        callErrorsAtParse = options.CallErrorsAtParse;
        foldBudget = new EvaluationBudget(limits, Math.Min(FoldIterations, limits.MaxIterations), FoldTime);
        tokens = new Lexer(source).Tokenize();
        this.knownNames = KnownNames.Of(options.KnownNames);
    }

    private static Parser Create(string source, FeelParseOptions options)
    {
        var max = options.Limits.MaxExpressionLength;
        if (source.Length > max)
            throw new FeelSyntaxException(FeelTexts.ExpressionTooLong.Format(source.Length, max), 1, 1);
        return new Parser(source, options);
    }

    public static Node Parse(string source, FeelParseOptions options)
    {
        var parser = Create(source, options);
        if (parser.Current.Kind == TokenKind.End)
            throw parser.Error(FeelTexts.ExpectedExpression.Format());
        var node = parser.ParseExpression();
        if (parser.Current.Kind != TokenKind.End)
            throw parser.Error(FeelTexts.ExpectedOperatorOrEnd.Format(parser.Current.Describe()));
        return node;
    }

    private Token Current => tokens[index];

    private Token PeekAt(int ahead) => tokens[Math.Min(index + ahead, tokens.Count - 1)];

    private Token Advance() => tokens[index++];

    private bool IsKeyword(Token t) => t.Kind == TokenKind.Name && !t.Quoted && Keywords.Contains(t.Text);

    private bool AcceptSymbol(string symbol)
    {
        if (!Current.Is(symbol))
            return false;
        index++;
        return true;
    }

    private bool AcceptKeyword(string keyword)
    {
        if (!Current.IsKeyword(keyword) || Current.Quoted)
            return false;
        index++;
        return true;
    }

    private void ExpectSymbol(string symbol, Term context)
    {
        if (!AcceptSymbol(symbol))
            throw Error(FeelTexts.ExpectedToken.Format(symbol, context, Current.Describe()));
    }

    private void ExpectKeyword(string keyword, Term context)
    {
        if (!AcceptKeyword(keyword))
            throw Error(FeelTexts.ExpectedToken.Format(keyword, context, Current.Describe()));
    }

    private FeelSyntaxException Error(LocalizedText message) => Error(message, Current);

    private static FeelSyntaxException Error(LocalizedText message, Token at) => new(message, at.Line, at.Column);

    private Node ParseExpression()
    {
        Enter();
        var node = Checked(ParseTextualOrOr());
        Exit();
        return node;
    }

    private Node ParseTextualOrOr()
    {
        if (Current.Kind == TokenKind.Name && !Current.Quoted)
        {
            switch (Current.Text)
            {
                case "if": return ParseIf();
                case "for": return ParseFor();
                case "some" or "every": return ParseQuantified();
                case "function" when PeekAt(1).Is("("): return ParseFunctionDefinition();
            }
        }
        return ParseOr();
    }

    private Node ParseIf()
    {
        index++;
        var condition = ParseExpression();
        ExpectKeyword("then", FeelTexts.AfterIfCondition);
        var then = ParseExpression();
        ExpectKeyword("else", FeelTexts.AfterThenBranch);
        return new IfNode(condition, then, ParseExpression());
    }

    private Node ParseFor()
    {
        index++;
        var iterators = ParseIterators("return");
        ExpectKeyword("return", FeelTexts.AfterForContexts);
        return new ForNode(iterators, ParseExpression());
    }

    private Node ParseQuantified()
    {
        var every = Advance().Text == "every";
        var iterators = ParseIterators("satisfies");
        ExpectKeyword("satisfies", FeelTexts.AfterQuantifier(every ? "every" : "some"));
        return new QuantifiedNode(every, iterators, ParseExpression());
    }

    private Iterator[] ParseIterators(string terminator)
    {
        var result = new List<Iterator>();
        do
        {
            if (Current.Kind != TokenKind.Name || IsKeyword(Current))
                throw Error(FeelTexts.ExpectedVariableName.Format(Current.Describe()));
            var name = ParsePlainName();
            ExpectKeyword("in", FeelTexts.After(name));
            var domain = ParseExpression();
            Node? upTo = AcceptSymbol("..") ? ParseExpression() : null;
            result.Add(new Iterator(name, domain, upTo));
        }
        while (AcceptSymbol(","));
        if (!Current.IsKeyword(terminator))
            throw Error(FeelTexts.ExpectedCommaOr.Format(terminator, Current.Describe()));
        return result.ToArray();
    }

    private Node ParseFunctionDefinition()
    {
        index += 2;
        var parameters = new List<string>();
        if (!Current.Is(")"))
        {
            do
            {
                if (Current.Kind != TokenKind.Name)
                    throw Error(FeelTexts.ExpectedParameterName.Format(Current.Describe()));
                parameters.Add(ParsePlainName());
                if (AcceptSymbol(":"))
                    ParseTypeName(); // parameter types are accepted and not checked
            }
            while (AcceptSymbol(","));
        }
        ExpectSymbol(")", FeelTexts.ToCloseParameters);
        if (AcceptKeyword("external"))
            return new ExternalFunctionNode(parameters.ToArray(), ParseExpression());
        return new FunctionDefinitionNode(parameters.ToArray(), ParseExpression());
    }

    private Node ParseOr()
    {
        var left = ParseAnd();
        while (AcceptKeyword("or"))
            left = Fold(new OrNode(left, ParseAnd()));
        return left;
    }

    private Node ParseAnd()
    {
        var left = ParseComparison();
        while (AcceptKeyword("and"))
            left = Fold(new AndNode(left, ParseComparison()));
        return left;
    }

    private Node ParseComparison()
    {
        var left = ParseAdditive();
        while (true)
        {
            if (Current.Kind == TokenKind.Symbol && CompareOperator(Current.Text) is { } op)
            {
                index++;
                left = Fold(new CompareNode(op, left, ParseAdditive()));
            }
            else if (AcceptKeyword("between"))
            {
                var low = ParseAdditive();
                ExpectKeyword("and", FeelTexts.BetweenBounds);
                left = Fold(new BetweenNode(left, low, ParseAdditive()));
            }
            else if (AcceptKeyword("in"))
                left = Fold(new InNode(left, ParseInTests()));
            else if (AcceptKeyword("instance"))
            {
                if (!(Current.Text == "of" && Current.Kind == TokenKind.Name))
                    throw Error(FeelTexts.ExpectedOfAfterInstance.Format(Current.Describe()));
                index++;
                left = Checked(new InstanceOfNode(left, ParseTypeName()));
            }
            else
                return left;
        }
    }

    private static CompareOp? CompareOperator(string text) => text switch
    {
        "=" => CompareOp.Equal,
        "!=" => CompareOp.NotEqual,
        "<" => CompareOp.Less,
        "<=" => CompareOp.LessOrEqual,
        ">" => CompareOp.Greater,
        ">=" => CompareOp.GreaterOrEqual,
        _ => null,
    };

    private Node ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (true)
        {
            if (AcceptSymbol("+"))
                left = Fold(new ArithmeticNode(BinaryOp.Add, left, ParseMultiplicative()));
            else if (AcceptSymbol("-"))
                left = Fold(new ArithmeticNode(BinaryOp.Subtract, left, ParseMultiplicative()));
            else
                return left;
        }
    }

    private Node ParseMultiplicative()
    {
        var left = ParseUnary();
        while (true)
        {
            if (AcceptSymbol("*"))
                left = Fold(new ArithmeticNode(BinaryOp.Multiply, left, ParseUnary()));
            else if (AcceptSymbol("/"))
                left = Fold(new ArithmeticNode(BinaryOp.Divide, left, ParseUnary()));
            else
                return left;
        }
    }

    private Node ParseUnary()
    {
        if (!AcceptSymbol("-"))
            return ParsePower();
        Enter();
        var operand = ParseUnary();
        Exit();
        return Fold(new NegateNode(operand));
    }

    private Node ParsePower()
    {
        var left = ParsePostfix();
        while (AcceptSymbol("**"))
        {
            Enter(); // the exponent recurses: 2 ** 2 ** 2 nests
            var exponent = ParseUnary();
            Exit();
            left = Fold(new ArithmeticNode(BinaryOp.Power, left, exponent));
        }
        return left;
    }
}
