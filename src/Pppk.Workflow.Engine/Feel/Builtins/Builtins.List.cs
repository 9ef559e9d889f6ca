using System.Runtime.CompilerServices;

namespace Pppk.Workflow.Engine.Feel;

internal static partial class Builtins
{
    private static void RegisterList()
    {
        RegisterAggregates();
        Add("list contains", "list, element", static (a, _) =>
        {
            if (a[0] is not FeelList list)
                return Args.Null;
            foreach (var item in list.Span)
                if (FeelComparison.Equal(item, a[1]) == true)
                    return FeelBoolean.True;
            return FeelBoolean.False;
        });
        Add("count", "list, ...", static (a, _) => FeelNumber.Of(Args.ListOrVarargs(a).Length));
        Add("sublist", "list, start position, length?", static (a, _) =>
        {
            if (a[0] is not FeelList list || !Args.Integer(a[1], out var start) || start == 0 || Math.Abs(start) > list.Count)
                return Args.Null;
            var from = start > 0 ? start - 1 : list.Count + start;
            var count = list.Count - from;
            if (a.Length == 3)
            {
                if (!Args.Integer(a[2], out var length) || length < 0 || length > count)
                    return Args.Null;
                count = length;
            }
            return new FeelList(list.Span.Slice(from, count).ToArray());
        });
        Add("append", "list, item, ...", static (a, c) =>
        {
            if (a[0] is not FeelList list)
                return Args.Null;
            c.Budget.CheckList((long)list.Count + a.Length - 1);
            var items = new List<FeelValue>(list.Items);
            items.AddRange(a[1..].ToArray());
            return Args.List(items);
        });
        Add("concatenate", "list, ...", static (a, c) =>
        {
            var total = 0L;
            foreach (var arg in a)
                total += arg is FeelList list ? list.Count : 0;
            c.Budget.CheckList(total);
            var items = new List<FeelValue>();
            foreach (var arg in a)
            {
                if (arg is not FeelList list)
                    return Args.Null;
                items.AddRange(list.Items);
            }
            return Args.List(items);
        });
        Add("insert before", "list, position, newItem", static (a, _) =>
        {
            if (a[0] is not FeelList list || !Args.Integer(a[1], out var position) || position == 0 || Math.Abs(position) > list.Count)
                return Args.Null;
            var items = new List<FeelValue>(list.Items);
            items.Insert(position > 0 ? position - 1 : list.Count + position, a[2]);
            return Args.List(items);
        });
        Add("remove", "list, position", static (a, _) =>
        {
            if (a[0] is not FeelList list || !Args.Integer(a[1], out var position) || position == 0 || Math.Abs(position) > list.Count)
                return Args.Null;
            var items = new List<FeelValue>(list.Items);
            items.RemoveAt(position > 0 ? position - 1 : list.Count + position);
            return Args.List(items);
        });
        // DMN 1.5: replace the item at a position, or every item for which match(item, newItem) is true.
        Add("list replace", "list, position|match, newItem", static (a, context) =>
        {
            if (a[0].IsNull)
                return Args.Null;
            var items = Args.AsList(a[0]).ToArray();
            if (a[1] is FeelFunction match)
            {
                // match(item, newItem) must be a two-parameter function answering true or false.
                if (match is not BuiltinFunction && match.Parameters.Count != 2)
                    return Args.Null;
                for (var i = 0; i < items.Length; i++)
                {
                    var mark = context.ArgMark;
                    context.PushArg(items[i]);
                    context.PushArg(a[2]);
                    var r = match.Invoke(context.Args(mark), context);
                    context.PopArgs(mark);
                    if (r is not FeelBoolean)
                        return Args.Null;
                    if (r.IsTrue)
                        items[i] = a[2];
                }
                return new FeelList(items);
            }
            if (!Args.Truncated(a[1], out var position) || position == 0 || Math.Abs(position) > items.Length)
                return Args.Null;
            items[position > 0 ? position - 1 : items.Length + position] = a[2];
            return new FeelList(items);
        });
        Add("reverse", "list", static (a, _) =>
        {
            if (a[0] is not FeelList list)
                return Args.Null;
            var items = list.Span.ToArray();
            Array.Reverse(items);
            return new FeelList(items);
        });
        Add("index of", "list, match", static (a, _) =>
        {
            if (a[0] is not FeelList list)
                return Args.Null;
            var result = new List<FeelValue>();
            for (var i = 0; i < list.Count; i++)
                if (FeelComparison.Equal(list[i], a[1]) == true)
                    result.Add(FeelNumber.Of(i + 1));
            return Args.List(result);
        });
        Add("union", "list, ...", static (a, c) =>
        {
            var result = new List<FeelValue>();
            foreach (var arg in a)
            {
                if (arg is not FeelList list)
                    return Args.Null;
                foreach (var item in list.Span)
                    AddDistinct(result, item, c.Budget);
            }
            return Args.List(result);
        });
        Add("distinct values", "list", static (a, c) =>
        {
            if (a[0] is not FeelList list)
                return Args.Null;
            var result = new List<FeelValue>();
            foreach (var item in list.Span)
                AddDistinct(result, item, c.Budget);
            return Args.List(result);
        });
        Add("flatten", "list", static (a, c) =>
        {
            if (a[0] is not FeelList list)
                return Args.Null;
            var result = new List<FeelValue>();
            Flatten(list, result, c.Budget);
            return Args.List(result);
        });
        Add("sort", "list, precedes?", static (a, context) => Sort(a, context));
    }

