using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pppk.Workflow.Runtime.Database;

/// <summary>
/// Keeps the embedded PostgreSQL this host started running: when its server process is gone (killed, crashed) it starts it
/// again on the same port, waiting <see cref="DatabaseOptions.RestartDelay"/> and twice as long after each failed attempt
/// (at most <see cref="DatabaseOptions.MaxRestartDelay"/>). Meanwhile the API answers 503 and the jobs wait.
/// </summary>
public sealed class EmbeddedPostgresSupervisor(EmbeddedPostgres postgres, DatabaseOptions options, ILogger<EmbeddedPostgresSupervisor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.SupervisionInterval, stoppingToken);
                if (postgres.IsOwner && !postgres.IsRunning)
                    await RestartAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RestartAsync(CancellationToken ct)
    {
        logger.LogError("The embedded PostgreSQL on port {Port} is not running; restarting it", postgres.Port);
        var delay = options.RestartDelay;
        for (var attempt = 1; ; attempt++)
        {
            logger.LogWarning("Restart {Attempt} of the embedded PostgreSQL in {Delay}", attempt, delay);
            await Task.Delay(delay, ct);
            try
            {
                await postgres.RestartAsync(ct);
                logger.LogInformation("The embedded PostgreSQL runs again on port {Port} (restart {Attempt})", postgres.Port, attempt);
                return;
            }
            catch (EmbeddedPostgresException e)
            {
                logger.LogError("Restart {Attempt} of the embedded PostgreSQL failed: {Error}", attempt, e.Message);
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxRestartDelay.Ticks));
        }
    }
}
