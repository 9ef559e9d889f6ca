using Npgsql;
using static Pppk.Workflow.Runtime.Steps.StepBatch;

namespace Pppk.Workflow.Runtime.Outbox;

/// <summary>The owner of <c>pppk.outbox</c>' step writes: effects outside the database, one row per (kind, dedup key), dispatched after commit by <see cref="AfterCommit"/>.</summary>
internal sealed class OutboxTable
{
    private readonly Dictionary<(string Kind, string Key), DateTimeOffset?> _rows = [];

    public int Count => _rows.Count;

    public IEnumerable<(string Kind, string Key)> Keys => _rows.Keys;

    /// <summary>Adds the row unless this transaction has it already (the first run time stays).</summary>
    public bool TryAdd(string kind, string key, DateTimeOffset? runAt) => _rows.TryAdd((kind, key), runAt);

    public void AddTo(NpgsqlBatch batch)
    {
        if (_rows.Count == 0) return;
        var rows = _rows.ToList();
        Add(batch, """
            INSERT INTO pppk.outbox (kind, dedup_key, run_at, created_at) SELECT k, d, r, now() FROM unnest(@kind, @key, @run) AS u(k, d, r)
            ON CONFLICT (kind, dedup_key) DO NOTHING
            """,
            P("kind", rows.Select(o => o.Key.Kind)), P("key", rows.Select(o => o.Key.Key)), P("run", rows.Select(o => o.Value)));
    }
}
