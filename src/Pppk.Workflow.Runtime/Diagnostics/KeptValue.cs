namespace Pppk.Workflow.Runtime.Diagnostics;

/// <summary>
/// A value read (from the database) and kept in memory with the moment of its read, for answers that must not count
/// millions of rows per call: the metrics' gauges and the dashboard. Callers needing a fresh value share one read; a
/// read runs off the caller's lock and with no caller's cancellation (others may wait on it); a failed read leaves the
/// kept value as it was.
/// </summary>
public sealed class KeptValue<T>(Func<CancellationToken, Task<T>> read, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private (T Value, DateTimeOffset At)? _kept;
    private Task<(T Value, DateTimeOffset At)>? _reading;

    /// <summary>The last value read and when, or null before the first read succeeded.</summary>
    public (T Value, DateTimeOffset At)? Kept
    {
        get { lock (_gate) return _kept; }
    }

    /// <summary>The kept value if it was read at or after <paramref name="oldest"/>, else a read's (the running one, or a new one).</summary>
    public async Task<(T Value, DateTimeOffset At)> GetAsync(DateTimeOffset oldest, CancellationToken ct)
    {
        Task<(T Value, DateTimeOffset At)> reading;
        lock (_gate)
        {
            if (_kept is { } kept && kept.At >= oldest) return kept;
            reading = _reading ??= Task.Run(ReadAsync);
        }
        return await reading.WaitAsync(ct);
    }

    /// <summary>Reads now, or joins the read already running.</summary>
    public Task<(T Value, DateTimeOffset At)> RefreshAsync(CancellationToken ct)
    {
        lock (_gate) return (_reading ??= Task.Run(ReadAsync)).WaitAsync(ct);
    }

    private async Task<(T Value, DateTimeOffset At)> ReadAsync()
    {
        try
        {
            var at = clock.GetUtcNow();
            var value = await read(CancellationToken.None);
            lock (_gate) _kept = (value, at);
            return (value, at);
        }
        finally
        {
            // Runs after the caller stored this task (it holds the lock until then), so the next caller starts a new read.
            lock (_gate) _reading = null;
        }
    }
}
