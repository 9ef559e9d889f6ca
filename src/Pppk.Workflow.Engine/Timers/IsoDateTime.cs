using System.Globalization;

namespace Pppk.Workflow.Engine.Timers;

/// <summary>Reads the date-times that reach the engine: ISO 8601 with offset or Z, FEEL's "…@Asia/Makassar" zone form, local times (taken in the default zone) and plain dates (midnight in the default zone).</summary>
public static class IsoDateTime
{
    public static bool TryParse(string? text, TimeZoneInfo zone, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        text = text.Trim();
        if (text.IndexOf('@') is var at and > 0)
        {
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(text[(at + 1)..]);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                return false;
            }
            text = text[..at];
        }
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dt))
            return false;
        var hasOffset = text.EndsWith('Z') || (text.Contains('T') && (text.LastIndexOf('+') > text.IndexOf('T') || text.LastIndexOf('-') > text.IndexOf('T')));
        value = hasOffset
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).ToUniversalTime()
            : new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Unspecified), zone.GetUtcOffset(DateTime.SpecifyKind(dt, DateTimeKind.Unspecified))).ToUniversalTime();
        return true;
    }
}
