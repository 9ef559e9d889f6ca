using Npgsql;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>
/// The rows of a wait-point table (timers, subscriptions, jobs) a transaction writes, keyed by (instance, wait id); the
/// last operation wins: a timer re-armed or a job retried in the same transaction is one upsert, a row opened and closed
/// at once is no row at all. A null row deletes.
/// </summary>
internal abstract class WaitPointWriter<TRow>(string table) where TRow : class
{
    private readonly Dictionary<EffectBuffer.WaitKey, TRow?> _rows = [];

    /// <summary>Sets (or, with null, deletes) the row of <paramref name="key"/>.</summary>
    public TRow? this[EffectBuffer.WaitKey key]
    {
        set => _rows[key] = value;
    }

    /// <summary>The rows this transaction set and has not written yet (a null value: deleted).</summary>
    public IEnumerable<KeyValuePair<EffectBuffer.WaitKey, TRow?>> Pending => _rows;

    private readonly Dictionary<EffectBuffer.WaitKey, string> _migrated = [];

    /// <summary>The row of <paramref name="key"/> was kept by a migration: it now belongs to <paramref name="elementId"/>.</summary>
    public void Migrated(EffectBuffer.WaitKey key, string elementId) => _migrated[key] = elementId;

    public void AddTo(NpgsqlBatch batch)
    {
        var deletes = _rows.Where(r => r.Value is null).Select(r => r.Key).ToList();
        if (deletes.Count > 0)
            StepBatch.Add(batch, $"DELETE FROM pppk.{table} t USING unnest(@inst, @wait) AS u(inst, wait) WHERE t.instance_id = u.inst AND t.wait_id = u.wait",
                StepBatch.P("inst", deletes.Select(k => k.InstanceId)), StepBatch.P("wait", deletes.Select(k => k.WaitId)));
        var upserts = _rows.Where(r => r.Value is not null).Select(r => (r.Key, Row: r.Value!)).ToList();
        if (upserts.Count > 0) AddUpserts(batch, upserts);
        if (_migrated.Count > 0)
            StepBatch.Add(batch, $"UPDATE pppk.{table} t SET element_id = u.el FROM unnest(@inst, @wait, @el) AS u(inst, wait, el) WHERE t.instance_id = u.inst AND t.wait_id = u.wait",
                StepBatch.P("inst", _migrated.Keys.Select(k => k.InstanceId)), StepBatch.P("wait", _migrated.Keys.Select(k => k.WaitId)), StepBatch.P("el", _migrated.Values));
    }

    /// <summary>The statement that inserts (or updates) <paramref name="rows"/>.</summary>
    protected abstract void AddUpserts(NpgsqlBatch batch, List<(EffectBuffer.WaitKey Key, TRow Row)> rows);
}
