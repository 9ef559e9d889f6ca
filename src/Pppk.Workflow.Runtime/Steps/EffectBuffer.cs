using Npgsql;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Incidents;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Jobs;
using Pppk.Workflow.Runtime.Messages;
using Pppk.Workflow.Runtime.Outbox;
using Pppk.Workflow.Runtime.Signals;
using Pppk.Workflow.Runtime.Timers;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>
/// The rows a transaction's steps write, gathered in memory by one writer per table (each owned by its table's file)
/// and flushed as one batch of set-based statements (<c>unnest</c> over arrays), so a step costs one round trip however
/// many effects it has and a batch of steps the same.
/// </summary>
internal sealed class EffectBuffer
{
    public readonly record struct WaitKey(Guid InstanceId, long WaitId);

    public InstanceTable.Writer Instances { get; } = new();
    public HistoryTable.Writer History { get; } = new();
    public UserTaskTable.Writer Tasks { get; } = new();
    public TimerTable Timers { get; } = new();
    public SubscriptionTable Subscriptions { get; } = new();
    public SignalSubscriptionTable Signals { get; } = new();
    public JobTable Jobs { get; } = new();
    public IncidentTable.Writer Incidents { get; } = new();
    public InboxTable Inbox { get; } = new();
    public OutboxTable Outbox { get; } = new();
    public AuditTable.Writer Audit { get; } = new();
    public Decisions.DecisionEvaluationTable.Writer DecisionEvaluations { get; } = new();

    /// <summary>Rows inline handlers queued with <see cref="StepUnitOfWork.Write"/> (e.g. emails), flushed last.</summary>
    public List<NpgsqlBatchCommand> HandlerWrites { get; } = [];

    /// <summary>Rows inline handlers queued with <see cref="StepUnitOfWork.Write(StepRows)"/>, flushed last, a statement per type.</summary>
    public List<StepRows> HandlerRows { get; } = [];

    /// <summary>Definitions a start took from the cache as the latest version; the flush checks they still are.</summary>
    public LatestDefinitionCheck AssumedLatest { get; } = new();

    /// <summary>
    /// Writes the rows in one round trip. With <paramref name="commit"/> the batch ends with <c>COMMIT</c>, so writing and
    /// committing a step is a single round trip (the transaction is then completed; don't commit it again). If any
    /// statement fails, the server skips the rest of the batch, COMMIT included, and the transaction rolls back.
    /// </summary>
    public async Task FlushAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct, bool commit = false)
    {
        using var batch = new NpgsqlBatch(connection, transaction);
        // Every statement below reaches its rows by key, so an index lookup per row is the right plan at any table size.
        // Without this, a plan made while a table was small (a fresh database, or just after a batch start, before
        // autovacuum has analyzed it) is cached by the prepared statement and goes on scanning the whole table as it
        // grows. The settings are local: they end with this transaction, which the flush ends, so inline handlers' queries are unaffected.
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "SELECT set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)"));
        AssumedLatest.AddTo(batch);
        Instances.AddTo(batch);
        History.AddTo(batch);
        DecisionEvaluations.AddTo(batch);
        Tasks.AddTo(batch);
        Timers.AddTo(batch);
        Subscriptions.AddTo(batch);
        Signals.AddTo(batch);
        Jobs.AddTo(batch);
        Jobs.AddRetypedTo(batch);
        Incidents.AddTo(batch);
        Inbox.AddTo(batch);
        Outbox.AddTo(batch);
        Audit.AddTo(batch);
        foreach (var write in HandlerWrites) batch.BatchCommands.Add(write);
        foreach (var rows in HandlerRows.GroupBy(r => r.GetType()))
        {
            var all = rows.ToList();
            foreach (var command in all[0].Commands(all)) batch.BatchCommands.Add(command);
        }
        if (commit) batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        if (batch.BatchCommands.Count > 1)
            await batch.ExecuteNonQueryAsync(ct);
    }
}
