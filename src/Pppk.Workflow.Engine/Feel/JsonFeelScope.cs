using System.Text.Json.Nodes;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// Variables from a JSON object or a dictionary of JSON values. Converted values are cached on first use,
/// so repeated evaluations against the same scope do not re-convert; changes to the JSON after a name
/// was read are not seen (build a new scope per evaluation step). Not thread-safe: one scope per evaluating thread.
/// </summary>
public sealed class JsonFeelScope : IFeelScope
{
    private readonly Func<string, (bool Found, JsonNode? Node)> lookup;
    private readonly Dictionary<string, FeelValue> cache = new(StringComparer.Ordinal);

    public JsonFeelScope(JsonObject variables)
    {
        lookup = name => variables.TryGetPropertyValue(name, out var node) ? (true, node) : (false, null);
    }

    public JsonFeelScope(IReadOnlyDictionary<string, JsonNode?> variables)
    {
        lookup = name => variables.TryGetValue(name, out var node) ? (true, node) : (false, null);
    }

    public bool TryResolve(string name, out FeelValue value)
    {
        if (cache.TryGetValue(name, out value!))
            return true;
        var (found, node) = lookup(name);
        if (!found)
        {
            value = FeelValue.Null;
            return false;
        }
        value = FeelValue.FromJson(node);
        cache[name] = value;
        return true;
    }
}
