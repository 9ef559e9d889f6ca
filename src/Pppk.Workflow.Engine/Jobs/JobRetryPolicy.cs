namespace Pppk.Workflow.Engine.Jobs;

/// <summary>
/// How a job's technical failures are retried: the retries a job task gets unless its <c>zeebe:taskDefinition retries</c>
/// says otherwise, and the wait before each retry when the handler names none.
/// </summary>
public static class JobRetryPolicy
{
    public const int DefaultRetries = 3;

    private const double FirstBackoffSeconds = 5;
    private const double MaxBackoffSeconds = 600;

    /// <summary>
    /// Exponential back-off, counted from <see cref="DefaultRetries"/>: 5 s for the first retry, then 10 s, 20 s ... capped at
    /// 10 minutes (a job with more retries than the default waits 5 s until it is down to the default).
    /// </summary>
    public static TimeSpan Backoff(int retriesLeft) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoffSeconds, FirstBackoffSeconds * Math.Pow(2, Math.Max(0, DefaultRetries - retriesLeft))));
}
