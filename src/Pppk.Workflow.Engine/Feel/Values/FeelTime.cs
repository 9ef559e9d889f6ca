using System.Globalization;
using System.Text.Json.Nodes;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>A time of day, optionally with a UTC offset or an IANA zone (the zone wins when both are known).</summary>
public sealed class FeelTime(TimeOnly value, TimeSpan? offset, string? zone) : FeelValue
{
    public TimeOnly Value { get; } = value;

    public TimeSpan? Offset { get; } = offset;

    public string? Zone { get; } = zone;

    public override FeelType Type => FeelType.Time;

    public override JsonNode? ToJson() => JsonValue.Create(Iso);

    public string Iso => FeelTemporal.FormatTime(Value) + FeelTemporal.FormatZone(Offset, Zone);

    public override string ToString() => $"time(\"{Iso}\")";

    /// <summary>Seconds since midnight UTC (or local when no offset), the standard's valuet.</summary>
    internal TimeSpan Comparable =>
        Offset is { } o ? Value.ToTimeSpan() - o : Value.ToTimeSpan();
}
