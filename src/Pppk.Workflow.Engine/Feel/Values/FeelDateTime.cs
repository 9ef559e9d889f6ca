using System.Text.Json.Nodes;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// A date and time: the local wall-clock value plus an optional UTC offset or IANA zone
/// (with a zone the offset is derived from the zone rules at that instant).
/// Without offset it is a "local" date and time, which is not comparable with zoned ones (FEEL null).
/// </summary>
public sealed class FeelDateTime(DateTime local, TimeSpan? offset, string? zone) : FeelValue
{
    public DateTime Local { get; } = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);

    public TimeSpan? Offset { get; } = offset;

    public string? Zone { get; } = zone;

    public override FeelType Type => FeelType.DateTime;

    /// <summary>The instant, when the value has an offset.</summary>
    public DateTimeOffset? Instant => Offset is { } o ? new DateTimeOffset(Local, o) : null;

    public override JsonNode? ToJson() => JsonValue.Create(Iso);

    public string Iso =>
        Local.ToString("yyyy-MM-dd'T'", System.Globalization.CultureInfo.InvariantCulture)
        + FeelTemporal.FormatTime(TimeOnly.FromDateTime(Local)) + FeelTemporal.FormatZone(Offset, Zone);

    public override string ToString() => $"date and time(\"{Iso}\")";

    /// <summary>Same wall-clock shift in the same zone; a zone's offset is recomputed (DST-safe).</summary>
    internal FeelDateTime WithLocal(DateTime local) =>
        Zone is { } z ? FeelTemporal.InZone(local, z) : new FeelDateTime(local, Offset, null);
}
