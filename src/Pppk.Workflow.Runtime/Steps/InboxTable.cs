using Npgsql;
using static Pppk.Workflow.Runtime.Steps.StepBatch;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>The owner of <c>pppk.inbox</c>' step writes: triggers for instances this transaction does not hold (read by <see cref="InboxDrain"/>).</summary>
internal sealed class InboxTable
{
    private readonly List<(Guid InstanceId, string Trigger, DateTimeOffset At)> _rows = [];

    public int Count => _rows.Count;

    public void Add(Guid instanceId, string trigger, DateTimeOffset at) => _rows.Add((instanceId, trigger, at));

    public void AddTo(NpgsqlBatch batch)
    {
        if (_rows.Count > 0)
            StepBatch.Add(batch, "INSERT INTO pppk.inbox (instance_id, trigger, created_at) SELECT * FROM unnest(@inst, @trigger::jsonb[], @at)",
                P("inst", _rows.Select(i => i.InstanceId)), P("trigger", _rows.Select(i => i.Trigger)), P("at", _rows.Select(i => i.At)));
    }
}
