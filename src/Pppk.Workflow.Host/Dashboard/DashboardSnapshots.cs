using Microsoft.Extensions.Options;

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

    private readonly Snapshot<DashboardApi.Summary> _summary = new(DashboardApi.ReadSummaryAsync);
    private readonly Snapshot<DashboardApi.Durations> _durations = new(DashboardApi.ReadDurationsAsync);
    private long _askedAt;

    public TimeSpan Refresh => options.Value.Refresh;

    public Task<DashboardApi.Summary> SummaryAsync(CancellationToken ct) => GetAsync(_summary, ct);

    public Task<DashboardApi.Durations> DurationsAsync(CancellationToken ct) => GetAsync(_durations, ct);

    /// <summary>Reads every figure now (what the loop does each refresh).</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await _summary.ReadAsync(services, clock, ct);
        await _durations.ReadAsync(services, clock, ct);
    }

    private async Task<T> GetAsync<T>(Snapshot<T> snapshot, CancellationToken ct)
    {
        if (Refresh == TimeSpan.Zero) return (await snapshot.ReadOnceAsync(services, clock, ct)).Value;
        var now = clock.GetUtcNow();
        Interlocked.Exchange(ref _askedAt, now.UtcTicks);
        return await snapshot.GetAsync(services, clock, now - 2 * Refresh, ct);
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

    /// <summary>One answer as of its read; concurrent callers of a missing or too old answer share one read.</summary>
    private sealed class Snapshot<T>(Func<IServiceProvider, TimeProvider, CancellationToken, Task<T>> read)
    {
        private readonly Lock _gate = new();
        private Task<(T Value, DateTimeOffset At)>? _current;

        public async Task<(T Value, DateTimeOffset At)> ReadOnceAsync(IServiceProvider services, TimeProvider clock, CancellationToken ct)
        {
            var at = clock.GetUtcNow();
            return (await read(services, clock, ct), at);
        }

        /// <summary>The answer read at or after <paramref name="oldest"/>, read now if there is none.</summary>
        public async Task<T> GetAsync(IServiceProvider services, TimeProvider clock, DateTimeOffset oldest, CancellationToken ct)
        {
            Task<(T Value, DateTimeOffset At)> current;
            lock (_gate)
            {
                if (_current is null || _current.IsFaulted || _current.IsCanceled || (_current.IsCompletedSuccessfully && _current.Result.At < oldest))
                    _current = ReadOnceAsync(services, clock, CancellationToken.None);
                current = _current;
            }
            return (await current.WaitAsync(ct)).Value;
        }

        /// <summary>Reads the answer again; it replaces the kept one only when the read succeeds.</summary>
        public async Task ReadAsync(IServiceProvider services, TimeProvider clock, CancellationToken ct)
        {
            var fresh = await ReadOnceAsync(services, clock, ct);
            lock (_gate) _current = Task.FromResult(fresh);
        }
    }
}
