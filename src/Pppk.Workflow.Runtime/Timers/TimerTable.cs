using Npgsql;
using Pppk.Workflow.Runtime.Steps;
using static Pppk.Workflow.Runtime.Steps.StepBatch;

namespace Pppk.Workflow.Runtime.Timers;

/// <summary>A scheduled timer of an instance. The row is the timer: firing or cancelling deletes it, in the step's transaction.</summary>
public sealed class TimerRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public long WaitId { get; set; }
    public required string ElementId { get; set; }
    public DateTimeOffset DueAt { get; set; }
}

/// <summary>The owner of <c>pppk.timers</c>' step writes: a timer armed (or re-armed) or gone.</summary>
internal sealed class TimerTable() : WaitPointWriter<TimerTable.Row>("timers")
{
    public sealed record Row(string ElementId, DateTimeOffset DueAt);

    protected override void AddUpserts(NpgsqlBatch batch, List<(EffectBuffer.WaitKey Key, Row Row)> rows) => Add(batch, """
        INSERT INTO pppk.timers (instance_id, wait_id, element_id, due_at) SELECT * FROM unnest(@inst, @wait, @el, @due)
        ON CONFLICT (instance_id, wait_id) DO UPDATE SET due_at = excluded.due_at, element_id = excluded.element_id
        """,
        P("inst", rows.Select(t => t.Key.InstanceId)), P("wait", rows.Select(t => t.Key.WaitId)),
        P("el", rows.Select(t => t.Row.ElementId)), P("due", rows.Select(t => t.Row.DueAt)));
}
