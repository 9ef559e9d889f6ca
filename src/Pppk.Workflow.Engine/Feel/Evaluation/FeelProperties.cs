namespace Pppk.Workflow.Engine.Feel;

/// <summary>Properties of temporal values and ranges reachable by path (DMN 1.5 table 66).</summary>
internal static class FeelProperties
{
    public static FeelValue Get(FeelValue value, string name)
    {
        switch (value)
        {
            case FeelDate d:
                return DateProperty(d.Value, name);
            case FeelDateTime dt:
                return DateProperty(DateOnly.FromDateTime(dt.Local), name) is { IsNull: false } p
                    ? p
                    : TimeProperty(TimeOnly.FromDateTime(dt.Local), dt.Offset, dt.Zone, name);
            case FeelTime t:
                return TimeProperty(t.Value, t.Offset, t.Zone, name);
            case FeelDaysAndTimeDuration d:
                return name switch
                {
                    "days" => FeelNumber.Of((int)Math.Truncate(d.Value.TotalDays)),
                    "hours" => FeelNumber.Of(d.Value.Hours),
                    "minutes" => FeelNumber.Of(d.Value.Minutes),
                    "seconds" => FeelNumber.Of(d.Value.Seconds),
                    _ => FeelValue.Null,
                };
            case FeelYearsAndMonthsDuration ym:
                return name switch
                {
                    "years" => FeelNumber.Of(ym.TotalMonths / 12),
                    "months" => FeelNumber.Of(ym.TotalMonths % 12),
                    _ => FeelValue.Null,
                };
            case FeelRange r:
                return name switch
                {
                    "start" => r.Start,
                    "end" => r.End,
                    "start included" => FeelBoolean.Of(r.StartIncluded),
                    "end included" => FeelBoolean.Of(r.EndIncluded),
                    _ => FeelValue.Null,
                };
            default:
                return FeelValue.Null;
        }
    }

    private static FeelValue DateProperty(DateOnly d, string name) => name switch
    {
        "year" => FeelNumber.Of(d.Year),
        "month" => FeelNumber.Of(d.Month),
        "day" => FeelNumber.Of(d.Day),
        // ISO weekday: Monday = 1 … Sunday = 7.
        "weekday" => FeelNumber.Of(d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek),
        _ => FeelValue.Null,
    };

    private static FeelValue TimeProperty(TimeOnly t, TimeSpan? offset, string? zone, string name) => name switch
    {
        "hour" => FeelNumber.Of(t.Hour),
        "minute" => FeelNumber.Of(t.Minute),
        "second" => FeelNumber.Of(t.Second + (t.Ticks % TimeSpan.TicksPerSecond) / (decimal)TimeSpan.TicksPerSecond),
        "time offset" => offset is { } o ? new FeelDaysAndTimeDuration(o) : FeelValue.Null,
        "timezone" => zone is not null ? new FeelString(zone) : FeelValue.Null,
        _ => FeelValue.Null,
    };
}
