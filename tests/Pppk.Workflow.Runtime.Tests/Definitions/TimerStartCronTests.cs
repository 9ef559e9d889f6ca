using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Runtime.Definitions;

namespace Pppk.Workflow.Runtime.Tests.Definitions;

/// <summary>The cron a timer start's ISO cycle becomes, read in the configured zone (WITA), never the machine's own.</summary>
public sealed class TimerStartCronTests
{
    private static readonly TimeZoneInfo Wita = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");

    [Fact]
    public void A_start_without_offset_is_the_zones_wall_clock()
    {
        Assert.Equal("30 7 15 12 *", TimerStartRegistry.CronOf(TimerKind.Cycle, "R/2026-12-15T07:30:00/P1Y", out _, Wita));
    }

    [Theory]
    [InlineData("R/2026-12-14T23:30:00Z/P1Y")]
    [InlineData("R/2026-12-15T07:30:00+08:00/P1Y")]
    [InlineData("R/2026-12-15T08:30:00+09:00/P1Y")]
    public void A_start_with_an_offset_is_that_moment_in_the_zone(string cycle)
    {
        // 23:30 UTC on the 14th is 07:30 WITA on the 15th, whatever zone the machine runs in.
        Assert.Equal("30 7 15 12 *", TimerStartRegistry.CronOf(TimerKind.Cycle, cycle, out var why, Wita));
        Assert.Null(why);
    }

    [Fact]
    public void An_impossible_start_is_refused_not_replaced_by_a_default()
    {
        Assert.Null(TimerStartRegistry.CronOf(TimerKind.Cycle, "R/2026-12-15T7:3:0:0/P1Y", out var why, Wita));
        Assert.NotNull(why);
    }
}
