using System.Diagnostics;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Pppk.Workflow.Notifications.Delivery;

/// <summary>
/// Drains the outbox (<see cref="EmailTable"/>): holds one of <see cref="EmailOptions.Senders"/> advisory-lock slots, claims due rows in
/// batches under a lease, sends them one by one over one connection and records each outcome at once in its own short
/// transaction. So a crash can repeat only the one message the server accepted just before its row was marked sent.
/// </summary>
public sealed class EmailSender(NpgsqlDataSource db, IOptions<EmailOptions> options, EmailTransportFactory transports,
    IBackgroundJobClient jobs, TimeProvider clock, ILogger<EmailSender> logger)
{
    private const long SlotLockBase = 0x5050_4B57_4D53_0000; // "PPKWMS" + slot

    // Set when a drain job was enqueued and has not started: dispatches in between need no job of their own.
    private int _pending;

    private EmailOptions Options => options.Value;

    /// <summary>True when the caller should enqueue a drain; false while one is already waiting to start in this process.</summary>
    public bool ClaimDispatch() => Interlocked.Exchange(ref _pending, 1) == 0;

    public async Task<int> DrainAsync(CancellationToken ct)
    {
        Interlocked.Exchange(ref _pending, 0);
        var sent = 0;
        while (!ct.IsCancellationRequested)
        {
            await using var lockConnection = await db.OpenConnectionAsync(ct);
            var slot = await TryLockSlotAsync(lockConnection, ct);
            if (slot is null) return sent; // another sender drains; it looks again before it stops
            bool stoppedOnError;
            try
            {
                await using var transport = transports.Create();
                (sent, stoppedOnError) = await DrainSlotAsync(slot.Value, transport, sent, ct);
            }
            finally
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
                unlock.Parameters.AddWithValue("key", SlotLockBase + slot.Value);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }
            // An email committed while we held the slot, whose own drain found us busy, is taken now.
            if (stoppedOnError || !await EmailTable.AnyDueAsync(db, ct)) break;
        }
        await ScheduleNextAsync(ct);
        return sent;
    }

    private async Task<int?> TryLockSlotAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        for (var slot = 0; slot < Options.Senders; slot++)
        {
            await using var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            cmd.Parameters.AddWithValue("key", SlotLockBase + slot);
            if ((bool)(await cmd.ExecuteScalarAsync(ct))!) return slot;
        }
        return null;
    }

    private async Task<(int Sent, bool StoppedOnError)> DrainSlotAsync(int slot, IMailTransport transport, int sent, CancellationToken ct)
    {
        var pace = Options.MaxPerSecond > 0 ? TimeSpan.FromSeconds(1 / Options.MaxPerSecond) : TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        var last = TimeSpan.MinValue;
        while (true)
        {
            var batch = await EmailTable.ClaimAsync(db, slot, Options.Lease, Options.BatchSize, ct);
            if (batch.Count == 0) return (sent, false);
            var leasedAt = watch.Elapsed;
            for (var i = 0; i < batch.Count; i++)
            {
                var row = batch[i];
                // A slow server must not let the lease lapse under rows this sender still holds.
                if (watch.Elapsed - leasedAt > Options.Lease / 2)
                {
                    await EmailTable.ExtendLeaseAsync(db, batch.Skip(i).Select(r => r.Id).ToArray(), slot, Options.Lease, ct);
                    leasedAt = watch.Elapsed;
                }
                if (ct.IsCancellationRequested)
                {
                    await ReleaseAsync(batch.Skip(i).Select(r => r.Id), TimeSpan.Zero);
                    return (sent, true);
                }
                if (pace > TimeSpan.Zero && last != TimeSpan.MinValue && watch.Elapsed - last < pace)
                    await Task.Delay(pace - (watch.Elapsed - last), ct);
                last = watch.Elapsed;
                try
                {
                    await transport.SendAsync(EmailMessage.Build(row, Options), ct);
                    await MarkSentAsync(row.Id);
                    sent++;
                    Runtime.Diagnostics.RuntimeMetrics.EmailSent();
                }
                catch (DeliveryException e)
                {
                    await MarkFailedAttemptAsync(row, e);
                    if (e.ConnectionLost)
                    {
                        // The server is unreachable: the rest of the batch waits for the retry delay without spending attempts.
                        await ReleaseAsync(batch.Skip(i + 1).Select(r => r.Id), Options.RetryDelay);
                        return (sent, true);
                    }
                }
            }
        }
    }

    // Outcomes are recorded without the drain's token: once SMTP accepted a message, its row must say so.
    private Task MarkSentAsync(long id) => EmailTable.MarkSentAsync(db, id, CancellationToken.None);

    private async Task MarkFailedAttemptAsync(EmailTable.Claimed row, DeliveryException e)
    {
        var attempts = row.Attempts + 1;
        var final = e.Permanent || attempts >= Options.MaxAttempts;
        var delay = TimeSpan.FromTicks(Math.Min(Options.MaxRetryDelay.Ticks, Options.RetryDelay.Ticks * (long)Math.Pow(2, Math.Min(20, attempts - 1))));
        await EmailTable.MarkFailedAttemptAsync(db, row.Id, final ? EmailStatus.Failed : EmailStatus.Queued, attempts, e.Message,
            final ? TimeSpan.Zero : delay, CancellationToken.None);
        if (final) Runtime.Diagnostics.RuntimeMetrics.EmailFailed();
        if (final)
            logger.LogWarning("Email {EmailId} to {To} failed after {Attempts} attempts: {Error}", row.Id, string.Join(", ", row.To), attempts, e.Message);
        else
            logger.LogInformation("Email {EmailId} attempt {Attempts} failed, retry in {Delay}: {Error}", row.Id, attempts, delay, e.Message);
    }

    private async Task ReleaseAsync(IEnumerable<long> ids, TimeSpan delay)
    {
        var list = ids.ToArray();
        if (list.Length == 0) return;
        await EmailTable.ReleaseAsync(db, list, delay, CancellationToken.None);
    }

    /// <summary>A retry due within the next minute gets a delayed drain; later ones are left to the minute sweep.</summary>
    private async Task ScheduleNextAsync(CancellationToken ct)
    {
        if (await EmailTable.NextDueAsync(db, ct) is not { } at) return;
        var now = clock.GetUtcNow();
        if (at <= now) jobs.Enqueue<EmailJobs>(j => j.Deliver(CancellationToken.None));
        else if (at - now < TimeSpan.FromMinutes(1)) jobs.Schedule<EmailJobs>(j => j.Deliver(CancellationToken.None), at);
    }
}
