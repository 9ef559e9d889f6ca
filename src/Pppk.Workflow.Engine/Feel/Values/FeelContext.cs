using System.Text.Json.Nodes;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>An ordered map of names to values (entry order is kept, as the standard's get entries needs).</summary>
public sealed class FeelContext : FeelValue
{
    public static readonly FeelContext Empty = new(new OrderedDictionary<string, FeelValue>());

    private readonly OrderedDictionary<string, FeelValue> entries;

    internal FeelContext(OrderedDictionary<string, FeelValue> entries) => this.entries = entries;

    public FeelContext(IEnumerable<KeyValuePair<string, FeelValue>> entries)
    {
        this.entries = new OrderedDictionary<string, FeelValue>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
            this.entries[key] = value;
    }

    public IReadOnlyList<KeyValuePair<string, FeelValue>> Entries => entries.ToList();

    public int Count => entries.Count;

    public IEnumerable<string> Keys => entries.Keys;

    public bool TryGet(string name, out FeelValue value) => entries.TryGetValue(name, out value!);

    public FeelValue Get(string name) => entries.TryGetValue(name, out var v) ? v : Null;

    internal OrderedDictionary<string, FeelValue> Map => entries;

    /// <summary>Used only while a context literal is being built (its entries may see earlier ones).</summary>
    internal void Set(string name, FeelValue value) => entries[name] = value;

    internal static FeelContext CreateBuilder() => new(new OrderedDictionary<string, FeelValue>(StringComparer.Ordinal));

    public override FeelType Type => FeelType.Context;

    public override JsonNode? ToJson()
    {
        var obj = new JsonObject();
        foreach (var (key, value) in entries)
            obj[key] = value.ToJson();
        return obj;
    }

    public override string ToString() =>
        "{" + string.Join(", ", entries.Select(e => FeelName.Format(e.Key) + ": " + e.Value)) + "}";
}
