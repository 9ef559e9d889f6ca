namespace Pppk.Workflow.Host.Logging;

/// <summary>Says in the log, once a minute at most, how many events the log buffers dropped since it last said so (a full buffer drops rather than slow the requests).</summary>
internal sealed class LogDropsReporter(ILogger<LogDropsReporter> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reported = LogBuffers.Monitor.Dropped;
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var dropped = LogBuffers.Monitor.Dropped;
                if (dropped == reported) continue;
                logger.LogWarning("{Dropped} log events were dropped in the last minute: a log sink could not keep up with its buffer of {BufferSize} events", dropped - reported, LogSinks.BufferSize);
                reported = dropped;
            }
        }
        catch (OperationCanceledException) { }
    }
}
