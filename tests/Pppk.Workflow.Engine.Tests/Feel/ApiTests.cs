using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Tests.Feel;

public class FeelApiTests
{
    [Fact]
    public void Parsed_expression_keeps_its_source_and_can_be_evaluated_many_times()
    {
        var expression = FeelExpression.Parse("score >= limit");
        Assert.Equal("score >= limit", expression.Source);
        foreach (var (score, expected) in new[] { (90, true), (50, false) })
        {
            var scope = new JsonFeelScope(new JsonObject { ["score"] = score, ["limit"] = 60 });
            Assert.Equal(expected, expression.Evaluate(scope, FeelEnvironment.Default).IsTrue);
        }
    }

    [Fact]
    public void Values_expose_null_true_and_typed_accessors()
    {
        Assert.True(FeelValue.Null.IsNull);
        Assert.True(FeelExpression.Evaluate("1 < 2").IsTrue);
        Assert.False(FeelExpression.Evaluate("null").IsTrue);
        Assert.False(FeelExpression.Evaluate("1").IsTrue);
        Assert.Equal(2.5m, Assert.IsType<FeelNumber>(FeelExpression.Evaluate("5 / 2")).Value);
        Assert.Equal("ab", Assert.IsType<FeelString>(FeelExpression.Evaluate("\"a\" + \"b\"")).Value);
        Assert.Equal(new DateOnly(2025, 1, 2), Assert.IsType<FeelDate>(FeelExpression.Evaluate("date(\"2025-01-02\")")).Value);
        Assert.Equal(TimeSpan.FromHours(25), Assert.IsType<FeelDaysAndTimeDuration>(FeelExpression.Evaluate("duration(\"P1DT1H\")")).Value);
        Assert.Equal(14, Assert.IsType<FeelYearsAndMonthsDuration>(FeelExpression.Evaluate("duration(\"P1Y2M\")")).TotalMonths);
        Assert.Equal(3, Assert.IsType<FeelList>(FeelExpression.Evaluate("[1, 2, 3]")).Count);
        Assert.Equal(1m, ((FeelNumber)Assert.IsType<FeelContext>(FeelExpression.Evaluate("{a: 1}")).Get("a")).Value);
        Assert.Equal(FeelType.Range, FeelExpression.Evaluate("[1..2]").Type);
        Assert.Equal(FeelType.Function, FeelExpression.Evaluate("function(x) x").Type);
        var dt = Assert.IsType<FeelDateTime>(FeelExpression.Evaluate("@\"2026-01-05T08:00:00@Asia/Makassar\""));
        Assert.Equal(TimeSpan.FromHours(8), dt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), dt.Instant);
    }

    [Fact]
    public void Empty_scope_resolves_nothing()
    {
        Assert.False(FeelScope.Empty.TryResolve("x", out var value));
        Assert.True(value.IsNull);
        Assert.True(FeelExpression.Evaluate("x").IsNull);
    }

    [Fact]
    public void Environment_supplies_clock_zone_and_calendar()
    {
        var clock = new FixedClock(new DateTimeOffset(2025, 3, 27, 23, 30, 0, TimeSpan.Zero));
        var environment = new FeelEnvironment(clock, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"), FeelTestHost.NationalCalendar);
        // 23:30Z is already 06:30 on the 28th in Jakarta (WIB, +07:00).
        Assert.Equal("date(\"2025-03-28\")", FeelExpression.Parse("today()").Evaluate(FeelScope.Empty, environment).ToString());
        Assert.Equal("date(\"2025-04-08\")", FeelExpression.Parse("add working days(today(), 1)").Evaluate(FeelScope.Empty, environment).ToString());
        Assert.Equal("Asia/Makassar", FeelEnvironment.Default.TimeZone.Id);
        Assert.Same(WorkingCalendar.WeekendsOnly, FeelEnvironment.Default.Calendar);
    }

    [Fact]
    public void Calendar_file_lists_2025_and_2026_holidays_with_kinds()
    {
        var calendar = FeelTestHost.NationalCalendar;
        Assert.Equal(17, calendar.Holidays.Count(h => h.Date.Year == 2025 && h.Kind == HolidayKind.Libur));
        Assert.Equal(11, calendar.Holidays.Count(h => h.Date.Year == 2025 && h.Kind == HolidayKind.CutiBersama));
        Assert.Equal(17, calendar.Holidays.Count(h => h.Date.Year == 2026 && h.Kind == HolidayKind.Libur));
        Assert.Equal(8, calendar.Holidays.Count(h => h.Date.Year == 2026 && h.Kind == HolidayKind.CutiBersama));
        Assert.Contains(calendar.Holidays, h => h.Date == new DateOnly(2025, 3, 29) && h.Name.Contains("Nyepi"));
        // 2027 awaits its SKB: the dates that can be known (17 libur nasional), no cuti bersama yet, marked provisional.
        Assert.Equal(17, calendar.Holidays.Count(h => h.Date.Year == 2027 && h.Kind == HolidayKind.Libur));
        Assert.Equal([2025, 2026, 2027], calendar.Years.Select(y => y.Year));
        Assert.True(calendar.Years.Single(y => y.Year == 2027).Provisional);
        Assert.Contains("menunggu SKB", calendar.Years.Single(y => y.Year == 2027).Source);
        Assert.All(calendar.Holidays, h => Assert.False(string.IsNullOrEmpty(h.Source)));
    }

    [Theory]
    [InlineData("{\"name\":\"x\",\"holidays\":[{\"date\":\"2025-13-01\",\"name\":\"bad\"}]}", "holiday #0 has date '2025-13-01'")]
    [InlineData("{\"name\":\"x\",\"holidays\":[{\"date\":\"2025-01-01\",\"kind\":\"mudik\"}]}", "kind 'mudik'")]
    public void Calendar_load_names_the_bad_entry(string json, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => WorkingCalendar.Load(json)).Message);

    [Fact]
    public void Cached_expression_is_safe_to_share_between_threads()
    {
        var expression = FeelExpression.Parse("for i in 1..50 return i * factor");
        Parallel.For(0, 200, i =>
        {
            var scope = new JsonFeelScope(new JsonObject { ["factor"] = i });
            var list = Assert.IsType<FeelList>(expression.Evaluate(scope, FeelEnvironment.Default));
            Assert.Equal(50m * i, ((FeelNumber)list[49]).Value);
        });
    }

    [Fact]
    public void Today_follows_the_clock_across_local_midnight()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 5, 15, 59, 0, TimeSpan.Zero)); // 23:59 WITA
        var environment = new FeelEnvironment(clock);
        var today = FeelExpression.Parse("today()");
        Assert.Equal("date(\"2026-01-05\")", today.Evaluate(FeelScope.Empty, environment).ToString());
        clock.Now = new DateTimeOffset(2026, 1, 5, 4, 0, 0, TimeSpan.Zero); // noon WITA: cached window
        Assert.Equal("date(\"2026-01-05\")", today.Evaluate(FeelScope.Empty, environment).ToString());
        clock.Now = new DateTimeOffset(2026, 1, 5, 16, 1, 0, TimeSpan.Zero); // 00:01 WITA on the 6th
        Assert.Equal("date(\"2026-01-06\")", today.Evaluate(FeelScope.Empty, environment).ToString());
        clock.Now = new DateTimeOffset(2026, 1, 4, 12, 0, 0, TimeSpan.Zero); // a clock set back
        Assert.Equal("date(\"2026-01-04\")", today.Evaluate(FeelScope.Empty, environment).ToString());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
