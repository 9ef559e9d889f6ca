namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// How big a value is when written out (JSON or FEEL text), measured without recursion and without writing it. A list may
/// hold the same big value many times, so the written size can be far larger than the memory it takes; this is what
/// stops <c>string(xs)</c> or storing a result from growing without bound.
/// </summary>
internal static class ValueSize
{
    public enum Verdict { Fits, TooLarge, TooDeep }

    /// <summary>Walks until the written size passes <paramref name="maxSize"/> or more than <paramref name="maxDepth"/> lists and contexts nest.</summary>
    public static Verdict Check(FeelValue value, long maxSize, int maxDepth)
    {
        if (value is not (FeelList or FeelContext or FeelRange or FeelString))
            return Verdict.Fits;
        var size = 0L;
        var pending = new Stack<(FeelValue Value, int Depth)>();
        pending.Push((value, 0));
        while (pending.Count > 0)
        {
            var (v, depth) = pending.Pop();
            if (depth >= maxDepth && v is FeelList or FeelContext)
                return Verdict.TooDeep;
            switch (v)
            {
                case FeelList list:
                    size += 2 + list.Count;
                    foreach (var item in list.Span)
                        pending.Push((item, depth + 1));
                    break;
                case FeelContext context:
                    size += 2;
                    foreach (var (key, item) in context.Map)
                    {
                        size += key.Length + 4;
                        pending.Push((item, depth + 1));
                    }
                    break;
                case FeelString s:
                    size += s.Value.Length + 2;
                    break;
                case FeelRange r:
                    size += 4;
                    pending.Push((r.Start, depth + 1));
                    pending.Push((r.End, depth + 1));
                    break;
                default:
                    size += 16; // numbers, booleans, temporal values: short
                    break;
            }
            if (size > maxSize)
                return Verdict.TooLarge;
        }
        return Verdict.Fits;
    }
}
