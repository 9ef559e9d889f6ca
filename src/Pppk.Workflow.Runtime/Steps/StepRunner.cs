using Microsoft.Extensions.Logging;
using Npgsql;
using Pppk.Workflow.Runtime.Outbox;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>
/// Runs a unit of work in a <see cref="StepTransaction"/>: body, steps, flush, commit; then what follows a commit
/// (outbox dispatch, triggers other instances got). A deadlock or serialization failure is retried from the start.
/// </summary>
internal sealed class StepRunner(NpgsqlDataSource db, StepProcessor processor, AfterCommit afterCommit, ILogger<StepRunner> logger)
{
    private const int MaxAttempts = 5;

    public async Task<T> RunAsync<T>(Func<StepTransaction, Task<T>> body, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var tx = await StepTransaction.BeginAsync(db, ct);
            try
            {
                var result = await body(tx);
                await processor.RunAsync(tx, ct);
                await tx.CommitAsync(ct);
                await afterCommit.RunAsync(tx.Buffer, ct);
                return result;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < MaxAttempts)
            {
                logger.LogInformation("Step transaction hit {SqlState}; retrying (attempt {Attempt})", e.SqlState, attempt + 1);
                await Task.Delay(Random.Shared.Next(5, 50) * attempt, ct);
            }
        }
    }

    public Task RunAsync(Func<StepTransaction, Task> body, CancellationToken ct) =>
        RunAsync(async tx => { await body(tx); return true; }, ct);
}
