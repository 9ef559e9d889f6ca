using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Dmn;

/// <summary>DMN 1.5 boxed conditional: <c>if</c> true gives <c>then</c>, anything else <c>else</c>.</summary>
internal sealed class ConditionalExpression : BoxedExpression
{
    public BoxedExpression? If { get; set; }
    public BoxedExpression? Then { get; set; }
    public BoxedExpression? Else { get; set; }

    public override IEnumerable<BoxedExpression> Children => new[] { If, Then, Else }.Where(e => e is not null)!;

    protected override FeelValue Eval(DmnRun run, IFeelScope scope)
    {
        var condition = If?.Evaluate(run, scope) ?? FeelValue.Null;
        if (condition is not FeelBoolean && !condition.IsNull)
        {
            run.Warn($"Conditional '{Id}': the condition is {condition}, not a boolean; the result is null.");
            return FeelValue.Null;
        }
        return condition.IsTrue
            ? Then?.Evaluate(run, scope) ?? FeelValue.Null
            : Else?.Evaluate(run, scope) ?? FeelValue.Null;
    }
}

/// <summary>DMN 1.5 boxed filter: the items of <c>in</c> for which <c>match</c> is true (<c>item</c> and a context item's entries are visible).</summary>
internal sealed class FilterExpression : BoxedExpression
{
    public BoxedExpression? In { get; set; }
    public BoxedExpression? Match { get; set; }

    public override IEnumerable<BoxedExpression> Children => new[] { In, Match }.Where(e => e is not null)!;

    protected override FeelValue Eval(DmnRun run, IFeelScope scope)
    {
        if (Iteration.Items(In, run, scope) is not { } items)
            return FeelValue.Null;
        var kept = new List<FeelValue>();
        foreach (var item in items)
        {
            EvaluationBudget.Current?.Tick();
            var inner = new DmnScope(item is FeelContext c ? new ContextScope(c, scope) : scope);
            inner.Bind("item", item);
            var match = Match?.Evaluate(run, inner) ?? FeelValue.Null;
            if (match is not FeelBoolean && !match.IsNull)
            {
                run.Warn($"Filter '{Id}': the match is {match}, not a boolean; the result is null.");
                return FeelValue.Null;
            }
            if (match.IsTrue)
                kept.Add(item);
        }
        return new FeelList(kept);
    }
}

/// <summary>DMN 1.5 boxed iterators: <c>for</c> (a list of results), <c>some</c> and <c>every</c> (booleans).</summary>
internal sealed class IteratorExpression(string kind, string variable) : BoxedExpression
{
    public BoxedExpression? In { get; set; }
    public BoxedExpression? Body { get; set; }

    public override IEnumerable<BoxedExpression> Children => new[] { In, Body }.Where(e => e is not null)!;

    protected override FeelValue Eval(DmnRun run, IFeelScope scope)
    {
        if (Iteration.Items(In, run, scope) is not { } items)
            return FeelValue.Null;
        var results = new List<FeelValue>();
        var sawNull = false;
        var budget = EvaluationBudget.Current;
        var bindPartial = kind == "for" && (usesPartial ??= Mentions(Body, "partial"));
        foreach (var item in items)
        {
            budget?.Tick();
            var inner = new DmnScope(scope);
            inner.Bind(variable, item);
            if (kind == "for")
                budget?.CheckList(results.Count + 1L);
            if (bindPartial)
            {
                budget?.Spend(results.Count); // the copy is paid for, as FEEL's for charges it
                inner.Bind("partial", new FeelList(results.ToArray()));
            }
            var value = Body?.Evaluate(run, inner) ?? FeelValue.Null;
            switch (kind)
            {
                case "for":
                    results.Add(value);
                    break;
                case "some" when value.IsTrue:
                    return FeelBoolean.True;
                case "every" when value is FeelBoolean { Value: false }:
                    return FeelBoolean.False;
                default:
                    sawNull |= value is not FeelBoolean;
                    break;
            }
        }
        return kind switch
        {
            "for" => new FeelList(results),
            _ when sawNull => FeelValue.Null,
            "some" => FeelBoolean.False,
            _ => FeelBoolean.True,
        };
    }

    private bool? usesPartial;

    /// <summary>Whether any FEEL text under the body may read the name (a decision table counts as yes: its cells are not children).</summary>
    private static bool Mentions(BoxedExpression? e, string name) => e switch
    {
        null => false,
        LiteralExpression literal => literal.Text.Contains(name, StringComparison.Ordinal),
        DecisionTableExpression => true,
        _ => e.Children.Any(c => Mentions(c, name)),
    };
}

/// <summary>What a filter or iterator walks: the list of <c>in</c>, a single value as a one-item list, null as nothing.</summary>
internal static class Iteration
{
    public static IReadOnlyList<FeelValue>? Items(BoxedExpression? source, DmnRun run, IFeelScope scope) =>
        (source?.Evaluate(run, scope) ?? FeelValue.Null) switch
        {
            { IsNull: true } => null,
            FeelList list => list.Items,
            var single => [single],
        };
}
