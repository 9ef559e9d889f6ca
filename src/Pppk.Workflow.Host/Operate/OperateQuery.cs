using System.Globalization;
using Pppk.Workflow.Runtime.Api;

namespace Pppk.Workflow.Host.Operate;

/// <summary>
/// The query values the instances and incidents screens share, checked: a date (a WITA day, yyyy-mm-dd, or an ISO moment),
/// a bounded whole number (a search's length is the input guard's, <c>search</c> at most 100); each refusal a 400 naming the parameter.
/// </summary>
internal static class OperateQuery
{
    /// <summary>The agencies' time zone offset (WITA, UTC+8, no daylight saving): a bare date is that day in WITA.</summary>
    private static readonly TimeSpan Wita = TimeSpan.FromHours(8);

    /// <summary>
    /// <paramref name="raw"/> as a moment; a bare date is its WITA midnight, or with <paramref name="endOfDay"/> the next
    /// day's (so "started to 2026-12-06" includes that day).
    /// </summary>
    public static bool TryDate(string name, string? raw, bool endOfDay, out DateTimeOffset? value, out LocalizedProblem? problem)
    {
        value = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(raw)) return true;
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            value = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Wita).AddDays(endOfDay ? 1 : 0).ToUniversalTime();
            return true;
        }
        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            value = moment.ToUniversalTime();
            return true;
        }
        problem = LocalizedProblem.BadRequest(OperateTexts.DateInvalid.Format(name, raw), name);
        return false;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null when not given.</summary>
    public static bool TryNumber(string name, string? raw, int min, int max, out int? value, out LocalizedProblem? problem)
    {
        value = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(raw)) return true;
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            value = n;
            return true;
        }
        problem = LocalizedProblem.BadRequest(OperateTexts.NumberRange.Format(name, min, max), name);
        return false;
    }
}
