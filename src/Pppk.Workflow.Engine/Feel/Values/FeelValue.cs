using System.Text.Json.Nodes;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// A FEEL value. <see cref="ToJson"/> and <see cref="FromJson"/> are the defined mapping to process variables
/// (see <see cref="FeelJson"/>). Subclasses are the FEEL types; values are immutable.
/// </summary>
public abstract class FeelValue : IEquatable<FeelValue>
{
    public static FeelValue Null => FeelNull.Instance;

    public abstract FeelType Type { get; }

    public bool IsNull => Type == FeelType.Null;

    /// <summary>True only for the boolean true (what a gateway condition needs).</summary>
    public bool IsTrue => ReferenceEquals(this, FeelBoolean.True);

    public abstract JsonNode? ToJson();

    public static FeelValue FromJson(JsonNode? node) => FeelJson.FromJson(node);

    /// <summary>FEEL equality (§10.3.2.2): true, false, or null when the types are not comparable.</summary>
    public static FeelValue EqualsFeel(FeelValue a, FeelValue b) => FeelBoolean.Of(FeelComparison.Equal(a, b));

    /// <summary>FEEL literal syntax of the value, e.g. <c>date("2025-01-01")</c>, <c>"text"</c>, <c>[1, 2]</c>.</summary>
    public abstract override string ToString();

    public bool Equals(FeelValue? other) => other is not null && FeelComparison.Equal(this, other) == true;

    public override bool Equals(object? obj) => obj is FeelValue v && Equals(v);

    public override int GetHashCode() => FeelComparison.HashCode(this);
}
