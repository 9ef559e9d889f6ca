namespace Pppk.Workflow.Engine.Feel;

/// <summary>One <c>name in domain</c> (or <c>name in from..to</c>) clause of for/some/every.</summary>
internal sealed record Iterator(string Name, Node Domain, Node? UpTo)
{
    public static IEnumerable<Node?> Nodes(Iterator[] iterators) => iterators.SelectMany(i => new[] { i.Domain, i.UpTo });
}

/// <summary>
/// The values an iterator walks: a list, a singleton, or the integers of <c>a..b</c> (descending when b &lt; a). Integers are
/// produced one by one, so a large range costs only the rounds actually walked (each a unit of the evaluation's budget).
/// </summary>
internal readonly struct Domain
{
    private readonly FeelList? items;
    private readonly decimal from;
    private readonly int step;

    private Domain(FeelList? items, decimal from, int step, long count)
    {
        this.items = items;
        this.from = from;
        this.step = step;
        Count = count;
    }

    public long Count { get; }

    public FeelValue this[long i] => items is not null ? items[(int)i] : FeelNumber.Of(from + i * step);

    public static Domain? Of(Iterator iterator, EvaluationContext context)
    {
        var from = iterator.Domain.Eval(context);
        if (iterator.UpTo is null)
        {
            return from switch
            {
                FeelList list => List(list),
                FeelRange { Start: FeelNumber s, End: FeelNumber e } r => Integers(s.Value + (r.StartIncluded ? 0 : 1), e.Value - (r.EndIncluded ? 0 : 1), false),
                FeelRange => null, // only ranges of integers can be walked
                FeelNull => null,
                _ => List(new FeelList([from])),
            };
        }
        var to = iterator.UpTo.Eval(context);
        return from switch
        {
            FeelNumber a when to is FeelNumber b => Integers(a.Value, b.Value, true),
            FeelDate a when to is FeelDate b => Days(a.Value, b.Value, context),
            _ => null,
        };
    }

    /// <summary><c>@"2025-01-01"..@"2025-01-31"</c>: the days in between, either way (built one by one against the budget).</summary>
    private static Domain Days(DateOnly from, DateOnly to, EvaluationContext context)
    {
        var step = to >= from ? 1 : -1;
        var days = new List<FeelValue>();
        for (var d = from; ; d = d.AddDays(step))
        {
            context.Budget.Tick();
            context.Budget.CheckList(days.Count + 1L);
            days.Add(new FeelDate(d));
            if (d == to)
                break;
        }
        return List(new FeelList(days.ToArray()));
    }

    private static Domain List(FeelList items) => new(items, 0, 1, items.Count);

    private static Domain? Integers(decimal from, decimal to, bool descending)
    {
        if (decimal.Truncate(from) != from || decimal.Truncate(to) != to)
            return null;
        if (to < from && !descending)
            return List(FeelList.Empty);
        // Beyond long's range no evaluation gets anywhere near the end; the budget stops it first.
        decimal span;
        try
        {
            span = Math.Abs(to - from);
        }
        catch (OverflowException)
        {
            span = decimal.MaxValue;
        }
        var count = span < long.MaxValue ? (long)span + 1 : long.MaxValue;
        return new Domain(null, from, to >= from ? 1 : -1, count);
    }
}

/// <summary><c>for a in x, b in y return e</c>: the cartesian product, in order.</summary>
internal sealed class ForNode(Iterator[] iterators, Node body, bool usesPartial = false) : Node([.. Iterator.Nodes(iterators), body])
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
            context.Budget.CheckList(results.Count + 1L);
            if (usesPartial)
            {
                context.Budget.Spend(results.Count);
                var mark = context.FrameMark;
                context.Push("partial", new FeelList(results.ToArray()));
                results.Add(body.Eval(context));
                context.PopTo(mark);
            }
            else
                results.Add(body.Eval(context));
            return true;
        }
        if (Domain.Of(iterators[index], context) is not { } domain)
            return false;
        var slot = context.FrameMark;
        context.Push(iterators[index].Name, FeelValue.Null);
        for (var i = 0L; i < domain.Count; i++)
        {
            // Every level counts: an outer range over an empty inner one still loops.
            context.Budget.Tick();
            context.Set(slot, domain[i]);
            if (!Loop(index + 1, context, results))
                return false;
        }
        context.PopTo(slot);
        return true;
    }
}

/// <summary><c>some/every x in xs satisfies c</c>, with three-valued or/and over the results.</summary>
internal sealed class QuantifiedNode(bool every, Iterator[] iterators, Node condition) : Node([.. Iterator.Nodes(iterators), condition])
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
        if (Domain.Of(iterators[index], context) is not { } domain)
            return null;
        var slot = context.FrameMark;
        context.Push(iterators[index].Name, FeelValue.Null);
        for (var i = 0L; i < domain.Count; i++)
        {
            // Every level counts: an outer range over an empty inner one still loops.
            context.Budget.Tick();
            context.Set(slot, domain[i]);
            var r = Loop(index + 1, context, ref sawNull);
            if (r is null || r == !every)
                return r;
        }
        context.PopTo(slot);
        return every;
    }
}
