namespace Pppk.Workflow.Engine.Timers;

/// <summary>A cron expression as Camunda 8 accepts it (Spring style, 6 fields with seconds; 5 fields without are accepted too): *, ?, lists, ranges, steps, month and day names.</summary>
public sealed class CronSchedule
{
    private readonly bool[] _seconds = new bool[60], _minutes = new bool[60], _hours = new bool[24], _days = new bool[32], _months = new bool[13], _weekdays = new bool[7];
    private readonly bool _anyDay, _anyWeekday;

    private CronSchedule(string[] f)
    {
        Fill(_seconds, f[0], 0, 59, null);
        Fill(_minutes, f[1], 0, 59, null);
        Fill(_hours, f[2], 0, 23, null);
        Fill(_days, f[3], 1, 31, null);
        Fill(_months, f[4], 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]);
        var weekdays = new bool[8];
        Fill(weekdays, f[5], 0, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]);
        for (var i = 0; i < 7; i++)
            _weekdays[i] = weekdays[i] || (i == 0 && weekdays[7]);
        _anyDay = f[3] is "*" or "?";
        _anyWeekday = f[5] is "*" or "?";
    }

    public static bool TryParse(string text, out CronSchedule? schedule)
    {
        schedule = null;
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 5)
            fields = ["0", .. fields];
        if (fields.Length != 6)
            return false;
        try
        {
            schedule = new CronSchedule(fields);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in <paramref name="zone"/>; null if none within five years.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        var start = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerSecond)).AddSeconds(1);
        for (var day = start.Date; day < start.Date.AddYears(5); day = day.AddDays(1))
        {
            if (!_months[day.Month] || !DayMatches(day))
                continue;
            for (var h = 0; h < 24; h++)
            {
                if (!_hours[h]) continue;
                for (var m = 0; m < 60; m++)
                {
                    if (!_minutes[m]) continue;
                    for (var s = 0; s < 60; s++)
                    {
                        if (!_seconds[s]) continue;
                        var candidate = day.AddHours(h).AddMinutes(m).AddSeconds(s);
                        if (candidate >= start && !zone.IsInvalidTime(candidate))
                            return new DateTimeOffset(candidate, zone.GetUtcOffset(candidate)).ToUniversalTime();
                    }
                }
            }
        }
        return null;
    }

    private bool DayMatches(DateTime day)
    {
        bool dom = _days[day.Day], dow = _weekdays[(int)day.DayOfWeek];
        if (_anyDay && _anyWeekday) return true;
        if (_anyDay) return dow;
        if (_anyWeekday) return dom;
        return dom || dow;
    }

    private static void Fill(bool[] target, string field, int min, int max, string[]? names)
    {
        foreach (var part in field.Split(','))
        {
            var step = 1;
            var range = part;
            if (part.IndexOf('/') is var slash and >= 0)
            {
                step = int.Parse(part[(slash + 1)..]);
                range = part[..slash];
                if (step <= 0) throw new FormatException();
            }
            int from, to;
            if (range is "*" or "?")
                (from, to) = (min, max);
            else if (range.IndexOf('-') is var dash and > 0)
                (from, to) = (Value(range[..dash], names, min), Value(range[(dash + 1)..], names, min));
            else
            {
                from = Value(range, names, min);
                to = part.Contains('/') ? max : from;
            }
            if (from < min || to > max || from > to)
                throw new FormatException();
            for (var i = from; i <= to; i += step)
                target[i] = true;
        }
    }

    private static int Value(string text, string[]? names, int min)
    {
        if (int.TryParse(text, out var n))
            return n;
        var index = names is null ? -1 : Array.FindIndex(names, x => x.Equals(text, StringComparison.OrdinalIgnoreCase));
        if (index < 0) throw new FormatException();
        return index + (min == 1 ? 1 : 0);
    }
}
