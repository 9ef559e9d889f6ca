using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Outbox;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>
/// Runs a unit of work in a <see cref="StepTransaction"/>: body, steps, flush, commit; then what follows a commit
/// (outbox dispatch, triggers other instances got). A deadlock or serialization failure is retried from the start.
/// Each phase runs under the step deadline (<see cref="StepGuard"/>): a step past it is rolled back with its transaction,
/// which runs again without it; that step is settled as an incident (<see cref="OverrunSteps"/>) or its call refused.
/// <para>
/// <see cref="RunGroupedAsync{T}"/> is group commit for the API's one-step calls: a caller queues its body and, if
/// fewer than <see cref="RuntimeOptions.GroupCommitLanes"/> transactions are running such calls, runs everything queued
/// so far in one transaction itself; else a running one takes it next (<see cref="GroupCommit{TCall}"/>: lanes, queue and
/// linger). A lone caller runs at once, as before; under load, one flush and one commit serve many steps. If the shared
/// transaction fails, nothing of it is committed and every body in it runs again in a transaction of its own, so one
/// bad call fails alone.
/// </para>
/// </summary>
internal sealed class StepRunner(StepDataSource db, StepProcessor processor, StepGuard guard, AfterCommit afterCommit, DefinitionStore definitions,
    Decisions.DecisionStore decisions,
    IOptions<RuntimeOptions> options, ILogger<StepRunner> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>How many overrun steps one unit of work sets aside before it gives up (each cost a deadline).</summary>
    private const int MaxOverruns = 4;

    private readonly TimeSpan _timeout = options.Value.StepTimeout;

    // The linger is a wall-clock wait for more calls, whatever clock the instances' timers follow.
    private readonly GroupCommit<Grouped> _group = new(options.Value.GroupCommitLanes, options.Value.GroupCommitMaxBatch, options.Value.GroupCommitLinger,
        TimeProvider.System, logger);

    public Task<T> RunAsync<T>(Func<StepTransaction, Task<T>> body, CancellationToken ct) => RunAsync(body, ct, []);

    /// <param name="overruns">Steps known to overrun (from a grouped transaction): settled at once, not run again.</param>
    private async Task<T> RunAsync<T>(Func<StepTransaction, Task<T>> body, CancellationToken ct, List<Overrun> overruns)
    {
        using var span = Diagnostics.RuntimeTracing.StartStep();
        for (var attempt = 1; ; attempt++)
        {
            await using var tx = await StepTransaction.BeginAsync(db.Source, _timeout, overruns, ct);
            try
            {
                var result = await guard.RunAsync(tx, async token =>
                {
                    var value = await body(tx);
                    await processor.RunAsync(tx, token);
                    tx.Deadline.Commit();
                    await tx.CommitAsync(ct);
                    tx.Tally.Committed();
                    tx.Logged.Committed(logger);
                    return value;
                });
                await afterCommit.RunAsync(tx.Buffer, ct);
                return result;
            }
            catch (StepOverrunException e) when (e.Overrun.Phase != OverrunPhase.Body && overruns.Count < MaxOverruns)
            {
                // Run it again without the step that overran: that one is settled as an incident (or refused), the rest go on.
                overruns.Add(e.Overrun);
            }
            catch (StepOverrunException e)
            {
                throw e.Overrun.Phase == OverrunPhase.Body
                    ? new WorkflowException(503, StepTexts.Busy.Format(StepTexts.Seconds(_timeout)))
                    : new WorkflowException(422, StepTexts.CallOverran.Format(e.Overrun.DefinitionKey, StepTexts.Seconds(_timeout)));
            }
            catch (PostgresException e) when (IsStaleLatest(e) && attempt < MaxAttempts)
            {
                // Another process deployed a newer version of a process this step started, or of a decision it evaluated: use that one.
                logger.LogInformation("A step used a process or decision version that is no longer the latest; running it again");
                ForgetLatest();
            }
            catch (PostgresException e) when (IsTransient(e) && attempt < MaxAttempts)
            {
                logger.LogInformation("Step transaction hit {SqlState}; retrying (attempt {Attempt})", e.SqlState, attempt + 1);
                await Task.Delay(Random.Shared.Next(5, 50) * attempt, ct);
            }
        }
    }

    public Task RunAsync(Func<StepTransaction, Task> body, CancellationToken ct) =>
        RunAsync(async tx => { await body(tx); return true; }, ct);

    /// <summary>
    /// Like <see cref="RunAsync{T}"/>, but the body may share its transaction with other callers' bodies. The body must
    /// only read, lock and queue triggers (no writes of its own): a body that throws is dropped from the shared
    /// transaction with its queued triggers, and the others go on.
    /// </summary>
    /// <param name="prelock">
    /// Optional: a function that locks and loads the rows of many calls in one query, and this call's key. When several
    /// calls with the same function share a transaction, it runs once with all their keys before the bodies (which then
    /// find their rows ready), instead of one round trip per body; it locks in a fixed order, so batches don't deadlock.
    /// </param>
    public async Task<T> RunGroupedAsync<T>(Func<StepTransaction, Task<T>> body, CancellationToken ct, (PrelockAsync Lock, Guid Key)? prelock = null)
    {
        if (!_group.Enabled) return await RunAsync(body, ct);
        ct.ThrowIfCancellationRequested();
        var item = new Grouped<T>(body) { Prelock = prelock?.Lock, PrelockKey = prelock?.Key ?? Guid.Empty };
        await _group.JoinAsync(item, RunBatchAsync);
        return await item.Result;
    }

    public Task RunGroupedAsync(Func<StepTransaction, Task> body, CancellationToken ct, (PrelockAsync Lock, Guid Key)? prelock = null) =>
        RunGroupedAsync(async tx => { await body(tx); return true; }, ct, prelock);

    /// <summary>Locks and loads the rows of the given keys into the transaction (see <see cref="RunGroupedAsync{T}"/>).</summary>
    public delegate Task PrelockAsync(StepTransaction tx, Guid[] keys, CancellationToken ct);

    private void ForgetLatest()
    {
        definitions.ForgetLatest();
        decisions.ForgetLatest();
    }

    private static bool IsStaleLatest(Exception e) => e is PostgresException { SqlState: DefinitionStore.StaleLatestSqlState };

    private static bool IsTransient(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;

    private async Task RunBatchAsync(List<Grouped> batch)
    {
        if (batch.Count == 1)
        {
            await batch[0].RunAloneAsync(this, []);
            return;
        }
        using var span = Diagnostics.RuntimeTracing.StartStep();
        var committed = false;
        var inTransaction = new List<Grouped>(batch.Count);
        List<Overrun> overruns = [];
        try
        {
            await using var tx = await StepTransaction.BeginAsync(db.Source, _timeout, [], CancellationToken.None);
            await guard.RunAsync(tx, async token =>
            {
                foreach (var calls in batch.Where(i => i.Prelock is not null).GroupBy(i => i.Prelock!).Where(g => g.Count() > 1))
                    await calls.Key(tx, [.. calls.Select(i => i.PrelockKey).Distinct()], CancellationToken.None);
                foreach (var item in batch)
                {
                    var mark = tx.QueueLength;
                    tx.Logged.From(item.Log);
                    try
                    {
                        await item.RunBodyAsync(tx);
                        inTransaction.Add(item);
                    }
                    catch (Exception e) when (e is not NpgsqlException)
                    {
                        // A refusal (not found, conflict, forbidden) before any write: only this call fails.
                        tx.DropQueuedFrom(mark);
                        item.Fail(e);
                    }
                }
                await processor.RunAsync(tx, token);
                tx.Deadline.Commit();
                await tx.CommitAsync(CancellationToken.None);
                tx.Tally.Committed();
                tx.Logged.Committed(logger);
                committed = true;
                return true;
            });
            await afterCommit.RunAsync(tx.Buffer, CancellationToken.None);
            foreach (var item in inTransaction) item.Succeed();
        }
        catch (Exception e) when (!committed)
        {
            if (IsStaleLatest(e)) ForgetLatest();
            else if (e is StepOverrunException { Overrun.Phase: not OverrunPhase.Body } o) overruns.Add(o.Overrun); // its own run settles it at once
            else logger.LogWarning(e, "A grouped step transaction of {Count} calls failed; running them one by one", batch.Count);
            foreach (var item in batch.Where(i => !i.Done.IsCompleted))
                await item.RunAloneAsync(this, [.. overruns]);
        }
        catch (Exception e)
        {
            // Committed: the calls succeeded; the outbox rows this dispatch missed are the sweep's.
            logger.LogWarning(e, "Dispatch after a grouped commit failed; the sweep will dispatch the outbox rows");
            foreach (var item in inTransaction) item.Succeed();
        }
    }

    private abstract class Grouped : GroupedCall
    {
        public PrelockAsync? Prelock { get; init; }
        public Guid PrelockKey { get; init; }

        /// <summary>The step log open where the call was made (its request's event): its steps go there.</summary>
        public Diagnostics.StepLog? Log { get; } = Diagnostics.StepLog.Current;
        public abstract Task RunBodyAsync(StepTransaction tx);
        public abstract void Succeed();
        public abstract Task RunAloneAsync(StepRunner runner, List<Overrun> overruns);
    }

    private sealed class Grouped<T>(Func<StepTransaction, Task<T>> body) : Grouped
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;

        public Task<T> Result => _result.Task;
        public override Task Done => _result.Task;

        public override async Task RunBodyAsync(StepTransaction tx) => _value = await body(tx);

        public override void Succeed() => _result.TrySetResult(_value!);

        public override void Fail(Exception e) => _result.TrySetException(e);

        public override async Task RunAloneAsync(StepRunner runner, List<Overrun> overruns)
        {
            Diagnostics.StepLog.Current = Log; // on this call's flow only: the lane that runs it may be another call's
            try
            {
                _result.TrySetResult(await runner.RunAsync(body, CancellationToken.None, overruns));
            }
            catch (Exception e)
            {
                _result.TrySetException(e);
            }
        }
    }
}
