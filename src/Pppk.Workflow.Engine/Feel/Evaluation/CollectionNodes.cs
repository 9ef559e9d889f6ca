namespace Pppk.Workflow.Engine.Feel;

internal sealed class ListNode(Node[] items) : Node(items)
{
    public Node[] Items { get; } = items;

    public override FeelValue Eval(EvaluationContext context)
    {
        if (Items.Length == 0)
            return FeelList.Empty;
        var values = new FeelValue[Items.Length];
        for (var i = 0; i < values.Length; i++)
            values[i] = Items[i].Eval(context);
        return new FeelList(values);
    }
}

/// <summary><c>{a: 1, b: a + 1}</c>: later entries see earlier ones.</summary>
internal sealed class ContextNode((string Key, Node Value)[] entries) : Node([.. entries.Select(e => e.Value)])
{
    public override FeelValue Eval(EvaluationContext context)
    {
        var result = FeelContext.CreateBuilder();
        var mark = context.FrameMark;
        context.PushContext(result);
        foreach (var (key, value) in entries)
            result.Set(key, value.Eval(context));
        context.PopTo(mark);
        return result;
    }
}

/// <summary>A range literal, or a unary comparison (<c>&lt; 5</c>) used as a value, which is a half-open range.</summary>
internal sealed class RangeNode(bool startIncluded, Node? start, Node? end, bool endIncluded) : Node(start, end)
{
    public override FeelValue Eval(EvaluationContext context)
    {
        var s = start?.Eval(context) ?? FeelValue.Null;
        var e = end?.Eval(context) ?? FeelValue.Null;
        if (start is not null && end is not null)
        {
            // Both endpoints must be of one orderable type (the standard: otherwise null).
            if (s.IsNull || e.IsNull || FeelComparison.Compare(s, e) is null)
                return FeelValue.Null;
        }
        else if ((start is not null && (s.IsNull || FeelComparison.Compare(s, s) is null))
                 || (end is not null && (e.IsNull || FeelComparison.Compare(e, e) is null)))
            return FeelValue.Null;
        return new FeelRange(startIncluded, s, e, endIncluded);
    }
}

/// <summary><c>(=e)</c> and <c>(!=e)</c> as range values.</summary>
internal sealed class UnaryRangeNode(string op, Node value) : Node(value)
{
    public override FeelValue Eval(EvaluationContext context) =>
        value.Eval(context) is var v && !v.IsNull ? FeelRange.Unary(op, v) : FeelValue.Null;
}

/// <summary>
/// <c>list[filter]</c>. A number selects by 1-based position (negative counts from the end); otherwise the
/// filter runs per item with <c>item</c> bound and, for context items, the item's entries visible as names.
/// A non-list target is treated as a one-element list (the standard's singleton rule).
/// </summary>
internal sealed class FilterNode(Node target, Node filter) : Node(target, filter)
{
    public override FeelValue Eval(EvaluationContext context)
    {
        var value = target.Eval(context);
        if (value.IsNull)
            return FeelValue.Null;
        ReadOnlySpan<FeelValue> items = value is FeelList list ? list.Span : new[] { value };
        if (filter is LiteralNode { Value: FeelNumber index })
            return ByIndex(items, index.Value);
        var result = new List<FeelValue>();
        var mark = context.FrameMark;
        for (var i = 0; i < items.Length; i++)
        {
            context.Budget.Tick();
            var item = items[i];
            context.Push("item", item);
            if (item is FeelContext ctx)
                context.PushContext(ctx);
            var test = filter.Eval(context);
            context.PopTo(mark);
            if (i == 0 && test is FeelNumber n)
                return ByIndex(items, n.Value);
            if (test.IsTrue)
                result.Add(item);
        }
        return new FeelList(result.ToArray());
    }

    private static FeelValue ByIndex(ReadOnlySpan<FeelValue> items, decimal index)
    {
        if (decimal.Truncate(index) != index || index == 0 || Math.Abs(index) > items.Length)
            return FeelValue.Null;
        var i = (int)index;
        return i > 0 ? items[i - 1] : items[items.Length + i];
    }
}

/// <summary><c>a.b</c>: context entry, property of a temporal value or range, or mapped over a list.</summary>
internal sealed class PathNode(Node target, string name) : Node(target)
{
    public override FeelValue Eval(EvaluationContext context)
    {
        var value = target.Eval(context);
        if (value is FeelList list)
            context.Budget.Spend(list.Count); // mapped over every item
        return Get(value, name);
    }

    public bool IsDefined(EvaluationContext context) => target.Eval(context) switch
    {
        FeelContext c => c.TryGet(name, out _),
        var v => !Get(v, name).IsNull,
    };

    public static FeelValue Get(FeelValue value, string name)
    {
        switch (value)
        {
            case FeelContext c:
                return c.Get(name);
            case FeelList list:
            {
                var result = new FeelValue[list.Count];
                for (var i = 0; i < result.Length; i++)
                    result[i] = Get(list[i], name);
                return new FeelList(result);
            }
            default:
                return FeelProperties.Get(value, name);
        }
    }
}