    /// <summary>Compares with every item kept so far, so each call spends as many units as there are.</summary>
    private static void AddDistinct(List<FeelValue> result, FeelValue item, EvaluationBudget budget)
    {
        budget.Spend(result.Count);
        foreach (var existing in result)
            if (FeelComparison.Equal(existing, item) == true)
                return;
        result.Add(item);
    }

    /// <summary>A list may hold one big list many times, so the result is counted as it grows, not only at the end.</summary>
    private static void Flatten(FeelList list, List<FeelValue> result, EvaluationBudget budget)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        budget.Spend(list.Count);
        foreach (var item in list.Span)
        {
            if (item is FeelList inner)
                Flatten(inner, result, budget);
            else
            {
                budget.CheckList(result.Count + 1L);
                result.Add(item);
            }
        }
    }

    /// <summary>
    /// Stable merge sort: an item moves before another only when it strictly precedes it. A user's precedes function
    /// need not be a consistent total order; merge sort still ends, after n log n comparisons (each a budget unit).
    /// </summary>
    private static FeelValue Sort(ReadOnlySpan<FeelValue> a, EvaluationContext context)
    {
        if (a[0] is not FeelList list)
            return Args.Null;
        FeelFunction? precedes = null;
        if (a.Length > 1 && !a[1].IsNull && (precedes = a[1] as FeelFunction) is null)
            return Args.Null;
        var items = list.Span.ToArray();
        var merged = new FeelValue[items.Length];
        for (var width = 1; width < items.Length; width *= 2)
        {
            for (var low = 0; low < items.Length; low += 2 * width)
            {
                int mid = Math.Min(low + width, items.Length), high = Math.Min(low + 2 * width, items.Length);
                int i = low, j = mid, k = low;
                while (i < mid && j < high)
                {
                    if (Precedes(items[j], items[i], precedes, context) is not { } rightFirst)
                        return Args.Null;
                    merged[k++] = rightFirst ? items[j++] : items[i++];
                }
                while (i < mid)
                    merged[k++] = items[i++];
                while (j < high)
                    merged[k++] = items[j++];
            }
            (items, merged) = (merged, items);
        }
        return new FeelList(items);
    }

    private static bool? Precedes(FeelValue x, FeelValue y, FeelFunction? precedes, EvaluationContext context)
    {
        context.Budget.Tick();
        if (precedes is null)
            return FeelComparison.Compare(x, y) is { } c ? c < 0 : null;
        var mark = context.ArgMark;
        context.PushArg(x);
        context.PushArg(y);
        var r = precedes.Invoke(context.Args(mark), context);
        context.PopArgs(mark);
        return r is FeelBoolean b ? b.Value : null;
    }
}
