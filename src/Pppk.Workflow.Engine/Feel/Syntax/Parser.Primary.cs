using System.Globalization;

namespace Pppk.Workflow.Engine.Feel;

internal sealed partial class Parser
{
    private Node ParsePostfix()
    {
        var node = ParsePrimary();
        while (true)
        {
            if (AcceptSymbol("."))
            {
                if (Current.Kind != TokenKind.Name)
                    throw Error(FeelTexts.ExpectedNameAfterDot.Format(Current.Describe()));
                node = Fold(new PathNode(node, ParsePlainName(allowKeywords: true)));
            }
            else if (Current.Is("[") && !inRangeEnd)
            {
                index++;
                var filter = Nested(ParseExpression);
                ExpectSymbol("]", FeelTexts.ToCloseFilter);
                node = Checked(new FilterNode(node, filter));
            }
            else if (Current.Is("("))
            {
                var at = Current;
                index++;
                var (args, names) = Nested(ParseArguments);
                node = Checked(MakeCall(node, args, names, at));
            }
            else
                return node;
        }
    }

    private Node MakeCall(Node callee, List<Node> args, List<string>? names, Token at)
    {
        if (callee is not NameNode { Name: var name } || !Builtins.TryGet(name, out var function))
            return new DynamicCallNode(callee, args.ToArray(), names?.ToArray());
        Node[] ordered;
        if (names is null)
            ordered = args.ToArray();
        else
        {
            var slots = new Node?[function.Parameters.Count];
            for (var i = 0; i < args.Count; i++)
            {
                var p = function.IndexOfParameter(names[i]);
                if (p < 0 && !callErrorsAtParse)
                    return new LiteralNode(FeelValue.Null); // the standard: a wrong call is null at run time
                if (p < 0)
                    throw Error(FeelTexts.UnknownParameter.Format(name, names[i], string.Join(", ", function.Parameters)), at);
                slots[p] = args[i];
            }
            var count = slots.Length;
            while (count > 0 && slots[count - 1] is null)
                count--;
            ordered = new Node[count];
            for (var i = 0; i < count; i++)
                ordered[i] = slots[i] ?? new LiteralNode(FeelValue.Null);
        }
        if ((ordered.Length < function.MinArgs || ordered.Length > function.MaxArgs) && !callErrorsAtParse)
            return new LiteralNode(FeelValue.Null);
        if (ordered.Length < function.MinArgs || ordered.Length > function.MaxArgs)
            throw Error(FeelTexts.WrongArgumentCount.Format(name, FeelTexts.Arity(function.MinArgs, function.MaxArgs), ordered.Length), at);
        if (name == "is defined")
            return new IsDefinedNode(ordered[0]);
        var call = new BuiltinCallNode(function, ordered);
        return function.Pure ? Fold(call) : call;
    }

    private (List<Node> Args, List<string>? Names) ParseArguments()
    {
        var args = new List<Node>();
        List<string>? names = null;
        if (AcceptSymbol(")"))
            return (args, names);
        do
        {
            if (IsNamedArgument())
            {
                names ??= args.Count == 0 ? [] : throw Error(FeelTexts.MixedArguments.Format());
                var name = ParsePlainName(allowKeywords: true);
                ExpectSymbol(":", FeelTexts.AfterParameterName);
                names.Add(name);
            }
            else if (names is not null)
                throw Error(FeelTexts.MixedArguments.Format());
            args.Add(ParseExpression());
        }
        while (AcceptSymbol(","));
        ExpectSymbol(")", FeelTexts.ToCloseArguments);
        return (args, names);
    }

    private bool IsNamedArgument()
    {
        var i = 0;
        while (PeekAt(i).Kind == TokenKind.Name)
            i++;
        return i > 0 && PeekAt(i).Is(":");
    }

