using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Timers;

/// <summary>When a timer fires: a date, a duration from now, an ISO repeating interval (R/PT1H, R5/PT10M, R3/2026-01-01T08:00:00Z/P1D) or a cron expression.</summary>
public sealed class TimerSchedule
{
    private readonly DateTimeOffset? _date;
    private readonly IsoDuration? _interval;
    private readonly DateTimeOffset? _start;
    private readonly CronSchedule? _cron;
    private readonly TimeZoneInfo _zone;

    /// <summary>Total occurrences; null means repeat while the element lives.</summary>
    public int? Repetitions { get; }

    public bool IsCycle { get; }

    private TimerSchedule(DateTimeOffset? date, IsoDuration? interval, DateTimeOffset? start, CronSchedule? cron, int? repetitions, bool cycle, TimeZoneInfo zone)
        => (_date, _interval, _start, _cron, Repetitions, IsCycle, _zone) = (date, interval, start, cron, repetitions, cycle, zone);

    public static TimerSchedule? Parse(TimerKind kind, string text, TimeZoneInfo zone, out string? error)
    {
        var schedule = Read(kind, text, zone, out var problem);
        error = problem?.ToString();
        return schedule;
    }

    /// <summary>Reads a timer's text; when it cannot, <paramref name="error"/> says why in the user's language.</summary>
    public static TimerSchedule? Read(TimerKind kind, string text, TimeZoneInfo zone, out LocalizedText? error)
    {
        error = null;
        text = text.Trim();
        switch (kind)
        {
            case TimerKind.Date when TryDate(text, zone, out var date):
                return new TimerSchedule(date, null, null, null, 1, false, zone);
            case TimerKind.Date:
                error = ValidationTexts.TimerDateInvalid.Format(text);
                return null;
            case TimerKind.Duration when IsoDuration.TryParse(text, out var d) && d.IsPositive:
                return new TimerSchedule(null, d, null, null, 1, false, zone);
            case TimerKind.Duration:
                error = ValidationTexts.TimerDurationInvalid.Format(text);
                return null;
        }
        if (text.StartsWith('R'))
        {
            var parts = text.Split('/');
            int? repetitions = parts[0].Length == 1 ? null : int.TryParse(parts[0][1..], out var n) && n >= 0 ? n : -1;
            DateTimeOffset? start = null;
            IsoDuration interval = default;
            var ok = repetitions != -1 && parts.Length switch
            {
                2 => IsoDuration.TryParse(parts[1], out interval),
                3 when TryDate(parts[1], zone, out var s1) && IsoDuration.TryParse(parts[2], out interval) => (start = s1) is not null,
                3 when IsoDuration.TryParse(parts[1], out interval) && TryDate(parts[2], zone, out _) => true,
                _ => false,
            };
            if (ok && interval.IsPositive)
                return new TimerSchedule(null, interval, start, null, repetitions, true, zone);
            error = ValidationTexts.TimerRepeatInvalid.Format(text);
            return null;
        }
        if (CronSchedule.TryParse(text, out var cron))
            return new TimerSchedule(null, null, null, cron, null, true, zone);
        error = ValidationTexts.TimerCycleInvalid.Format(text);
        return null;
    }

    /// <summary>The first due time for a timer opened at <paramref name="now"/>; null if it never fires.</summary>
    public DateTimeOffset? First(DateTimeOffset now)
    {
        if (_date is { } date) return date.ToUniversalTime();
        if (_cron is { } cron) return cron.NextAfter(now, _zone);
        if (Repetitions == 0) return null;
        if (_start is { } start) return start.ToUniversalTime();
        return _interval!.Value.AddTo(now).ToUniversalTime();
    }

    /// <summary>The due time after <paramref name="previous"/>, given how many occurrences have fired; null when the cycle is spent.</summary>
    public DateTimeOffset? Next(DateTimeOffset previous, int fired)
    {
        if (!IsCycle || (Repetitions is { } r && fired >= r)) return null;
        if (_cron is { } cron) return cron.NextAfter(previous, _zone);
        return _interval!.Value.AddTo(previous).ToUniversalTime();
    }

    private static bool TryDate(string text, TimeZoneInfo zone, out DateTimeOffset value) =>
        IsoDateTime.TryParse(text, zone, out value) && text.Contains('T');
}
