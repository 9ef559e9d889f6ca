using System.Globalization;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// <c>function(a, b) external {java: {class: "...", method signature: "..."}}</c> (DMN 1.5 §10.3.2.13.3). No Java runs
/// here: a few methods of java.lang (Math, the boxed numbers' valueOf, String.valueOf/format) are mapped to .NET; any
/// other class or method, like a non-Java external function, gives null when called.
/// </summary>
internal sealed class ExternalFunctionNode(string[] parameters, Node mapping) : Node(mapping)
{
    public override FeelValue Eval(EvaluationContext context)
    {
        var java = PathNode.Get(mapping.Eval(context), "java");
        var type = PathNode.Get(java, "class") as FeelString;
        var signature = PathNode.Get(java, "method signature") as FeelString;
        return new ExternalJavaFunction(parameters, type?.Value ?? "", signature?.Value ?? "");
    }
}

internal sealed class ExternalJavaFunction(string[] parameters, string type, string signature) : FeelFunction
{
    public override string Name => $"{type}.{signature}";

    public override IReadOnlyList<string> Parameters => parameters;

    internal override FeelValue Invoke(ReadOnlySpan<FeelValue> args, EvaluationContext context)
    {
        var open = signature.IndexOf('(');
        var method = open < 0 ? signature : signature[..open].Trim();
        try
        {
            return (type, method) switch
            {
                ("java.lang.Math", _) => MathCall(method, args, context),
                // valueOf(char) takes one character; other signatures any value.
                ("java.lang.String", "valueOf") when args.Length == 1 => signature.Contains("(char)", StringComparison.Ordinal)
                    ? args[0] is FeelString { Value.Length: 1 } c ? c : Null
                    : new FeelString(args[0] is FeelString s ? s.Value : args[0].ToString()),
                ("java.lang.String", "format") when args.Length >= 1 && args[0] is FeelString f => Format(f.Value, args[1..]),
                ("java.lang.Byte" or "java.lang.Short" or "java.lang.Integer" or "java.lang.Long", "valueOf") when args.Length == 1 =>
                    Number(args[0]) is { } n ? FeelNumber.Of(decimal.Truncate(n)) : Null,
                ("java.lang.Float" or "java.lang.Double", "valueOf") when args.Length == 1 => Number(args[0]) is { } d ? FeelNumber.Of(d) : Null,
                _ => Null,
            };
        }
        catch (Exception e) when (e is OverflowException or FormatException or ArgumentException)
        {
            return Null;
        }
    }

    private static decimal? Number(FeelValue v) => v switch
    {
        FeelNumber n => n.Value,
        FeelString s when decimal.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    /// <summary>java.lang.Math on numbers: FEEL's own built-in where there is one (decimal, as FEEL computes); through double only for the rest.</summary>
    private static FeelValue MathCall(string method, ReadOnlySpan<FeelValue> args, EvaluationContext context)
    {
        foreach (var a in args)
            if (a is not FeelNumber)
                return Null;
        var builtin = (method, args.Length) switch
        {
            ("max" or "min", 2) or ("abs" or "sqrt" or "exp" or "log" or "floor", 1) => method,
            ("ceil", 1) => "ceiling",
            _ => null,
        };
        if (builtin is not null)
            return Builtins.TryGet(builtin, out var function) ? function.Invoke(args, context) : Null;
        var x = (double)((FeelNumber)args[0]).Value;
        double? r = (method, args.Length) switch
        {
            ("cos", 1) => Math.Cos(x),
            ("sin", 1) => Math.Sin(x),
            ("tan", 1) => Math.Tan(x),
            ("pow", 2) => Math.Pow(x, (double)((FeelNumber)args[1]).Value),
            _ => null,
        };
        return r is { } d && double.IsFinite(d) ? FeelNumber.Of((decimal)d) : Null;
    }

    /// <summary>Java's String.format for %s and %d only.</summary>
    private static FeelValue Format(string format, ReadOnlySpan<FeelValue> args)
    {
        var values = new List<FeelValue>();
        foreach (var a in args)
            if (a is FeelList list) values.AddRange(list.Span.ToArray()); else values.Add(a);
        var sb = new System.Text.StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '%' && i + 1 < format.Length && format[i + 1] is 's' or 'd' && next < values.Count)
            {
                sb.Append(values[next++] is FeelString s ? s.Value : values[next - 1].ToString());
                i++;
            }
            else
                sb.Append(format[i]);
        }
        return new FeelString(sb.ToString());
    }
}
