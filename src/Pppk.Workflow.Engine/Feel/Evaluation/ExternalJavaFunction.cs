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
                ("java.lang.Math", _) => MathCall(method, args),
                ("java.lang.String", "valueOf") when args.Length == 1 => new FeelString(args[0] is FeelString s ? s.Value : args[0].ToString()),
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

    private static FeelValue MathCall(string method, ReadOnlySpan<FeelValue> args)
    {
        var xs = new double[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is not FeelNumber n)
                return Null;
            xs[i] = (double)n.Value;
        }
        double? r = (method, xs.Length) switch
        {
            ("max", 2) => Math.Max(xs[0], xs[1]),
            ("min", 2) => Math.Min(xs[0], xs[1]),
            ("abs", 1) => Math.Abs(xs[0]),
            ("cos", 1) => Math.Cos(xs[0]),
            ("sin", 1) => Math.Sin(xs[0]),
            ("tan", 1) => Math.Tan(xs[0]),
            ("sqrt", 1) => Math.Sqrt(xs[0]),
            ("exp", 1) => Math.Exp(xs[0]),
            ("log", 1) => Math.Log(xs[0]),
            ("floor", 1) => Math.Floor(xs[0]),
            ("ceil", 1) => Math.Ceiling(xs[0]),
            ("pow", 2) => Math.Pow(xs[0], xs[1]),
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
