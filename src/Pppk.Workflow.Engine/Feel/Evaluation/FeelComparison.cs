using System.Runtime.CompilerServices;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// Equality and ordering (DMN 1.5 §10.3.2.2, table 54). Equality: null = null is true, null = x is false,
/// values of different types are not comparable (null). Ordering: only numbers, strings, dates, times,
/// dates and times and durations of one kind; anything else is null.
/// </summary>
internal static class FeelComparison
{
    public static bool? Equal(FeelValue a, FeelValue b)
    {
        if (ReferenceEquals(a, b))
            return true;
        if (a.IsNull || b.IsNull)
            return false;
        switch (a)
        {
            case FeelNumber x when b is FeelNumber y:
                return x.Value == y.Value;
            case FeelString x when b is FeelString y:
                return string.Equals(x.Value, y.Value, StringComparison.Ordinal);
            case FeelBoolean when b is FeelBoolean:
                return false; // the two booleans are singletons, so equal ones were caught above
            case FeelList x when b is FeelList y:
                return ListEqual(x, y);
            case FeelContext x when b is FeelContext y:
                return ContextEqual(x, y);
            case FeelRange x when b is FeelRange y:
                return x.UnaryOperator == y.UnaryOperator && x.StartIncluded == y.StartIncluded && x.EndIncluded == y.EndIncluded
                    && Equal(x.Start, y.Start) == true && Equal(x.End, y.End) == true;
            case FeelFunction when b is FeelFunction:
                return false;
            case FeelDateTime x when b is FeelDateTime y:
                // Equality of date and time compares the instant and, per the standard, the zone kind must agree.
                return x.Offset.HasValue == y.Offset.HasValue && Compare(x, y) == 0;
            case FeelTime x when b is FeelTime y:
                return x.Offset.HasValue == y.Offset.HasValue && Compare(x, y) == 0;
            default:
                return a.Type == b.Type ? Compare(a, b) == 0 : null;
        }
    }

    private static bool? ListEqual(FeelList x, FeelList y)
    {
        if (x.Count != y.Count)
            return false;
        Spend(x.Count);
        for (var i = 0; i < x.Count; i++)
        {
            var e = Equal(x[i], y[i]);
            if (e != true)
                return e;
        }
        return true;
    }

    private static bool? ContextEqual(FeelContext x, FeelContext y)
    {
        if (x.Count != y.Count)
            return false;
        Spend(x.Count);
        foreach (var (key, value) in x.Map)
        {
            if (!y.TryGet(key, out var other))
                return false;
            var e = Equal(value, other);
            if (e != true)
                return e;
        }
        return true;
    }

    /// <summary>
    /// Lists may share one big item many times over and nest through recursion, so comparing them spends from the running
    /// evaluation's budget (none outside an evaluation) and guards the stack.
    /// </summary>
    private static void Spend(int items)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        EvaluationBudget.Current?.Spend(items);
    }

    /// <summary>Negative, zero or positive; null when the values cannot be ordered.</summary>
    public static int? Compare(FeelValue a, FeelValue b)
    {
        switch (a)
        {
            case FeelNumber x when b is FeelNumber y:
                return x.Value.CompareTo(y.Value);
            case FeelString x when b is FeelString y:
                return Math.Sign(string.CompareOrdinal(x.Value, y.Value));
            case FeelDate x when b is FeelDate y:
                return x.Value.CompareTo(y.Value);
            case FeelDateTime x when b is FeelDateTime y:
                if (x.Offset is { } xo && y.Offset is { } yo)
                    return Seconds((x.Local - xo).Ticks).CompareTo(Seconds((y.Local - yo).Ticks));
                if (x.Offset is null && y.Offset is null)
                    return Seconds(x.Local.Ticks).CompareTo(Seconds(y.Local.Ticks));
                return null;
            case FeelTime x when b is FeelTime y:
                if (x.Offset.HasValue != y.Offset.HasValue)
                    return null;
                return Seconds(x.Comparable.Ticks).CompareTo(Seconds(y.Comparable.Ticks));
            case FeelDaysAndTimeDuration x when b is FeelDaysAndTimeDuration y:
                return x.Value.CompareTo(y.Value);
            case FeelYearsAndMonthsDuration x when b is FeelYearsAndMonthsDuration y:
                return x.TotalMonths.CompareTo(y.TotalMonths);
            default:
                return null;
        }
    }

    /// <summary>
    /// Times and date-times compare by their value, which DMN 1.5 (§10.3.2.3.4-5, valuet/valuedt) counts in whole seconds: a
    /// fraction of a second is kept and printed but does not make two values differ, for equality and ordering alike.
    /// </summary>
    private static long Seconds(long ticks) => Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rest) - (rest < 0 ? 1 : 0);

    public static int HashCode(FeelValue v) => v switch
    {
        FeelNumber n => FeelNumber.Normalize(n.Value).GetHashCode(),
        FeelString s => s.Value.GetHashCode(StringComparison.Ordinal),
        FeelDate d => d.Value.GetHashCode(),
        FeelDateTime dt => Seconds((dt.Offset is { } o ? dt.Local - o : dt.Local).Ticks).GetHashCode(),
        FeelTime t => Seconds(t.Comparable.Ticks).GetHashCode(),
        FeelDaysAndTimeDuration d => d.Value.GetHashCode(),
        FeelYearsAndMonthsDuration d => d.TotalMonths,
        FeelList l => l.Count,
        FeelContext c => c.Count,
        _ => (int)v.Type,
    };
}
