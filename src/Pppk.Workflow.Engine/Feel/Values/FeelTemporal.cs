using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>Parsing and formatting of the ISO 8601 forms FEEL uses for temporal values.</summary>
internal static partial class FeelTemporal
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Zones = new(StringComparer.Ordinal);

    [GeneratedRegex(@"^(?<h>\d{2}):(?<m>\d{2})(:(?<s>\d{2})(\.(?<f>\d{1,9}))?)?(?<z>Z|[+-]\d{2}:\d{2}|@[A-Za-z_][A-Za-z0-9_+\-/]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(?<neg>-)?P(?!$)((?<y>\d+)Y)?((?<mo>\d+)M)?((?<d>\d+)D)?(T(?=\d)((?<h>\d+)H)?((?<mi>\d+)M)?((?<s>\d+(\.\d*)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    public static TimeZoneInfo? FindZone(string id) => Zones.GetOrAdd(id, static id =>
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return null; }
    });

    public static FeelDateTime InZone(DateTime local, string zone)
    {
        var tz = FindZone(zone) ?? TimeZoneInfo.Utc;
        return new FeelDateTime(local, tz.GetUtcOffset(local), zone);
    }

    public static string FormatTime(TimeOnly t)
    {
        var s = t.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = t.Ticks % TimeSpan.TicksPerSecond;
        return fraction == 0 ? s : s + "." + fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    public static string FormatZone(TimeSpan? offset, string? zone)
    {
        if (zone is not null)
            return "@" + zone;
        if (offset is not { } o)
            return "";
        if (o == TimeSpan.Zero)
            return "Z";
        var sign = o < TimeSpan.Zero ? "-" : "+";
        var a = o.Duration();
        return a.Seconds == 0 ? $"{sign}{a.Hours:D2}:{a.Minutes:D2}" : $"{sign}{a.Hours:D2}:{a.Minutes:D2}:{a.Seconds:D2}";
    }

    /// <summary>yyyy-MM-dd, parsed by hand: date(x) on a JSON string is on the hot path of most HR conditions.</summary>
    public static FeelDate? ParseDate(string text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
            return null;
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day))
            return null;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        return new FeelDate(new DateOnly(year, month, day));
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9')
                return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    public static FeelTime? ParseTime(string text)
    {
        if (!TryParseTime(text, out var time, out var offset, out var zone))
            return null;
        if (zone is not null)
            offset = FindZone(zone)?.GetUtcOffset(DateTime.UtcNow);
        return new FeelTime(time, offset, zone);
    }

    public static FeelDateTime? ParseDateTime(string text)
    {
        var t = text.IndexOf('T');
        if (t < 0)
            return ParseDate(text) is { } date ? new FeelDateTime(date.Value.ToDateTime(TimeOnly.MinValue), null, null) : null;
        var timeText = text[(t + 1)..];
        // 24:00:00 is the end of the day, that is midnight of the next (ISO 8601, XML Schema).
        var endOfDay = timeText.StartsWith("24:00:00", StringComparison.Ordinal) && !timeText.AsSpan(8).ContainsAnyInRange('1', '9');
        if (endOfDay)
            timeText = "00" + timeText[2..];
        if (ParseDate(text[..t]) is not { } d || !TryParseTime(timeText, out var time, out var offset, out var zone))
            return null;
        var local = d.Value.ToDateTime(time);
        if (endOfDay)
            local = local.AddDays(1);
        return zone is not null ? InZone(local, zone) : new FeelDateTime(local, offset, null);
    }

    private static bool TryParseTime(string text, out TimeOnly time, out TimeSpan? offset, out string? zone)
    {
        time = default;
        offset = null;
        zone = null;
        var m = TimePattern().Match(text);
        if (!m.Success)
            return false;
        var h = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var mi = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var s = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (h > 23 || mi > 59 || s > 59)
            return false;
        long ticks = 0;
        if (m.Groups["f"].Success)
            ticks = long.Parse(m.Groups["f"].Value.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
        time = new TimeOnly(h, mi, s).Add(TimeSpan.FromTicks(ticks));
        var z = m.Groups["z"].Value;
        if (z.Length == 0)
            return true;
        if (z == "Z")
            offset = TimeSpan.Zero;
        else if (z[0] == '@')
        {
            if (FindZone(z[1..]) is null)
                return false;
            zone = z[1..];
        }
        else
        {
            var oh = int.Parse(z.AsSpan(1, 2), CultureInfo.InvariantCulture);
            var om = int.Parse(z.AsSpan(4, 2), CultureInfo.InvariantCulture);
            if (oh > 14 || om > 59)
                return false;
            offset = new TimeSpan(oh, om, 0) * (z[0] == '-' ? -1 : 1);
        }
        return true;
    }

    /// <summary>Either duration kind; a mix of years/months with days/time is not a FEEL duration (null).</summary>
    public static FeelValue? ParseDuration(string text)
    {
        var m = DurationPattern().Match(text);
        if (!m.Success)
            return null;
        var sign = m.Groups["neg"].Success ? -1 : 1;
        var ym = m.Groups["y"].Success || m.Groups["mo"].Success;
        var dt = m.Groups["d"].Success || m.Groups["h"].Success || m.Groups["mi"].Success || m.Groups["s"].Success;
        try
        {
            if (ym && !dt)
            {
                var months = checked(Int(m, "y") * 12 + Int(m, "mo"));
                return new FeelYearsAndMonthsDuration(checked((int)(sign * months)));
            }
            if (dt && !ym)
            {
                var seconds = m.Groups["s"].Success ? decimal.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0m;
                var ticks = checked(Int(m, "d") * TimeSpan.TicksPerDay + Int(m, "h") * TimeSpan.TicksPerHour
                    + Int(m, "mi") * TimeSpan.TicksPerMinute + (long)(seconds * TimeSpan.TicksPerSecond));
                return new FeelDaysAndTimeDuration(TimeSpan.FromTicks(sign * ticks));
            }
        }
        catch (OverflowException) { }
        return null;
    }

    private static long Int(Match m, string group) =>
        m.Groups[group].Success ? long.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    public static bool IsTemporal(FeelType? type) =>
        type is FeelType.Date or FeelType.Time or FeelType.DateTime or FeelType.DaysAndTimeDuration or FeelType.YearsAndMonthsDuration;

    /// <summary>ISO text as the given temporal type, as date(), time(), date and time() and duration() read it; null when it is not one.</summary>
    public static FeelValue? Parse(string text, FeelType type) => type switch
    {
        FeelType.Date => ParseDate(text),
        FeelType.Time => ParseTime(text),
        FeelType.DateTime => ParseDateTime(text),
        FeelType.DaysAndTimeDuration or FeelType.YearsAndMonthsDuration => ParseDuration(text) is { } d && d.Type == type ? d : null,
        _ => null,
    };

    public static FeelValue? ParseAny(string text)
    {
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
            return ParseDuration(text);
        // A 'T' of a zone name (@Etc/GMT) does not make a time a date and time.
        var at = text.IndexOf('@');
        if ((at < 0 ? text : text[..at]).Contains('T'))
            return ParseDateTime(text);
        if (text.Length >= 10 && text[4] == '-')
            return ParseDate(text);
        return ParseTime(text);
    }
}
