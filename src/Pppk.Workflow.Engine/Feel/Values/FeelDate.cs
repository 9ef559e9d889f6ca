using System.Globalization;
using System.Text.Json.Nodes;

namespace Pppk.Workflow.Engine.Feel;

public sealed class FeelDate(DateOnly value) : FeelValue
{
    public DateOnly Value { get; } = value;

    public override FeelType Type => FeelType.Date;

    public override JsonNode? ToJson() => JsonValue.Create(Iso);

    public string Iso => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override string ToString() => $"date(\"{Iso}\")";

    /// <summary>Midnight UTC of the date: how the standard turns a date into a date and time for arithmetic.</summary>
    internal FeelDateTime ToDateTimeUtc() => new(Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero, null);
}
