using System.Text.Json.Nodes;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>Only two instances exist, so evaluation never allocates a boolean.</summary>
public sealed class FeelBoolean : FeelValue
{
    public static readonly FeelBoolean True = new(true);
    public static readonly FeelBoolean False = new(false);

    private FeelBoolean(bool value) => Value = value;

    public bool Value { get; }

    public override FeelType Type => FeelType.Boolean;

    public static FeelBoolean Of(bool value) => value ? True : False;

    /// <summary>Three-valued: null stays FEEL null.</summary>
    public static FeelValue Of(bool? value) => value is { } b ? Of(b) : Null;

    public override JsonNode? ToJson() => JsonValue.Create(Value);

    public override string ToString() => Value ? "true" : "false";
}
