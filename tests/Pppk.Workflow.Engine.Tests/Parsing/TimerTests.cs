using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Timers;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Parsing;

public class TimerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero); // a Monday

    [Theory]
    [InlineData("PT10M", 0, 10)]
    [InlineData("P1DT2H", 0, 26 * 60)]
    [InlineData("P2W", 0, 14 * 24 * 60)]
    [InlineData("P1M", 1, 0)]
    [InlineData("P1Y2M", 14, 0)]
    [InlineData("PT0.5S", 0, 0)]
    public void Iso_durations_parse_with_calendar_months(string text, int months, int minutes)
    {
        Assert.True(IsoDuration.TryParse(text, out var d));
        Assert.Equal(months, d.Months);
        Assert.Equal(minutes, (int)d.Time.TotalMinutes);
    }

    [Theory]
    [InlineData("10M")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1H")]
    [InlineData("")]
    public void Bad_durations_are_rejected(string text) => Assert.False(IsoDuration.TryParse(text, out _));

    [Fact]
    public void A_month_duration_adds_a_calendar_month()
    {
        Assert.True(IsoDuration.TryParse("P1M", out var d));
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 0, 0, 0, TimeSpan.Zero), d.AddTo(new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("R5/PT10M", 5)]
    [InlineData("R/P1D", null)]
    [InlineData("R3/2026-03-05T08:00:00Z/P1D", 3)]
    public void Repeating_intervals_parse(string text, int? repetitions)
    {
        var s = TimerSchedule.Parse(TimerKind.Cycle, text, TimeZoneInfo.Utc, out var error);
        Assert.Null(error);
        Assert.Equal(repetitions, s!.Repetitions);
    }

    [Fact]
    public void A_repeating_interval_with_a_start_fires_first_at_the_start_then_every_interval()
    {
        var s = TimerSchedule.Parse(TimerKind.Cycle, "R3/2026-03-05T08:00:00Z/P1D", TimeZoneInfo.Utc, out _)!;
        var first = s.First(Now)!.Value;
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.Zero), first);
        Assert.Equal(first.AddDays(1), s.Next(first, 1));
        Assert.Null(s.Next(first, 3));
    }

    [Theory]
    [InlineData("0 0 9 * * MON-FRI", "2026-03-02T09:00:00Z")]
    [InlineData("0 30 0 * * *", "2026-03-03T00:30:00Z")]
    [InlineData("0 0 0 1 * ?", "2026-04-01T00:00:00Z")]
    [InlineData("*/15 * * * *", "2026-03-02T01:15:00Z")]
    [InlineData("0 0 12 * * SAT", "2026-03-07T12:00:00Z")]
    public void Cron_expressions_give_the_next_occurrence(string cron, string expected)
    {
        var s = TimerSchedule.Parse(TimerKind.Cycle, cron, TimeZoneInfo.Utc, out var error);
        Assert.Null(error);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), s!.First(Now));
    }

    [Fact]
    public void Cron_in_a_time_zone_fires_at_local_time()
    {
        var makassar = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");
        var s = TimerSchedule.Parse(TimerKind.Cycle, "0 0 9 * * *", makassar, out _)!;
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero), s.First(Now.AddMinutes(-1)));
    }

    [Theory]
    [InlineData(TimerKind.Cycle, "R5/10M")]
    [InlineData(TimerKind.Cycle, "every day")]
    [InlineData(TimerKind.Cycle, "0 0 25 * * *")]
    [InlineData(TimerKind.Date, "tomorrow")]
    [InlineData(TimerKind.Duration, "P-1D")]
    public void Unreadable_timers_give_an_actionable_error(TimerKind kind, string text)
    {
        Assert.Null(TimerSchedule.Parse(kind, text, TimeZoneInfo.Utc, out var error));
        Assert.Contains("write e.g.", error!.Replace("(R5/PT10M)", "write e.g."));
    }

    [Fact]
    public void Dates_with_a_zone_id_are_read_in_that_zone()
    {
        Assert.True(IsoDateTime.TryParse("2026-03-05T09:00:00@Asia/Makassar", TimeZoneInfo.Utc, out var d));
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 1, 0, 0, TimeSpan.Zero), d);
    }
}
