using System.Diagnostics.Metrics;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Pppk.Workflow.Runtime.Diagnostics;

/// <summary>
/// The gauges of the <c>Pppk.Workflow</c> meter read from the database: outbox backlog, Hangfire job backlog, open
/// incidents. A scrape never waits on a query: it reads the last value, and if that is older than <see cref="MaxAge"/>
/// a refresh starts in the background (one at a time). Counts run on partial indexes and stop at <see cref="Cap"/>, so
/// a scrape at national size costs a bounded index scan every few seconds, not a count of millions.
/// </summary>
public sealed class RuntimeGauges : IHostedService, IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    /// <summary>Counts stop here: a backlog this big is an alarm whatever its exact size.</summary>
    public const int Cap = 1_000_000;

    private readonly Meter _meter;
    private readonly Cached<long> _outbox;
    private readonly Cached<long> _incidents;
    private readonly Cached<JobBacklog> _jobs;

    public RuntimeGauges(IMeterFactory meters, NpgsqlDataSource db, JobStorage storage, ILogger<RuntimeGauges> logger)
    {
        _meter = meters.Create(RuntimeMetrics.Name);
        _outbox = new(ct => Outbox.OutboxTable.CountWaitingAsync(db, Cap, ct), logger);
        _incidents = new(ct => Incidents.IncidentTable.CountOpenAsync(db, Cap, ct), logger);
        _jobs = new(_ => Task.FromResult(JobBacklog.Of(storage.GetMonitoringApi().GetStatistics())), logger);
        _meter.CreateObservableGauge("pppk.outbox.backlog", () => _outbox.Observe(v => [new Measurement<long>(v)]), "{row}",
            "Outbox rows a committed step wrote that are not dispatched to Hangfire yet.");
        _meter.CreateObservableGauge("pppk.incidents.open", () => _incidents.Observe(v => [new Measurement<long>(v)]), "{incident}",
            "Incidents not resolved.");
        _meter.CreateObservableGauge("pppk.jobs.backlog", () => _jobs.Observe(j => j.Measurements), "{job}",
            "Hangfire jobs by state: enqueued (waiting for a worker), scheduled (waiting for their time), processing, failed.");
    }

    /// <summary>Reads every gauge once, so the first scrape has values.</summary>
    public Task StartAsync(CancellationToken ct) => Task.WhenAll(_outbox.RefreshAsync(ct), _incidents.RefreshAsync(ct), _jobs.RefreshAsync(ct));

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public void Dispose() => _meter.Dispose();

    private sealed record JobBacklog(Measurement<long>[] Measurements)
    {
        public static JobBacklog Of(Hangfire.Storage.Monitoring.StatisticsDto s) => new([
            Measure(s.Enqueued, "enqueued"), Measure(s.Scheduled, "scheduled"), Measure(s.Processing, "processing"), Measure(s.Failed, "failed")]);

        private static Measurement<long> Measure(long value, string state) => new(value, new KeyValuePair<string, object?>("state", state));
    }

    /// <summary>A gauge's value: the kept one, and a refresh in the background (one at a time) when it is older than <see cref="MaxAge"/>.</summary>
    private sealed class Cached<T>(Func<CancellationToken, Task<T>> read, ILogger logger)
    {
        private readonly KeptValue<T> _value = new(read, TimeProvider.System);

        public IEnumerable<Measurement<long>> Observe(Func<T, IEnumerable<Measurement<long>>> measure)
        {
            var kept = _value.Kept;
            if (kept is null || TimeProvider.System.GetUtcNow() - kept.Value.At >= MaxAge) _ = RefreshAsync(CancellationToken.None);
            return kept is { } k ? measure(k.Value) : [];
        }

        public async Task RefreshAsync(CancellationToken ct)
        {
            try
            {
                await _value.RefreshAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database outage: the gauge keeps its last value; /health reports the outage.
                logger.LogDebug(e, "A gauge could not be read");
            }
        }
    }
}
