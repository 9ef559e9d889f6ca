using System.Globalization;

namespace Pppk.Workflow.Engine.Feel;

internal static partial class Builtins
{
    private static readonly FeelString[] DayNames =
        [.. new[] { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" }.Select(n => new FeelString(n))];

    private static readonly FeelString[] MonthNames =
        [.. CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Take(12).Select(n => new FeelString(n))];

    private static void RegisterTemporal()
    {
        Add("now", "", static (_, c) => c.Environment.Now(), pure: false);
        Add("today", "", static (_, c) => c.Environment.Today(), pure: false);
        Add("day of week", "date", static (a, _) => DateOf(a[0]) is { } d ? DayNames[(int)d.DayOfWeek] : Args.Null);
        Add("day of year", "date", static (a, _) => DateOf(a[0]) is { } d ? FeelNumber.Of(d.DayOfYear) : Args.Null);
        Add("week of year", "date", static (a, _) =>
            DateOf(a[0]) is { } d ? FeelNumber.Of(ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue))) : Args.Null);
        Add("month of year", "date", static (a, _) => DateOf(a[0]) is { } d ? MonthNames[d.Month - 1] : Args.Null);
        // Not in DMN 1.5; Camunda offers it and HR deadlines ("end of the month") need it.
        Add("last day of month", "date", static (a, _) =>
            DateOf(a[0]) is { } d ? new FeelDate(new DateOnly(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month))) : Args.Null);
    }

    /// <summary>The calendar date of a date or a date and time (its local wall-clock date).</summary>
    internal static DateOnly? DateOf(FeelValue v) => v switch
    {
        FeelDate d => d.Value,
        FeelDateTime dt => DateOnly.FromDateTime(dt.Local),
        _ => null,
    };
}
