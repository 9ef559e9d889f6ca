namespace Pppk.Workflow.Engine.Feel;

/// <summary>What an evaluation may read besides variables: the clock, the default time zone and the working-day calendar.</summary>
public sealed class FeelEnvironment
{
    public const string DefaultZoneId = "Asia/Makassar";

    public FeelEnvironment(TimeProvider clock, TimeZoneInfo? timeZone = null, WorkingCalendar? calendar = null)
    {
        Clock = clock;
        TimeZone = timeZone ?? TimeZoneInfo.FindSystemTimeZoneById(DefaultZoneId);
        Calendar = calendar ?? WorkingCalendar.WeekendsOnly;
    }

    /// <summary>System clock, WITA (Asia/Makassar), weekends only: for tests and tools.</summary>
    public static FeelEnvironment Default { get; } = new(TimeProvider.System);

    public TimeProvider Clock { get; }

    /// <summary>The zone of <c>now()</c> and <c>today()</c>; WITA for the agencies this engine serves.</summary>
    public TimeZoneInfo TimeZone { get; }

    public WorkingCalendar Calendar { get; }

    internal FeelDateTime Now()
    {
        var now = TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), TimeZone);
        // Truncated to milliseconds so values round-trip through ISO strings.
        var local = new DateTime(now.DateTime.Ticks - now.DateTime.Ticks % TimeSpan.TicksPerMillisecond);
        return new FeelDateTime(local, now.Offset, TimeZone.Id);
    }

    internal DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), TimeZone).DateTime);
}
