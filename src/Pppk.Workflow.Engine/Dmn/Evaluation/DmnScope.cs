using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Dmn;

/// <summary>Names bound by a DMN element (requirements, context entries, parameters) over an outer scope.</summary>
internal sealed class DmnScope(IFeelScope? outer = null) : IFeelScope
{
    private readonly Dictionary<string, FeelValue> values = new(StringComparer.Ordinal);

    /// <summary>Called for a name no binding and no outer scope knows (lazily bound business knowledge models).</summary>
    public Func<string, FeelValue?>? Fallback { get; init; }

    public void Bind(string name, FeelValue value) => values[name] = value;

    public bool Has(string name) => values.ContainsKey(name);

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
        value = FeelValue.Null;
        return false;
    }
}
