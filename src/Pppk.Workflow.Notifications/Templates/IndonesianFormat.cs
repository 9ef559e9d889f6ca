using System.Globalization;

namespace Pppk.Workflow.Notifications.Templates;

/// <summary>Indonesian dates, times and amounts as letters write them: "Senin, 2 Juni 2025 pukul 08.00 WITA", "Rp 4.500.000".</summary>
public static class IndonesianFormat
{
    private static readonly string[] Days = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];
    private static readonly string[] Months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    /// <summary>"Senin, 2 Juni 2025".</summary>
    public static string Date(DateOnly date) => $"{Days[(int)date.DayOfWeek]}, {date.Day} {Months[date.Month - 1]} {date.Year}";

    /// <summary>"08.00 WITA".</summary>
    public static string Time(TimeOnly time, TimeZoneInfo zone) => $"{time.Hour:00}.{time.Minute:00} {ZoneAbbreviation(zone)}";

    /// <summary>"Senin, 2 Juni 2025 pukul 08.00 WITA", the instant shown in <paramref name="zone"/>.</summary>
    public static string DateTime(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return $"{Date(DateOnly.FromDateTime(local.DateTime))} pukul {Time(TimeOnly.FromDateTime(local.DateTime), zone)}";
    }

    /// <summary>"Rp 4.500.000"; rounded to whole rupiah, negative as "-Rp 1.000".</summary>
    public static string Rupiah(decimal amount)
    {
        var rounded = Math.Round(amount, 0, MidpointRounding.AwayFromZero);
        var digits = Math.Abs(rounded).ToString("#,0", Grouping);
        return rounded < 0 ? $"-Rp {digits}" : $"Rp {digits}";
    }

    private static readonly NumberFormatInfo Grouping = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NumberGroupSizes = [3] };

    /// <summary>WIB, WITA or WIT for Indonesia's zones; the offset otherwise.</summary>
    public static string ZoneAbbreviation(TimeZoneInfo zone) => zone.Id switch
    {
        "Asia/Jakarta" or "Asia/Pontianak" or "SE Asia Standard Time" => "WIB",
        "Asia/Makassar" or "Singapore Standard Time" => "WITA",
        "Asia/Jayapura" or "Tokyo Standard Time" => "WIT",
        _ => zone.BaseUtcOffset.Hours switch { 7 => "WIB", 8 => "WITA", 9 => "WIT", var h => $"UTC{(h >= 0 ? "+" : "")}{h}" },
    };

    /// <summary>
    /// Reads what a variable holds: an ISO date ("2025-06-02"), an ISO date-time with offset (an instant) or without
    /// (already local to the zone). False for anything else.
    /// </summary>
    public static bool TryParseTemporal(string text, TimeZoneInfo zone, out DateTimeOffset instant, out bool dateOnly)
    {
        dateOnly = false;
        instant = default;
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            dateOnly = true;
            var midnight = d.ToDateTime(TimeOnly.MinValue);
            instant = new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
            return true;
        }
        // FEEL date-times may carry a zone id in brackets: "2025-06-02T08:00:00@Asia/Makassar".
        var at = text.IndexOf('@');
        if (at > 0) text = text[..at];
        var hasOffset = text.EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d\d:?\d\d$");
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant)) return true;
        if (!hasOffset && System.DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            local = System.DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
            return true;
        }
        return false;
    }
}
