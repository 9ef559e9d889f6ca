using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Dmn;

/// <summary>Names bound by a DMN element (requirements, context entries, parameters) over an outer scope; item definitions as types.</summary>
internal sealed class DmnScope(IFeelScope? outer = null) : IFeelTypeScope
{
    private readonly Dictionary<string, FeelValue> values = new(StringComparer.Ordinal);

    /// <summary>Called for a name no binding and no outer scope knows (lazily bound business knowledge models).</summary>
    public Func<string, FeelValue?>? Fallback { get; init; }

    /// <summary>The model's item definitions for <c>instance of</c> (null: ask the outer scope).</summary>
    public Func<string, FeelValue, bool?>? Types { get; init; }

    public void Bind(string name, FeelValue value) => values[name] = value;

    public bool TryResolve(string name, out FeelValue value)
    {
        if (values.TryGetValue(name, out value!))
            return true;
        if (outer is not null && outer.TryResolve(name, out value))
            return true;
        if (Fallback?.Invoke(name) is { } found)
        {
            value = found;
            return true;
        }
        return TryResolveQualified(name, out value);
    }

    /// <summary><c>import.element</c> read as one name (FEEL knows the qualified names): the import's context, then the entry.</summary>
    private bool TryResolveQualified(string name, out FeelValue value)
    {
        value = FeelValue.Null;
        for (var dot = name.IndexOf('.'); dot > 0; dot = name.IndexOf('.', dot + 1))
        {
            if (!TryResolve(name[..dot].TrimEnd(), out var head) || head is not FeelContext context)
                continue;
            var rest = name[(dot + 1)..].TrimStart();
            if (context.TryGet(rest, out value))
                return true;
            if (new ContextScope(context).TryResolve(rest, out value))
                return true;
        }
        return false;
    }

    public bool TryIsInstance(FeelValue value, string typeName, out bool isInstance)
    {
        if (Types?.Invoke(typeName, value) is { } known)
        {
            isInstance = known;
            return true;
        }
        isInstance = false;
        return outer is IFeelTypeScope types && types.TryIsInstance(value, typeName, out isInstance);
    }
}
