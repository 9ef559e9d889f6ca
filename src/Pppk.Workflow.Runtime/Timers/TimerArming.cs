using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Timers;

/// <summary>
/// Timers and delayed jobs are rows; what wakes them is one Hangfire delayed job per due second (not per row),
/// written to the outbox in the step's transaction. Rows due later than <see cref="Horizon"/> are armed by the
/// minute sweep when they come within it, so Hangfire never holds months of delayed jobs.
/// </summary>
internal static class TimerArming
{
    public const string TimerDrainKind = "drain-timers";
    public const string JobDrainKind = "drain-jobs";

    public static readonly TimeSpan Horizon = TimeSpan.FromMinutes(3);

    public static void Arm(EffectBuffer buffer, DateTimeOffset due, DateTimeOffset now) => Add(buffer, TimerDrainKind, due, now);

    public static void ArmJobs(EffectBuffer buffer, DateTimeOffset due, DateTimeOffset now) => Add(buffer, JobDrainKind, due, now);

    private static void Add(EffectBuffer buffer, string kind, DateTimeOffset due, DateTimeOffset now)
    {
        if (due - now > Horizon) return;
        var second = CeilingSecond(due < now ? now : due);
        buffer.Outbox.TryAdd(kind, second.ToString("yyyy-MM-ddTHH:mm:ssZ"), second);
    }

    /// <summary>Hangfire keeps due times in whole seconds and never runs a job early, so a drain for a timer due at 12:00:05.300 runs at 12:00:06.</summary>
    public static DateTimeOffset CeilingSecond(DateTimeOffset t)
    {
        var ticks = t.UtcTicks;
        var rem = ticks % TimeSpan.TicksPerSecond;
        return new DateTimeOffset(rem == 0 ? ticks : ticks - rem + TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }
}
