namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// DMN 1.4 range functions (§10.3.4.9). A point is treated as the closed range [p..p], which makes the
/// point forms of the standard's table fall out of the range forms. An unbounded endpoint yields null.
/// </summary>
internal static partial class Builtins
{
    private static void RegisterRange()
    {
        AddRange("before", static (a, b) => Or(Lt(a.End, b.Start), And(Not(a.EndIncluded && b.StartIncluded), Eq(a.End, b.Start))));
        AddRange("after", static (a, b) => Or(Lt(b.End, a.Start), And(Not(b.EndIncluded && a.StartIncluded), Eq(b.End, a.Start))));
        AddRange("meets", static (a, b) => And(a.EndIncluded && b.StartIncluded, Eq(a.End, b.Start)));
        AddRange("met by", static (a, b) => And(b.EndIncluded && a.StartIncluded, Eq(b.End, a.Start)));
        AddRange("overlaps", static (a, b) => And(
            Or(Lt(b.Start, a.End), And(a.EndIncluded && b.StartIncluded, Eq(a.End, b.Start))),
            Or(Lt(a.Start, b.End), And(a.StartIncluded && b.EndIncluded, Eq(a.Start, b.End)))));
        AddRange("overlaps before", static (a, b) => OverlapsBefore(a, b));
        AddRange("overlaps after", static (a, b) => OverlapsBefore(b, a));
        AddRange("finishes", static (a, b) => Finishes(a, b));
        AddRange("finished by", static (a, b) => Finishes(b, a));
        AddRange("includes", static (a, b) => Includes(a, b));
        AddRange("during", static (a, b) => Includes(b, a));
        AddRange("starts", static (a, b) => Starts(a, b));
        AddRange("started by", static (a, b) => Starts(b, a));
        AddRange("coincides", static (a, b) => And(And(Eq(a.Start, b.Start), a.StartIncluded == b.StartIncluded),
            And(Eq(a.End, b.End), a.EndIncluded == b.EndIncluded)));
        Add("range", "from", static (a, _) =>
        {
            if (!Args.String(a[0], out var text) || !IsRangeLiteral(text) || !FeelExpression.TryParse(text, out var expression, out var _))
                return Args.Null;
            return expression!.Evaluate() is FeelRange range ? range : Args.Null;
        });
    }

    // An endpoint of range("..."): a literal (DMN 1.5 §10.3.4.9 range literal), not an expression to evaluate.
    private static readonly System.Text.RegularExpressions.Regex RangeEndpoint = new(
        """^\s*(-?\d+(\.\d+)?|"[^"]*"|@"[^"]*"|(date|time|date and time|duration)\(\s*"[^"]*"\s*\))?\s*$""",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary><c>[a..b]</c>, <c>(a..b)</c>, <c>]a..b[</c> with literal endpoints (one may be empty: unbounded); not <c>&gt;= 10</c>.</summary>
    private static bool IsRangeLiteral(string text)
    {
        var t = text.Trim();
        if (t.Length < 4 || t[0] is not ('[' or '(' or ']') || t[^1] is not (']' or ')' or '['))
            return false;
        var body = t[1..^1];
        var dots = body.IndexOf("..", StringComparison.Ordinal);
        return dots >= 0 && RangeEndpoint.IsMatch(body[..dots]) && RangeEndpoint.IsMatch(body[(dots + 2)..])
            && (body[..dots].Trim().Length > 0 || body[(dots + 2)..].Trim().Length > 0);
    }

    private static void AddRange(string name, Func<FeelRange, FeelRange, bool?> test) =>
        Table[name] = new BuiltinFunction(name, ["a", "b"], 2, 2, true, (args, _) =>
            AsRange(args[0]) is { } a && AsRange(args[1]) is { } b ? FeelBoolean.Of(test(a, b)) : Args.Null);

    private static FeelRange? AsRange(FeelValue v) => v switch
    {
        FeelRange r => r,
        FeelNull => null,
        _ => new FeelRange(true, v, v, true),
    };

    private static bool? OverlapsBefore(FeelRange a, FeelRange b) => And(
        And(Or(Lt(a.Start, b.Start), And(a.StartIncluded && !b.StartIncluded, Eq(a.Start, b.Start))),
            Or(Lt(b.Start, a.End), And(a.EndIncluded && b.StartIncluded, Eq(a.End, b.Start)))),
        Or(Lt(a.End, b.End), And(!a.EndIncluded || b.EndIncluded, Eq(a.End, b.End))));

    private static bool? Finishes(FeelRange a, FeelRange b) => And(
        And(a.EndIncluded == b.EndIncluded, Eq(a.End, b.End)),
        Or(Lt(b.Start, a.Start), And(!a.StartIncluded || b.StartIncluded, Eq(a.Start, b.Start))));

    private static bool? Includes(FeelRange a, FeelRange b) => And(
        Or(Lt(a.Start, b.Start), And(a.StartIncluded || !b.StartIncluded, Eq(a.Start, b.Start))),
        Or(Lt(b.End, a.End), And(a.EndIncluded || !b.EndIncluded, Eq(a.End, b.End))));

    private static bool? Starts(FeelRange a, FeelRange b) => And(
        And(a.StartIncluded == b.StartIncluded, Eq(a.Start, b.Start)),
        Or(Lt(a.End, b.End), And(!a.EndIncluded || b.EndIncluded, Eq(a.End, b.End))));

    private static bool? Lt(FeelValue x, FeelValue y) => FeelComparison.Compare(x, y) is { } c ? c < 0 : null;

    private static bool? Eq(FeelValue x, FeelValue y) => FeelComparison.Compare(x, y) is { } c ? c == 0 : null;

    private static bool? Not(bool b) => !b;

    private static bool? And(bool? x, bool? y) => x == false || y == false ? false : x is null || y is null ? null : true;

    private static bool? Or(bool? x, bool? y) => x == true || y == true ? true : x is null || y is null ? null : false;
}