    private Node ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                index++;
                return new LiteralNode(FeelNumber.Of(decimal.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture)));
            case TokenKind.String:
                index++;
                return new LiteralNode(new FeelString(token.Text));
            case TokenKind.Temporal:
                index++;
                return new LiteralNode(FeelTemporal.ParseAny(token.Text)
                    ?? (callErrorsAtParse ? throw Error(FeelTexts.InvalidTemporal.Format(token.Text), token) : FeelValue.Null));
            case TokenKind.End:
                throw Error(FeelTexts.UnexpectedEnd.Format());
            case TokenKind.Name:
                return ParseNamePrimary(token);
        }
        switch (token.Text)
        {
            case "(":
                index++;
                return Nested(ParseParenthesisOrRange);
            case "[":
                index++;
                return Nested(ParseListOrRange);
            case "]":
                index++;
                return ParseRangeRest(startIncluded: false, ParseExpression());
            case "{":
                index++;
                return Nested(ParseContext);
            case "<" or "<=" or ">" or ">=":
            {
                index++;
                Enter(); // "< < < 1" nests without brackets
                var endpoint = ParseAdditive();
                Exit();
                return Fold(token.Text switch
                {
                    "<" => new RangeNode(false, null, endpoint, false),
                    "<=" => new RangeNode(false, null, endpoint, true),
                    ">" => new RangeNode(false, endpoint, null, false),
                    _ => new RangeNode(true, endpoint, null, false),
                });
            }
            case "?":
                index++;
                sawInput = true;
                return new NameNode("?");
        }
        throw Error(FeelTexts.UnexpectedToken.Format(token.Describe()));
    }

    private Node ParseNamePrimary(Token token)
    {
        if (!token.Quoted && knownNames?.Match(tokens, index) is { } known && known.Length >= PlainNameLength())
        {
            index += known.Length;
            return new NameNode(known.Name);
        }
        if (!token.Quoted)
        {
            switch (token.Text)
            {
                case "true": index++; return new LiteralNode(FeelBoolean.True);
                case "false": index++; return new LiteralNode(FeelBoolean.False);
                case "null": index++; return new LiteralNode(FeelValue.Null);
                case "if" or "for" or "some" or "every": return ParseExpression();
                case "function" when PeekAt(1).Is("("): return ParseFunctionDefinition();
                case "not" when PeekAt(1).Is("("): index++; return new NameNode("not");
            }
        }
        if (TryMatchBuiltinName() is { } builtin)
            return new NameNode(builtin);
        if (IsKeyword(token))
            throw Error(FeelTexts.UnexpectedKeyword.Format(token.Text));
        return new NameNode(ParsePlainName());
    }

    /// <summary>Multi-word built-in names (<c>date and time</c>, <c>working days between</c>) when followed by '('.</summary>
    private string? TryMatchBuiltinName()
    {
        foreach (var words in Builtins.MultiWordNames)
        {
            var matches = true;
            for (var w = 0; w < words.Length && matches; w++)
                matches = PeekAt(w) is { Kind: TokenKind.Name, Quoted: false } t && t.Text == words[w];
            if (matches && PeekAt(words.Length).Is("("))
            {
                index += words.Length;
                return string.Join(' ', words);
            }
        }
        return null;
    }

    /// <summary>
    /// A name, joining following words into one name (<c>contract end</c>, <c>string length</c>), as the
    /// standard allows names with spaces. Keywords end a name, so <c>a and b</c> stays an and.
    /// </summary>
    private string ParsePlainName(bool allowKeywords = false)
    {
        var first = Advance();
        if (first.Quoted)
            return first.Text;
        var name = first.Text;
        while (Current is { Kind: TokenKind.Name, Quoted: false } next && (allowKeywords ? !IsKeywordOperator(next) : !IsKeyword(next)))
        {
            name += " " + next.Text;
            index++;
        }
        return name;
    }

    /// <summary>How many tokens <see cref="ParsePlainName"/> would join here.</summary>
    private int PlainNameLength()
    {
        var i = 0;
        while (PeekAt(i) is { Kind: TokenKind.Name, Quoted: false } t && !IsKeyword(t))
            i++;
        return i;
    }

    /// <summary>After '.', words like 'start included' may join, but operators still end the name.</summary>
    private static bool IsKeywordOperator(Token t) =>
        t.Text is "and" or "or" or "in" or "between" or "instance" or "then" or "else" or "return" or "satisfies";

    private Node ParseParenthesisOrRange()
    {
        if (Current.Is("=") || Current.Is("!="))
        {
            var op = Advance().Text;
            var value = ParseAdditive();
            ExpectSymbol(")", FeelTexts.ToCloseParenthesis);
            return Fold(new UnaryRangeNode(op, value));
        }
        var first = ParseExpression();
        if (AcceptSymbol(".."))
            return ParseRangeEnd(startIncluded: false, first);
        ExpectSymbol(")", FeelTexts.ToCloseParenthesis);
        return first;
    }

    private Node ParseListOrRange()
    {
        if (AcceptSymbol("]"))
            return Empty(FeelList.Empty);
        var first = ParseExpression();
        if (AcceptSymbol(".."))
            return ParseRangeEnd(startIncluded: true, first);
        var items = new List<Node> { first };
        while (AcceptSymbol(","))
            items.Add(ParseExpression());
        ExpectSymbol("]", FeelTexts.ToCloseList);
        return Fold(new ListNode(items.ToArray()));
    }

    private Node ParseRangeRest(bool startIncluded, Node start)
    {
        ExpectSymbol("..", FeelTexts.InRange);
        return ParseRangeEnd(startIncluded, start);
    }

    private Node ParseRangeEnd(bool startIncluded, Node start)
    {
        // "[1..10[" : the '[' closing the range must not be read as a filter on 10.
        var saved = inRangeEnd;
        inRangeEnd = true;
        var end = ParseExpression();
        inRangeEnd = saved;
        bool endIncluded;
        if (AcceptSymbol("]"))
            endIncluded = true;
        else if (AcceptSymbol(")") || AcceptSymbol("["))
            endIncluded = false;
        else
            throw Error(FeelTexts.ExpectedRangeEnd.Format(Current.Describe()));
        return Fold(new RangeNode(startIncluded, start, end, endIncluded));
    }

    private Node ParseContext()
    {
        var entries = new List<(string, Node)>();
        if (AcceptSymbol("}"))
            return Empty(FeelContext.Empty);
        do
        {
            string key;
            if (Current.Kind == TokenKind.String)
                key = Advance().Text;
            else if (Current.Kind == TokenKind.Name)
                key = ParsePlainName(allowKeywords: true);
            else
                throw Error(FeelTexts.ExpectedContextKey.Format(Current.Describe()));
            ExpectSymbol(":", FeelTexts.AfterContextKey(key));
            entries.Add((key, ParseExpression()));
        }
        while (AcceptSymbol(","));
        ExpectSymbol("}", FeelTexts.ToCloseContext);
        return Fold(new ContextNode(entries.ToArray()));
    }
}
