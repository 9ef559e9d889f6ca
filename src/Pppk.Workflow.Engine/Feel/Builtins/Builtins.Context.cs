namespace Pppk.Workflow.Engine.Feel;

internal static partial class Builtins
{
    private static void RegisterContext()
    {
        Add("get value", "m, key", static (a, _) =>
        {
            if (a[0] is not FeelContext c)
                return Args.Null;
            if (Args.String(a[1], out var key))
                return c.Get(key);
            if (a[1] is not FeelList path)
                return Args.Null;
            FeelValue current = c;
            foreach (var part in path.Span)
            {
                if (current is not FeelContext ctx || !Args.String(part, out var k))
                    return Args.Null;
                current = ctx.Get(k);
            }
            return current;
        });
        Add("get entries", "m", static (a, _) =>
        {
            if (a[0] is not FeelContext c)
                return Args.Null;
            var result = new List<FeelValue>(c.Count);
            foreach (var (key, value) in c.Map)
                result.Add(Entry(key, value));
            return Args.List(result);
        });
        Add("context put", "context, key|keys, value", static (a, context) =>
        {
            if (a[0] is not FeelContext c)
                return Args.Null;
            // Each key of a path is one level of nesting (and one level of recursion below).
            if (a[1] is FeelList { Count: var levels } && levels > context.Budget.Limits.MaxNestingDepth)
                throw context.Budget.TooDeep();
            return Put(c, a[1], 0, a[2]) ?? Args.Null;
        });
        Add("context merge", "contexts", static (a, context) =>
        {
            var result = FeelContext.CreateBuilder();
            foreach (var item in Args.AsList(a[0]))
            {
                if (item is not FeelContext c)
                    return Args.Null;
                context.Budget.Spend(c.Count);
                foreach (var (key, value) in c.Map)
                    result.Set(key, value);
            }
            return result;
        });
        Add("context", "entries", static (a, _) =>
        {
            var result = FeelContext.CreateBuilder();
            foreach (var item in Args.AsList(a[0]))
            {
                if (item is not FeelContext e || !Args.String(e.Get("key"), out var key) || !e.TryGet("value", out var value)
                    || result.Map.ContainsKey(key))
                    return Args.Null;
                result.Set(key, value);
            }
            return result;
        });
    }

    private static FeelContext Entry(string key, FeelValue value)
    {
        var entry = FeelContext.CreateBuilder();
        entry.Set("key", new FeelString(key));
        entry.Set("value", value);
        return entry;
    }

    /// <summary>A copy with the entry set; a list of keys walks nested contexts (DMN 1.5 context put with a path).</summary>
    private static FeelContext? Put(FeelContext context, FeelValue key, int depth, FeelValue value)
    {
        string? name;
        FeelValue rest = FeelValue.Null;
        if (key is FeelList path)
        {
            if (depth >= path.Count || !Args.String(path[depth], out name))
                return null;
            if (depth + 1 < path.Count)
                rest = path;
        }
        else if (!Args.String(key, out name))
            return null;
        var result = FeelContext.CreateBuilder();
        foreach (var (k, v) in context.Map)
            result.Set(k, v);
        if (rest.IsNull)
            result.Set(name, value);
        else
        {
            // A path through an entry that is not a context has nowhere to put the value.
            var existing = context.Get(name);
            if (existing is not (FeelContext or FeelNull) || Put(existing as FeelContext ?? FeelContext.Empty, key, depth + 1, value) is not { } updated)
                return null;
            result.Set(name, updated);
        }
        return result;
    }
}
