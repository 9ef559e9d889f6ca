namespace Pppk.Workflow.Engine.Feel;

internal static partial class Builtins
{
    /// <summary>DMN 1.4 range functions for points and ranges (§10.3.4.9); more are added here as needed.</summary>
    private static void RegisterRange()
    {
        Add("before", "a, b", static (a, _) => PointOrder(a[0], a[1]));
        Add("after", "a, b", static (a, _) => PointOrder(a[1], a[0]));
        Add("includes", "range, point", static (a, _) =>
            a[0] is FeelRange r && a[1] is not FeelRange ? FeelBoolean.Of(r.Contains(a[1])) : Args.Null);
        Add("during", "point, range", static (a, _) =>
            a[1] is FeelRange r && a[0] is not FeelRange ? FeelBoolean.Of(r.Contains(a[0])) : Args.Null);
    }

    /// <summary>Whether a lies entirely before b (points or ranges).</summary>
    private static FeelValue PointOrder(FeelValue a, FeelValue b)
    {
        var (aEnd, aIncluded) = a is FeelRange ra ? (ra.End, ra.EndIncluded) : (a, true);
        var (bStart, bIncluded) = b is FeelRange rb ? (rb.Start, rb.StartIncluded) : (b, true);
        if (aEnd.IsNull || bStart.IsNull || FeelComparison.Compare(aEnd, bStart) is not { } c)
            return Args.Null;
        return FeelBoolean.Of(c < 0 || (c == 0 && !(aIncluded && bIncluded)));
    }
}
