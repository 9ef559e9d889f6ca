using System.Text.Json.Nodes;

namespace Pppk.Workflow.Engine.Feel;

public sealed class FeelString(string value) : FeelValue
{
    public static readonly FeelString Empty = new("");

    public string Value { get; } = value;

    public override FeelType Type => FeelType.String;

    public override JsonNode? ToJson() => JsonValue.Create(Value);

    public override string ToString() => Quote(Value);

    internal static string Quote(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }
}
