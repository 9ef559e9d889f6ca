namespace Pppk.Workflow.Engine.Feel;

/// <summary>What an evaluation may read besides variables: the clock, the default time zone and the working-day calendar; and what it may spend.</summary>
public sealed class FeelEnvironment
{
    public const string DefaultZoneId = "Asia/Makassar";

    public FeelEnvironment(TimeProvider clock, TimeZoneInfo? timeZone = null, WorkingCalendar? calendar = null, FeelLimits? limits = null)
    {
        Clock = clock;
        TimeZone = timeZone ?? TimeZoneInfo.FindSystemTimeZoneById(DefaultZoneId);
        this.calendar = calendar ?? WorkingCalendar.WeekendsOnly;
        Limits = limits ?? FeelLimits.Default;
    }

    /// <summary>System clock, WITA (Asia/Makassar), weekends only: for tests and tools.</summary>
    public static FeelEnvironment Default { get; } = new(TimeProvider.System);

    public TimeProvider Clock { get; }

    /// <summary>The zone of <c>now()</c> and <c>today()</c>; WITA for the agencies this engine serves.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The calendar evaluations read now; a function call reads it once, so it sees one calendar whole.</summary>
    public WorkingCalendar Calendar => Volatile.Read(ref calendar);

    private WorkingCalendar calendar;

    /// <summary>Replaces the calendar for every later evaluation at once (the holiday screen's edits on a running engine).</summary>
    public void UseCalendar(WorkingCalendar next) => Volatile.Write(ref calendar, next);

    /// <summary>Iterations, sizes, nesting and wall time one evaluation may spend (and how deep parsing with them may nest).</summary>
    public FeelLimits Limits { get; }

    internal FeelDateTime Now()
    {
        var now = TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), TimeZone);
        // Truncated to milliseconds so values round-trip through ISO strings.
        var local = new DateTime(now.DateTime.Ticks - now.DateTime.Ticks % TimeSpan.TicksPerMillisecond);
        return new FeelDateTime(local, now.Offset, TimeZone.Id);
    }

    /// <summary>
    /// today() in the environment's zone. The value is cached for the part of the local day that is at least
    /// two hours from either midnight (so no DST shift can move the boundary), making the common call free.
    /// </summary>
    internal FeelDate Today()
    {
        var now = Clock.GetUtcNow();
        if (todayCache is { } c && now >= c.From && now < c.Until)
            return c.Date;
        var local = TimeZoneInfo.ConvertTime(now, TimeZone);
        var date = new FeelDate(DateOnly.FromDateTime(local.DateTime));
        var midnight = now - local.TimeOfDay;
        todayCache = new TodayCache(midnight + SafetyMargin, midnight + TimeSpan.FromDays(1) - SafetyMargin, date);
        return date;
    }

    private static readonly TimeSpan SafetyMargin = TimeSpan.FromHours(2);

    private TodayCache? todayCache;

    private sealed record TodayCache(DateTimeOffset From, DateTimeOffset Until, FeelDate Date);
}
