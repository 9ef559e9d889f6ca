namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// Project functions over the environment's <see cref="WorkingCalendar"/> (Monday-Friday minus holidays):
/// <list type="bullet">
/// <item><c>add working days(from, n)</c>: the n-th working day after <c>from</c> (before it when n &lt; 0);
/// <c>from</c> itself need not be a working day; n = 0 returns <c>from</c> unchanged. A date and time keeps its
/// time of day and zone. E.g. from Thursday 2025-03-27, 3 working days skip Nyepi (28-29 Mar) and Idul Fitri with
/// cuti bersama (31 Mar - 7 Apr) and give 2025-04-10.</item>
/// <item><c>working days between(a, b)</c>: the number of working days d with a &lt; d ≤ b (so
/// <c>add working days(a, n)</c> and <c>working days between(a, result)</c> agree); negative when b &lt; a.</item>
/// <item><c>is working day(d)</c>: whether the date is a working day.</item>
/// </list>
/// Each takes an optional last argument <c>region</c> (e.g. <c>"kukar"</c>): that region's holidays close offices too.
/// A computation that reaches a date past the calendar's last year with data throws the "kalender libur tahun N belum
/// diisi" <see cref="FeelLimitException"/> (an incident at run time) instead of counting weekends only.
/// </summary>
internal static partial class Builtins
{
    private const int MaxWorkingDaySpan = 100_000;

    private static void RegisterWorkingDays()
    {
        Add("add working days", "from, n, region?", static (a, c) =>
        {
            if (DateOf(a[0]) is not { } from || !Args.Integer(a[1], out var n) || Math.Abs(n) > MaxWorkingDaySpan)
                return Args.Null;
            c.Budget.Spend(Math.Abs(n));
            if (!Region(a, 2, out var region))
                return Args.Null;
            var calendar = c.Environment.Calendar;
            var step = Math.Sign(n);
            var day = from;
            for (var left = Math.Abs(n); left > 0;)
            {
                day = day.AddDays(step);
                if (calendar.IsWorkingDay(day, region))
                    left--;
            }
            return a[0] is FeelDateTime dt
                ? dt.WithLocal(day.ToDateTime(TimeOnly.FromDateTime(dt.Local)))
                : new FeelDate(day);
        }, pure: false);
        Add("working days between", "from, to, region?", static (a, c) =>
        {
            if (DateOf(a[0]) is not { } from || DateOf(a[1]) is not { } to || Math.Abs(to.DayNumber - from.DayNumber) > MaxWorkingDaySpan * 2)
                return Args.Null;
            c.Budget.Spend(Math.Abs(to.DayNumber - from.DayNumber));
            if (!Region(a, 2, out var region))
                return Args.Null;
            var calendar = c.Environment.Calendar;
            calendar.EnsureCovered(from > to ? from : to);
            var sign = 1;
            if (to < from)
            {
                (from, to) = (to, from);
                sign = -1;
            }
            var count = 0;
            for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
                if (calendar.IsWorkingDay(day, region))
                    count++;
            return FeelNumber.Of(sign * count);
        }, pure: false);
        Add("is working day", "date, region?", static (a, c) =>
            DateOf(a[0]) is { } d && Region(a, 1, out var region) ? FeelBoolean.Of(c.Environment.Calendar.IsWorkingDay(d, region)) : Args.Null, pure: false);
    }

    /// <summary>The optional region argument: absent or null means national holidays only; anything but a string is a type error (null result).</summary>
    private static bool Region(ReadOnlySpan<FeelValue> a, int index, out string? region)
    {
        region = null;
        if (a.Length <= index || a[index].IsNull)
            return true;
        if (a[index] is not FeelString s)
            return false;
        region = s.Value;
        return true;
    }
}
