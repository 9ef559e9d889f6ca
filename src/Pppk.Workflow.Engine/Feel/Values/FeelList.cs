using System.Text.Json.Nodes;

namespace Pppk.Workflow.Engine.Feel;

public sealed class FeelList : FeelValue
{
    public static readonly FeelList Empty = new([]);

    private readonly FeelValue[] items;

    public FeelList(FeelValue[] items) => this.items = items;

    public FeelList(IEnumerable<FeelValue> items) => this.items = items.ToArray();

    public IReadOnlyList<FeelValue> Items => items;

    public int Count => items.Length;

    public FeelValue this[int index] => items[index];

    internal ReadOnlySpan<FeelValue> Span => items;

    public override FeelType Type => FeelType.List;

    public override JsonNode? ToJson()
    {
        var array = new JsonArray();
        foreach (var item in items)
            array.Add(item.ToJson());
        return array;
    }

    public override string ToString() => "[" + string.Join(", ", items.Select(i => i.ToString())) + "]";
}
