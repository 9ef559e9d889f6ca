using System.Text.Json.Nodes;

namespace Pppk.Workflow.Engine.Feel;

public sealed class FeelNull : FeelValue
{
    public static readonly FeelNull Instance = new();

    private FeelNull() { }

    public override FeelType Type => FeelType.Null;

    public override JsonNode? ToJson() => null;

    public override string ToString() => "null";
}
