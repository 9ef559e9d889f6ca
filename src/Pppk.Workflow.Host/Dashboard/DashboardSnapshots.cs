using Microsoft.Extensions.Options;
using Pppk.Workflow.Runtime.Diagnostics;

namespace Pppk.Workflow.Host.Dashboard;

/// <summary>The <c>Dashboard</c> section.</summary>
public sealed class DashboardRefreshOptions
{
    public const string Section = "Dashboard";

    /// <summary>
    /// How old the dashboard's figures may get: while someone watches the dashboard, each web node reads them again
    /// this often in the background and answers from memory. Zero reads them on every call (small installations, tests).
    /// </summary>
    public TimeSpan Refresh { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The dashboard's figures as of their last read, kept in memory: counting a million open tasks takes seconds, answering
/// from memory takes microseconds. A background loop reads them again every <see cref="DashboardRefreshOptions.Refresh"/> while
/// the dashboard was asked for in the last <see cref="WatchedFor"/>; an answer older than twice the refresh (nobody
/// watched) is read again before it is given, so nobody sees figures older than that. A failed read keeps the last figures.
/// </summary>
public sealed class DashboardSnapshots(IServiceProvider services, IOptions<DashboardRefreshOptions> options, TimeProvider clock, ILogger<DashboardSnapshots> logger)
    : BackgroundService
{
    /// <summary>How long after the last call the loop keeps reading.</summary>
    public static readonly TimeSpan WatchedFor = TimeSpan.FromMinutes(5);

    private readonly KeptValue<DashboardApi.Summary> _summary = new(ct => DashboardApi.ReadSummaryAsync(services, clock, ct), clock);
    private readonly KeptValue<DashboardApi.Durations> _durations = new(ct => DashboardApi.ReadDurationsAsync(services, clock, ct), clock);
    private long _askedAt;

    public TimeSpan Refresh => options.Value.Refresh;

    public Task<DashboardApi.Summary> SummaryAsync(CancellationToken ct) => GetAsync(_summary, ct);

    public Task<DashboardApi.Durations> DurationsAsync(CancellationToken ct) => GetAsync(_durations, ct);

    /// <summary>Reads every figure now (what the loop does each refresh).</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await _summary.RefreshAsync(ct);
        await _durations.RefreshAsync(ct);
    }

    private async Task<T> GetAsync<T>(KeptValue<T> figures, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Interlocked.Exchange(ref _askedAt, now.UtcTicks);
        // With no refresh every call waits for a read (one already running is shared).
        return (await figures.GetAsync(Refresh == TimeSpan.Zero ? DateTimeOffset.MaxValue : now - 2 * Refresh, ct)).Value;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Refresh == TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(Refresh, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _askedAt) > WatchedFor.Ticks) continue;
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Reading the dashboard's figures failed; the last ones stay");
            }
        }
    }
}
