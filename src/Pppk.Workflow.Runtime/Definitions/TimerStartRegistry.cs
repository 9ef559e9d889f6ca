using Pppk.Workflow.Engine.Localization;
using System.Globalization;
using System.Text.RegularExpressions;
using Hangfire;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Runtime.Definitions;

/// <summary>
/// Timer start events as Hangfire recurring jobs in the configured time zone. Deploying a version replaces the jobs of
/// the previous one; a start event that is gone from the new version loses its job.
/// </summary>
public sealed partial class TimerStartRegistry(IRecurringJobManager recurring, IOptions<RuntimeOptions> options)
{
    public static string JobId(string key, string startEventId) => $"timer-start:{key}:{startEventId}";

    public void Replace(string key, ProcessModel? previous, ProcessModel current)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        var keep = new HashSet<string>();
        foreach (var (start, kind, expression) in current.TimerStarts)
        {
            var cron = CronOf(kind, expression, out _, zone) ?? throw new InvalidOperationException($"Timer start {start.Id} has no recurring schedule.");
            var id = JobId(key, start.Id);
            keep.Add(id);
            var startId = start.Id;
            recurring.AddOrUpdate<WorkflowJobs>(id, j => j.StartByTimer(key, startId, CancellationToken.None), cron, new RecurringJobOptions { TimeZone = zone });
        }
        foreach (var (start, _, _) in previous?.TimerStarts ?? [])
            if (!keep.Contains(JobId(key, start.Id))) recurring.RemoveIfExists(JobId(key, start.Id));
    }

    /// <summary>
    /// The cron schedule of a timer start: a cron expression as it is; an ISO 8601 cycle (<c>R/P1D</c>,
    /// <c>R/2026-01-01T07:00:00/P3M</c>) when its period maps onto the calendar (minutes or hours dividing a day,
    /// a day, a week, months dividing a year, a year), anchored at its start. Null, with the reason, otherwise.
    /// The cron runs in <paramref name="zone"/>: a start without an offset is that zone's wall clock, one with an offset
    /// (<c>Z</c>, <c>+08:00</c>) is the same moment read in that zone (never the machine's own zone).
    /// </summary>
    public static string? CronOf(TimerKind kind, string expression, out LocalizedText? why, TimeZoneInfo? zone = null)
    {
        why = null;
        var text = expression.Trim();
        if (kind != TimerKind.Cycle)
        {
            why = DeploymentTexts.TimerStartNeedsCycle.Format(text);
            return null;
        }
        if (!text.StartsWith('R') && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is 5 or 6)
            return text;

        var match = IsoCycle().Match(text);
        if (!match.Success)
        {
            why = DeploymentTexts.TimerCycleUnreadable.Format(text);
            return null;
        }
        if ((match.Groups["start"].Success ? AnchorOf(match.Groups["start"].Value, zone ?? TimeZoneInfo.Utc) : new DateTime(2026, 1, 1)) is not { } anchor)
        {
            why = DeploymentTexts.TimerCycleUnreadable.Format(text);
            return null;
        }
        var (m, h, d, mo) = (anchor.Minute, anchor.Hour, anchor.Day, anchor.Month);
        var period = match.Groups["period"].Value;
        var cron = period switch
        {
            "P1Y" => $"{m} {h} {d} {mo} *",
            "P1W" or "P7D" => $"{m} {h} * * {(int)anchor.DayOfWeek}",
            "P1D" or "PT24H" => $"{m} {h} * * *",
            _ when Number(period, "P", "M") is { } months && 12 % months == 0 => $"{m} {h} {d} {(mo - 1) % months + 1}-12/{months} *",
            _ when Number(period, "PT", "H") is { } hours && 24 % hours == 0 => $"{m} {h % hours}-23/{hours} * * *",
            _ when Number(period, "PT", "M") is { } minutes && 60 % minutes == 0 => $"{m % minutes}-59/{minutes} * * * *",
            _ => null,
        };
        if (cron is null)
            why = DeploymentTexts.TimerCycleOffCalendar.Format(text, period);
        return cron;
    }

    private static DateTime? AnchorOf(string start, TimeZoneInfo zone)
    {
        if (start.EndsWith('Z') || start.Length > 6 && start[^6] is '+' or '-')
            return DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? TimeZoneInfo.ConvertTime(moment, zone).DateTime : null;
        return DateTime.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock) ? wallClock : null;
    }

    private static int? Number(string period, string prefix, string suffix) =>
        period.StartsWith(prefix) && period.EndsWith(suffix) && int.TryParse(period[prefix.Length..^suffix.Length], out var n) && n > 0 ? n : null;

    [GeneratedRegex(@"^R(?<n>\d*)/(?:(?<start>\d{4}-\d{2}-\d{2}T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)/)?(?<period>P[0-9A-Z]+)$")]
    private static partial Regex IsoCycle();
}
