using System.Diagnostics.Metrics;
using Pppk.Workflow.Engine.Execution;

namespace Pppk.Workflow.Runtime.Diagnostics;

/// <summary>
/// The instruments of the <c>Pppk.Workflow</c> meter that code records into (one line at each place). They are static:
/// a measurement with no listener costs a check, with the host's OpenTelemetry listening a lock-free add per tag set;
/// nothing is allocated per step. The gauges read from the database live in <see cref="RuntimeGauges"/>.
/// Names follow OpenTelemetry's conventions; the Prometheus exporter writes <c>pppk.steps</c> as <c>pppk_steps_total</c>,
/// a histogram in seconds as <c>..._seconds_bucket</c>.
/// </summary>
public static class RuntimeMetrics
{
    /// <summary>The meter (and activity source) name the host subscribes to.</summary>
    public const string Name = "Pppk.Workflow";

    private static readonly Meter Meter = new(Name);

    // Buckets in seconds: steps take milliseconds, timers are late by up to minutes in a burst.
    private static readonly IReadOnlyList<double> StepBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly IReadOnlyList<double> LatenessBuckets = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600];

    private static readonly Counter<long> Steps = Meter.CreateCounter<long>("pppk.steps", "{step}",
        "Steps committed (one trigger run through the engine), by trigger.");

    private static readonly Histogram<double> StepDuration = Meter.CreateHistogram("pppk.step.duration", "s",
        "Time from the start of a step's transaction to its commit, once per committed step, by trigger.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StepBuckets });

    private static readonly Histogram<double> TimerLateness = Meter.CreateHistogram("pppk.timer.lateness", "s",
        "How late a timer fired: claimed by the timer drain minus due at (committed firings only).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatenessBuckets });

    private static readonly Counter<long> OutboxDispatched = Meter.CreateCounter<long>("pppk.outbox.dispatched", "{row}",
        "Outbox rows dispatched to Hangfire (after a step's commit or by the sweep).");

    private static readonly Counter<long> Emails = Meter.CreateCounter<long>("pppk.email.deliveries", "{email}",
        "Emails handed to the mail server (outcome=sent) or given up after their last attempt (outcome=failed).");

    private static readonly KeyValuePair<string, object?> Sent = new("outcome", "sent");
    private static readonly KeyValuePair<string, object?> Failed = new("outcome", "failed");

    /// <summary>The trigger labels, by <see cref="TriggerKind"/>.</summary>
    private static readonly KeyValuePair<string, object?>[] TriggerTags =
        [.. new[] { "start", "task", "timer", "message", "signal", "condition", "job", "child", "admin" }.Select(t => new KeyValuePair<string, object?>("trigger", t))];

    internal const int TriggerKinds = 9;

    /// <summary>The label a trigger is counted under: what caused the step.</summary>
    internal static int TriggerKind(Trigger trigger) => trigger switch
    {
        StartTrigger => 0,
        UserTaskCompleted or TaskAssigned => 1,
        TimerFired => 2,
        MessageCorrelated => 3,
        SignalReceived => 4,
        ConditionSatisfied => 5,
        JobCompleted or JobFailed or JobThrewError or Runtime.Steps.InlineJobDue => 6,
        ChildCompleted or ChildFailed or ChildEscalated or ChildStartFailed => 7,
        _ => 8, // cancel, variables, incident retry, modification, migration
    };

    internal static string TriggerLabel(int kind) => (string)TriggerTags[kind].Value!;

    internal static void StepsCommitted(int kind, int count, double seconds)
    {
        var tag = TriggerTags[kind];
        Steps.Add(count, tag);
        if (!StepDuration.Enabled) return;
        for (var i = 0; i < count; i++) StepDuration.Record(seconds, tag);
    }

    internal static void TimerFiredLate(double seconds) => TimerLateness.Record(Math.Max(0, seconds));

    public static void Dispatched(int rows)
    {
        if (rows > 0) OutboxDispatched.Add(rows);
    }

    public static void EmailSent() => Emails.Add(1, Sent);

    public static void EmailFailed() => Emails.Add(1, Failed);
}
