using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Pppk.Workflow.Runtime.Jobs;

/// <summary>
/// The step's unit of work as an inline handler sees it: EF Core contexts and commands that run in the step's
/// transaction, and outbox dispatches that happen once it commits. The runtime owns the transaction (a handler cannot
/// commit or roll it back) and disposes what it handed out when the handler returns.
/// </summary>
public sealed class StepUnitOfWork : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly StepDbContexts _contexts;
    private readonly Action<string, string, DateTimeOffset?> _dispatch;
    private readonly List<DbContext> _opened = [];
    private readonly List<NpgsqlBatchCommand> _writes = [];
    private readonly List<StepRows> _rows = [];

    internal StepUnitOfWork(NpgsqlConnection connection, NpgsqlTransaction transaction, StepDbContexts contexts, Action<string, string, DateTimeOffset?> dispatch,
        string transactionKey)
    {
        (_connection, _transaction, _contexts, _dispatch, TransactionKey) = (connection, transaction, contexts, dispatch, transactionKey);
    }

    /// <summary>
    /// A key shared by every step of this transaction and by no other transaction: a dispatch requested with it is
    /// folded into one outbox row per transaction (a batch of 1,000 timer steps queueing 1,000 emails wakes the
    /// sender once, not 1,000 times).
    /// </summary>
    public string TransactionKey { get; }

    /// <summary>A new <typeparamref name="TContext"/> on the step's connection, enlisted in its transaction (registered with <see cref="StepDbContextRegistration.AddStepDbContext{TContext}"/>).</summary>
    public async Task<TContext> DbContextAsync<TContext>(CancellationToken ct) where TContext : DbContext
    {
        var db = _contexts.Create<TContext>(_connection);
        _opened.Add(db);
        await db.Database.UseTransactionAsync(_transaction, ct);
        return db;
    }

    /// <summary>A command in the step's transaction, for what EF Core does not express (e.g. an <c>UPDATE ... RETURNING</c> on a counter row).</summary>
    public NpgsqlCommand Command(string sql) => new(sql, _connection, _transaction);

    /// <summary>A batch in the step's transaction: many statements, one round trip.</summary>
    public NpgsqlBatch Batch() => new(_connection, _transaction);

    /// <summary>
    /// Asks for an outbox dispatch of <paramref name="kind"/> (an <see cref="Outbox.IOutboxKind"/>) after the step commits,
    /// folded by <paramref name="dedupKey"/>, not before <paramref name="runAt"/>.
    /// </summary>
    public void RequestDispatch(string kind, string dedupKey, DateTimeOffset? runAt = null) => _dispatch(kind, dedupKey, runAt);

    /// <summary>
    /// Queues a statement for the step's flush: it is written with the step's own rows, in the same round trip, or not
    /// at all if the handler fails. A handler that writes only this way needs no savepoint (<see cref="IJobHandler.WritesWithStep"/>).
    /// </summary>
    public void Write(NpgsqlBatchCommand command) => _writes.Add(command);

    /// <summary>
    /// Queues a row for the step's flush, written by one statement with the rows of its type that the transaction's
    /// other steps queued (<see cref="StepRows"/>); like <see cref="Write(NpgsqlBatchCommand)"/>, not at all if the handler fails.
    /// </summary>
    public void Write(StepRows row) => _rows.Add(row);

    /// <summary>The statements <see cref="Write(NpgsqlBatchCommand)"/> queued, for the flush once the handler succeeded.</summary>
    internal IReadOnlyList<NpgsqlBatchCommand> Writes => _writes;

    /// <summary>The rows <see cref="Write(StepRows)"/> queued, for the flush once the handler succeeded.</summary>
    internal IReadOnlyList<StepRows> Rows => _rows;

    public async ValueTask DisposeAsync()
    {
        foreach (var db in _opened) await db.DisposeAsync();
        _opened.Clear();
    }
}
