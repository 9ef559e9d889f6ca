namespace Pppk.Workflow.Engine.Feel;

/// <summary>Aggregates over a list or varargs (<c>min(1, 2)</c> = <c>min([1, 2])</c>); an empty list or a wrong element type gives null.</summary>
internal static partial class Builtins
{
    private static void RegisterAggregates()
    {
        Add("min", "list, ...", static (a, _) => Extreme(Args.ListOrVarargs(a), -1));
        Add("max", "list, ...", static (a, _) => Extreme(Args.ListOrVarargs(a), 1));
        Add("sum", "list, ...", static (a, _) =>
        {
            var items = Args.ListOrVarargs(a);
            if (items.Length == 0)
                return Args.Null;
            var total = 0m;
            foreach (var item in items)
            {
                if (item is not FeelNumber n)
                    return Args.Null;
                total += n.Value;
            }
            return FeelNumber.Of(total);
        });
        Add("product", "list, ...", static (a, _) =>
        {
            var items = Args.ListOrVarargs(a);
            if (items.Length == 0)
                return Args.Null;
            var total = 1m;
            foreach (var item in items)
            {
                if (item is not FeelNumber n)
                    return Args.Null;
                total *= n.Value;
            }
            return FeelNumber.Of(total);
        });
        Add("mean", "list, ...", static (a, _) =>
        {
            var items = Args.ListOrVarargs(a);
            if (items.Length == 0 || !Numbers(items, out var values))
                return Args.Null;
            var total = 0m;
            foreach (var v in values)
                total += v;
            return FeelNumber.Of(total / values.Length);
        });
        Add("median", "list, ...", static (a, _) =>
        {
            var items = Args.ListOrVarargs(a);
            if (items.Length == 0 || !Numbers(items, out var values))
                return Args.Null;
            Array.Sort(values);
            var mid = values.Length / 2;
            return FeelNumber.Of(values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2);
        });
        Add("stddev", "list, ...", static (a, _) =>
        {
            var items = Args.ListOrVarargs(a);
            if (items.Length < 2 || !Numbers(items, out var values))
                return Args.Null;
            var mean = 0m;
            foreach (var v in values)
                mean += v;
            mean /= values.Length;
            var squares = 0m;
            foreach (var v in values)
                squares += (v - mean) * (v - mean);
            return FeelNumber.Of(Sqrt(squares / (values.Length - 1)));
        });
        Add("mode", "list, ...", static (a, _) =>
        {
            var items = Args.ListOrVarargs(a);
            if (!Numbers(items, out var values))
                return Args.Null;
            var counts = new Dictionary<decimal, int>();
            foreach (var v in values)
                counts[v] = counts.GetValueOrDefault(v) + 1;
            var best = counts.Count == 0 ? 0 : counts.Values.Max();
            return new FeelList(counts.Where(c => c.Value == best).Select(c => c.Key).Order().Select(v => (FeelValue)FeelNumber.Of(v)));
        });
        Add("all", "list, ...", static (a, _) =>
        {
            if (a.Length == 1 && a[0] is not FeelList && !a[0].IsNull && a[0] is not FeelBoolean)
                return Args.Null;
            var sawNull = false;
            foreach (var item in a.Length == 1 ? Args.AsList(a[0]) : a)
            {
                if (ReferenceEquals(item, FeelBoolean.False))
                    return FeelBoolean.False;
                sawNull |= !item.IsTrue;
            }
            return sawNull ? Args.Null : FeelBoolean.True;
        });
        Add("any", "list, ...", static (a, _) =>
        {
            if (a.Length == 1 && a[0] is not FeelList && !a[0].IsNull && a[0] is not FeelBoolean)
                return Args.Null;
            var sawNull = false;
            foreach (var item in a.Length == 1 ? Args.AsList(a[0]) : a)
            {
                if (item.IsTrue)
                    return FeelBoolean.True;
                sawNull |= !ReferenceEquals(item, FeelBoolean.False);
            }
            return sawNull ? Args.Null : FeelBoolean.False;
        });
    }

    private static bool Numbers(ReadOnlySpan<FeelValue> items, out decimal[] values)
    {
        values = new decimal[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is not FeelNumber n)
                return false;
            values[i] = n.Value;
        }
        return true;
    }

    /// <summary>min/max over comparable values of one type; empty or mixed lists give null.</summary>
    private static FeelValue Extreme(ReadOnlySpan<FeelValue> items, int sign)
    {
        if (items.Length == 0)
            return Args.Null;
        var best = items[0];
        foreach (var item in items[1..])
        {
            if (FeelComparison.Compare(item, best) is not { } c)
                return Args.Null;
            if (c * sign > 0)
                best = item;
        }
        return FeelComparison.Compare(best, best) is null ? Args.Null : best;
    }
}
