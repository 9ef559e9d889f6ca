using Npgsql;
using Pppk.Workflow.Runtime.Steps;
using static Pppk.Workflow.Runtime.Steps.StepBatch;

namespace Pppk.Workflow.Runtime.Jobs;

/// <summary>The owner of <c>pppk.jobs</c>' step writes (its record: <see cref="JobRecord"/>): a job created, retried or gone.</summary>
internal sealed class JobTable() : WaitPointWriter<JobTable.Row>("jobs")
{
    public sealed record Row(string ElementId, string Type, int Retries, string Variables, string Headers, DateTimeOffset DueAt, DateTimeOffset CreatedAt);

    protected override void AddUpserts(NpgsqlBatch batch, List<(EffectBuffer.WaitKey Key, Row Row)> rows) => Add(batch, """
        INSERT INTO pppk.jobs (instance_id, wait_id, element_id, type, retries, variables, headers, due_at, attempts, created_at)
        SELECT i, w, e, t, r, v, h, d, 0, c FROM unnest(@inst, @wait, @el, @type, @retries, @vars::jsonb[], @headers::jsonb[], @due, @created) AS u(i, w, e, t, r, v, h, d, c)
        ON CONFLICT (instance_id, wait_id) DO UPDATE SET retries = excluded.retries, variables = excluded.variables, due_at = excluded.due_at, locked_until = NULL
        """,
        P("inst", rows.Select(j => j.Key.InstanceId)), P("wait", rows.Select(j => j.Key.WaitId)), P("el", rows.Select(j => j.Row.ElementId)),
        P("type", rows.Select(j => j.Row.Type)), P("retries", rows.Select(j => j.Row.Retries)), P("vars", rows.Select(j => j.Row.Variables)),
        P("headers", rows.Select(j => j.Row.Headers)), P("due", rows.Select(j => j.Row.DueAt)), P("created", rows.Select(j => j.Row.CreatedAt)));
}
