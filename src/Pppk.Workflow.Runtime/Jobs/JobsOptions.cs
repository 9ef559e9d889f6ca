namespace Pppk.Workflow.Runtime.Jobs;

/// <summary>The <c>Jobs</c> section: the Hangfire server of a worker host.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Hangfire worker threads in this process. Our jobs drain batches and mostly wait on PostgreSQL, so more than the core count.</summary>
    public int WorkerCount { get; set; } = Math.Max(10, Environment.ProcessorCount * 5);

    /// <summary>
    /// How often delayed jobs are moved to their queue. A timer must fire within 2 s of its due time: at 1 s, a poll just
    /// missed plus a busy box measured 2.01 s once in CI; 0.5 s leaves the margin for one query every half second.
    /// </summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Fallback queue poll when no NOTIFY arrives (long polling wakes the workers at once on enqueue).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long a fetched job stays invisible to other workers. With the sliding timeout, a live worker keeps
    /// extending it, so it can be short: a job of a killed process is fetched again after this, not Hangfire's 30 minutes.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long shutdown waits for running jobs after cancelling their tokens.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a job server reports that it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A job server silent this long is dead: <c>/health</c> stops counting it, and Hangfire drops it (and its recurring-job
    /// ownership) at its next check. Short, so a killed worker is not counted after a restart.
    /// </summary>
    public TimeSpan ServerTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often Hangfire looks for dead job servers.</summary>
    public TimeSpan ServerCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many drains of one table may run side by side when a burst is due (e.g. 10,000 timers at 08:00).</summary>
    public int DrainParallelism { get; set; } = 4;

    /// <summary>
    /// How many due timers one drain transaction claims and fires. Larger batches spread a transaction's fixed costs
    /// (claim, lock, flush, commit, dispatch) over more timers; a batch that fails is retried one timer at a time.
    /// </summary>
    public int TimerBatchSize { get; set; } = 1000;

    /// <summary>Queues this worker serves; empty means <c>default</c>. (An array default here would be appended to by the binder.)</summary>
    public string[] Queues { get; set; } = [];

    /// <summary>What is wrong with these settings, for the start-up error; null when they are usable.</summary>
    public string? Problem() =>
        WorkerCount < 1 ? "Jobs:WorkerCount must be at least 1."
        : DrainParallelism < 1 ? "Jobs:DrainParallelism must be at least 1."
        : TimerBatchSize is < 1 or > 5000 ? "Jobs:TimerBatchSize must be between 1 and 5000."
        : new[] { SchedulePollingInterval, QueuePollInterval, InvisibilityTimeout, ShutdownTimeout, HeartbeatInterval, ServerTimeout, ServerCheckInterval }.Any(t => t <= TimeSpan.Zero)
            ? "Jobs:SchedulePollingInterval, QueuePollInterval, InvisibilityTimeout, ShutdownTimeout, HeartbeatInterval, ServerTimeout and ServerCheckInterval must be positive time spans, e.g. 00:00:05."
        : null;
}
