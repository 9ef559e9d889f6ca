using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>
/// One database transaction in which steps of one or more instances run: instances are locked (<c>FOR UPDATE</c>)
/// once, stepped as often as their triggers need, and written with their effects in one flush before commit.
/// </summary>
internal sealed class StepTransaction : IAsyncDisposable
{
    private readonly Queue<(LoadedInstance Instance, Trigger Trigger, string? User)> _queue = new();

    private Task? _stillRunning;

    private StepTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction, StepDeadline deadline, List<Overrun> overruns)
    {
        Connection = connection;
        Transaction = transaction;
        Deadline = deadline;
        Overruns = overruns;
        BackendPid = connection.ProcessID;
    }

    public NpgsqlConnection Connection { get; }
    public NpgsqlTransaction Transaction { get; }

    /// <summary>The server process of <see cref="Connection"/>: what ends the transaction from outside when its code is stuck.</summary>
    public int BackendPid { get; }

    public StepDeadline Deadline { get; }

    /// <summary>Steps that ran past the deadline in an earlier run of this work: they are settled, not run again.</summary>
    public List<Overrun> Overruns { get; }
    public Dictionary<Guid, LoadedInstance> Instances { get; } = [];

    /// <summary>Unique to this transaction (<see cref="Jobs.StepUnitOfWork.TransactionKey"/>).</summary>
    public string Key { get; } = Guid.NewGuid().ToString("N");
    public EffectBuffer Buffer { get; } = new();

    /// <summary>Steps by trigger and timer lateness, recorded as metrics once committed (a field: it is counted in place).</summary>
    public Diagnostics.StepTally Tally = Diagnostics.StepTally.Begin();

    /// <summary>What the transaction committed, for the services' answers; readable once <see cref="CommitAsync"/> succeeded.</summary>
    public StepOutcome Outcome { get; } = new();

    /// <summary>Rows locked ahead for grouped calls, by key; a call takes its row out (see <see cref="StepRunner.RunGroupedAsync{T}"/>).</summary>
    public Dictionary<Guid, object> Prelocked { get; } = [];

    /// <summary>User tasks a call in this transaction is completing: a second completion of one in the same (grouped) transaction is refused.</summary>
    public HashSet<Guid> CompletingTasks { get; } = [];

    /// <summary>Triggers the engine ignored (wait point gone), with the reason; the API reports them.</summary>
    public List<(Guid InstanceId, string Reason)> Ignored { get; } = [];

    /// <summary>The modifications the steps ran, by instance, for <see cref="Modification.ModificationService"/>'s answer.</summary>
    public Dictionary<Guid, InstanceModified> Modifications { get; } = [];

    /// <summary>Opens a transaction (on the <see cref="StepDataSource"/>) whose phases each get <paramref name="stepTimeout"/>.</summary>
    public static async Task<StepTransaction> BeginAsync(NpgsqlDataSource db, TimeSpan stepTimeout, List<Overrun> overruns, CancellationToken ct)
    {
        var connection = await db.OpenConnectionAsync(ct);
        try
        {
            return new StepTransaction(connection, await connection.BeginTransactionAsync(ct), new StepDeadline(stepTimeout, ct), overruns);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Work abandoned past its deadline still runs on this transaction: it is disposed when that work ends, not before.</summary>
    public void DisposeAfter(Task running) => _stillRunning = running;

    public NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction);

    /// <summary>The compact events of the steps, written once committed (<see cref="Diagnostics.StepEvents"/>).</summary>
    public Diagnostics.StepEvents Logged { get; } = new();

    public void Enqueue(LoadedInstance instance, Trigger trigger, string? user)
    {
        Logged.Queued(instance.Id);
        _queue.Enqueue((instance, trigger, user));
    }

    public bool TryDequeue(out (LoadedInstance Instance, Trigger Trigger, string? User) item) => _queue.TryDequeue(out item);

    /// <summary>How many triggers are queued: a mark for <see cref="DropQueuedFrom"/>.</summary>
    public int QueueLength => _queue.Count;

    /// <summary>Drops the triggers queued after <paramref name="mark"/> (a grouped call that was refused).</summary>
    public void DropQueuedFrom(int mark)
    {
        var keep = _queue.Take(mark).ToList();
        _queue.Clear();
        foreach (var item in keep) _queue.Enqueue(item);
    }

    /// <summary>Locks and loads the instances not yet in this transaction (in id order, so concurrent batches don't deadlock).</summary>
    public async Task LoadAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var missing = ids.Where(id => !Instances.ContainsKey(id)).Distinct().Order().ToArray();
        if (missing.Length == 0) return;
        foreach (var instance in await InstanceTable.LockAsync(this, missing, ct))
            Instances[instance.Id] = instance;
    }

    public LoadedInstance? Find(Guid id) => Instances.GetValueOrDefault(id);

    /// <summary>Writes every changed instance and the buffered effects, then commits.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        foreach (var i in Instances.Values.Where(i => i.Dirty))
        {
            i.EndedAt = i.State.Status == InstanceStatus.Active ? null : StoredTime.Of(DateTimeOffset.UtcNow);
            Buffer.Instances.Changed(InstanceTable.Row.Of(i));
        }
        // Flush and COMMIT in one round trip (one fewer per step than flush, then Transaction.CommitAsync).
        await Buffer.FlushAsync(Connection, Transaction, ct, commit: true);
        Outcome.Committed(Buffer, Instances);
    }

    public static JsonObject? Clone(JsonObject? o) => o?.DeepClone().AsObject();

    public async ValueTask DisposeAsync()
    {
        if (_stillRunning is { IsCompleted: false } running)
        {
            _ = running.ContinueWith(async t => { _ = t.Exception; await DisposeNowAsync(); }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            return;
        }
        await DisposeNowAsync();
    }

    private async Task DisposeNowAsync()
    {
        try
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
        catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
        {
            // The server ended this session already (abandoned past its deadline); nothing is left to roll back.
        }
        finally
        {
            Deadline.Dispose();
        }
    }
}
