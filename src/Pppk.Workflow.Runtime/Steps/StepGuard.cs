using Microsoft.Extensions.Logging;
using Npgsql;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>Thrown out of <see cref="StepGuard.RunAsync{T}"/> when the work ran past its deadline; its transaction is gone.</summary>
internal sealed class StepOverrunException(Overrun overrun) : Exception($"A step ran past its deadline ({overrun.Phase}).")
{
    public Overrun Overrun { get; } = overrun;
}

/// <summary>
/// Runs a transaction's work under its <see cref="StepDeadline"/>. The work runs off the caller's thread, so a step stuck in
/// code that never yields (a FEEL loop, a blocking handler) can't hold the caller: past the deadline the caller goes on,
/// and if the work has not stopped a moment later its database session is terminated, which rolls the transaction back
/// and releases the instance locks at once. The stuck code finds its connection gone when it comes back.
/// </summary>
internal sealed class StepGuard(NpgsqlDataSource db, ILogger<StepGuard> logger)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5), ExitPoll = TimeSpan.FromMilliseconds(20);

    public async Task<T> RunAsync<T>(StepTransaction tx, Func<CancellationToken, Task<T>> work)
    {
        var running = Task.Run(() => work(tx.Deadline.Token));
        await Task.WhenAny(running, tx.Deadline.Expired);
        if (running.IsCompletedSuccessfully || tx.Deadline.TryExpire() is not { } overrun)
            return await running;
        logger.LogError("A step ran past its deadline of {StepTimeout} ({Phase}) in instance {InstanceId} of {DefinitionKey} at {ElementId}; its transaction is rolled back",
            tx.Deadline.Timeout, overrun.Phase, overrun.InstanceId, overrun.DefinitionKey, overrun.ElementId);
        if (await Task.WhenAny(running, Task.Delay(Grace)) != running)
        {
            tx.DisposeAfter(running);
            await TerminateAsync(tx.BackendPid);
        }
        throw new StepOverrunException(overrun);
    }

    /// <summary>
    /// pg_terminate_backend only signals the session: until it has exited it still holds the step's row locks, and the
    /// step's rerun (which skips locked rows) would not see the timer or job that overran, leaving it to the next sweep.
    /// </summary>
    private async Task UntilGoneAsync(int pid)
    {
        await using var cmd = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = @pid)");
        cmd.Parameters.AddWithValue("pid", pid);
        for (var waited = TimeSpan.Zero; waited < ExitWait && await cmd.ExecuteScalarAsync() is true; waited += ExitPoll)
            await Task.Delay(ExitPoll);
    }

    private async Task TerminateAsync(int pid)
    {
        try
        {
            await using var cmd = db.CreateCommand("SELECT pg_terminate_backend(@pid)");
            cmd.Parameters.AddWithValue("pid", pid);
            await cmd.ExecuteNonQueryAsync();
            logger.LogWarning("The work of an overrun step did not stop; its database session {BackendPid} was terminated", pid);
            await UntilGoneAsync(pid);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            logger.LogError(e, "Terminating the session {BackendPid} of an overrun step failed; the server ends it when it idles past twice the step deadline", pid);
        }
    }
}
