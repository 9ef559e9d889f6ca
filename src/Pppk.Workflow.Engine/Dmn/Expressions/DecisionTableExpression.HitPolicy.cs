using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Dmn;

internal sealed partial class DecisionTableExpression
{
    /// <summary>The result by hit policy; <paramref name="chosen"/> are the rules it came from (what "why" shows).</summary>
    private FeelValue Select(List<(TableRule Rule, int Index, FeelValue[] Outputs)> matched, DmnRun run, IFeelScope scope,
        out List<(TableRule Rule, int Index, FeelValue[] Outputs)> chosen)
    {
        chosen = matched;
        if (matched.Count == 0)
            return Default(run, scope);
        switch (HitPolicy)
        {
            case HitPolicy.First:
                return Shape(matched[0].Outputs);
            case HitPolicy.Unique when matched.Count > 1:
                run.Warn($"Decision table '{Id}' (UNIQUE): rules {string.Join(", ", matched.Select(m => m.Index))} all match; the result is null.");
                return FeelValue.Null;
            case HitPolicy.Unique:
                return Shape(matched[0].Outputs);
            case HitPolicy.Any:
            {
                var first = Shape(matched[0].Outputs);
                foreach (var m in matched.Skip(1))
                    if (FeelComparison.Equal(first, Shape(m.Outputs)) != true)
                    {
                        run.Warn($"Decision table '{Id}' (ANY): rules {string.Join(", ", matched.Select(x => x.Index))} match with different outputs; the result is null.");
                        return FeelValue.Null;
                    }
                return first;
            }
            case HitPolicy.Priority:
            {
                var best = SortByPriority(matched, run, scope)[0];
                chosen = [best];
                return Shape(best.Outputs);
            }
            case HitPolicy.OutputOrder:
                return new FeelList(SortByPriority(matched, run, scope).Select(m => Shape(m.Outputs)).ToArray());
            case HitPolicy.RuleOrder:
                return new FeelList(matched.Select(m => Shape(m.Outputs)).ToArray());
            default:
                return Collect(matched, run);
        }
    }

    private FeelValue Collect(List<(TableRule Rule, int Index, FeelValue[] Outputs)> matched, DmnRun run)
    {
        var results = matched.Select(m => Shape(m.Outputs)).ToList();
        switch (Aggregation)
        {
            case Aggregation.None:
                return new FeelList(results);
            case Aggregation.Count:
                return FeelNumber.Of(results.Count);
        }
        if (Outputs.Count != 1)
        {
            run.Warn($"Decision table '{Id}': {Aggregation} needs exactly one output; the result is null.");
            return FeelValue.Null;
        }
        var numbers = new List<decimal>();
        foreach (var r in results)
        {
            if (r.IsNull)
                continue;
            if (r is not FeelNumber n)
            {
                run.Warn($"Decision table '{Id}': {Aggregation} over a non-number ({r}); the result is null.");
                return FeelValue.Null;
            }
            numbers.Add(n.Value);
        }
        if (numbers.Count == 0)
            return Aggregation == Aggregation.Sum ? FeelNumber.Zero : FeelValue.Null;
        try
        {
            return FeelNumber.Of(Aggregation switch
            {
                Aggregation.Sum => numbers.Sum(),
                Aggregation.Min => numbers.Min(),
                _ => numbers.Max(),
            });
        }
        catch (OverflowException)
        {
            return FeelValue.Null;
        }
    }

    /// <summary>By the outputs' priorities (position in their output values, first output first); rule order breaks ties.</summary>
    private List<(TableRule Rule, int Index, FeelValue[] Outputs)> SortByPriority(
        List<(TableRule Rule, int Index, FeelValue[] Outputs)> matched, DmnRun run, IFeelScope scope)
    {
        var lists = Outputs.Select(o => o.ValueList?.Evaluate(scope, run.Environment) as FeelList).ToArray();
        int[] Key(FeelValue[] outputs)
        {
            var key = new int[outputs.Length];
            for (var o = 0; o < outputs.Length; o++)
            {
                key[o] = int.MaxValue;
                if (lists[o] is { } list)
                    for (var i = 0; i < list.Count; i++)
                        if (FeelComparison.Equal(outputs[o], list[i]) == true)
                        {
                            key[o] = i;
                            break;
                        }
            }
            return key;
        }
        return [.. matched.Select(m => (m, Key(m.Outputs))).OrderBy(x => x.Item2, KeyComparer.Instance).Select(x => x.m)];
    }

    private sealed class KeyComparer : IComparer<int[]>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            for (var i = 0; i < x!.Length; i++)
                if (x[i] != y![i])
                    return x[i].CompareTo(y[i]);
            return 0;
        }
    }

    /// <summary>No rule matched: the default output entries (null where none), or null when no output has one.</summary>
    private FeelValue Default(DmnRun run, IFeelScope scope)
    {
        if (Outputs.All(o => o.Default is null))
            return HitPolicy == HitPolicy.Collect && Aggregation == Aggregation.Count ? FeelNumber.Zero : FeelValue.Null;
        var values = Outputs.Select(o => OutputValue(o, o.Default?.Evaluate(run, scope) ?? FeelValue.Null, run, scope)).ToArray();
        return Shape(values);
    }

    /// <summary>One output is its value; several are a context by output name.</summary>
    private FeelValue Shape(FeelValue[] outputs)
    {
        if (outputs.Length == 1)
            return outputs[0];
        var entries = new OrderedDictionary<string, FeelValue>(StringComparer.Ordinal);
        for (var i = 0; i < outputs.Length; i++)
            entries[Outputs[i].Name] = outputs[i];
        return new FeelContext(entries);
    }
}
