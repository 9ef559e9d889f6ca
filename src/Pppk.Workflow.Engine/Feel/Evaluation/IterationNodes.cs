namespace Pppk.Workflow.Engine.Feel;

/// <summary>One <c>name in domain</c> (or <c>name in from..to</c>) clause of for/some/every.</summary>
internal sealed record Iterator(string Name, Node Domain, Node? UpTo);

internal static class Iteration
{
    /// <summary>The values an iterator walks: a list, a singleton, or the integers of <c>a..b</c> (descending when b &lt; a).</summary>
    public static FeelValue[]? Domain(Iterator iterator, EvaluationContext context)
    {
        var from = iterator.Domain.Eval(context);
        if (iterator.UpTo is null)
        {
            return from switch
            {
                FeelList list => list.Span.ToArray(),
                FeelRange { Start: FeelNumber s, End: FeelNumber e } r => Integers(s.Value + (r.StartIncluded ? 0 : 1), e.Value - (r.EndIncluded ? 0 : 1), false),
                FeelNull => null,
                _ => [from],
            };
        }
        var to = iterator.UpTo.Eval(context);
        return from is FeelNumber a && to is FeelNumber b ? Integers(a.Value, b.Value, true) : null;
    }

    private static FeelValue[]? Integers(decimal from, decimal to, bool descending)
    {
        if (decimal.Truncate(from) != from || decimal.Truncate(to) != to || Math.Abs(to - from) > 1_000_000)
            return null;
        if (to < from && !descending)
            return [];
        var step = to >= from ? 1 : -1;
        var result = new FeelValue[(int)Math.Abs(to - from) + 1];
        for (var i = 0; i < result.Length; i++)
            result[i] = FeelNumber.Of(from + i * step);
        return result;
    }
}

/// <summary><c>for a in x, b in y return e</c>: the cartesian product, in order.</summary>
internal sealed class ForNode(Iterator[] iterators, Node body) : Node
{
    public override FeelValue Eval(EvaluationContext context)
    {
        var results = new List<FeelValue>();
        var mark = context.FrameMark;
        var ok = Loop(0, context, results);
        context.PopTo(mark);
        return ok ? new FeelList(results.ToArray()) : FeelValue.Null;
    }

    private bool Loop(int index, EvaluationContext context, List<FeelValue> results)
    {
        if (index == iterators.Length)
        {
            results.Add(body.Eval(context));
            return true;
        }
        if (Iteration.Domain(iterators[index], context) is not { } domain)
            return false;
        var slot = context.FrameMark;
        context.Push(iterators[index].Name, FeelValue.Null);
        foreach (var item in domain)
        {
            context.Set(slot, item);
            if (!Loop(index + 1, context, results))
                return false;
        }
        context.PopTo(slot);
        return true;
    }
}

/// <summary><c>some/every x in xs satisfies c</c>, with three-valued or/and over the results.</summary>
internal sealed class QuantifiedNode(bool every, Iterator[] iterators, Node condition) : Node
{
    public override FeelValue Eval(EvaluationContext context)
    {
        var mark = context.FrameMark;
        var sawNull = false;
        var result = Loop(0, context, ref sawNull);
        context.PopTo(mark);
        if (result is null)
            return FeelValue.Null;
        if (result == !every)
            return FeelBoolean.Of(!every);
        return sawNull ? FeelValue.Null : FeelBoolean.Of(every);
    }

    /// <summary>Returns the decisive value (true for some, false for every) as soon as found; false/true otherwise; null for a bad domain.</summary>
    private bool? Loop(int index, EvaluationContext context, ref bool sawNull)
    {
        if (index == iterators.Length)
        {
            var v = condition.Eval(context);
            if (v is not FeelBoolean b)
            {
                sawNull = true;
                return every;
            }
            return b.Value;
        }
        if (Iteration.Domain(iterators[index], context) is not { } domain)
            return null;
        var slot = context.FrameMark;
        context.Push(iterators[index].Name, FeelValue.Null);
        foreach (var item in domain)
        {
            context.Set(slot, item);
            var r = Loop(index + 1, context, ref sawNull);
            if (r is null || r == !every)
                return r;
        }
        context.PopTo(slot);
        return every;
    }
}
