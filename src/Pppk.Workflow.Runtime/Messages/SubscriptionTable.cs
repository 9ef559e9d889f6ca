using Npgsql;
using Pppk.Workflow.Runtime.Steps;
using static Pppk.Workflow.Runtime.Steps.StepBatch;

namespace Pppk.Workflow.Runtime.Messages;

/// <summary>The owner of <c>pppk.message_subscriptions</c>' step writes: a subscription opened or gone.</summary>
internal sealed class SubscriptionTable() : WaitPointWriter<SubscriptionTable.Row>("message_subscriptions")
{
    public sealed record Row(string ElementId, string MessageName, string? CorrelationKey, DateTimeOffset CreatedAt);

    protected override void AddUpserts(NpgsqlBatch batch, List<(EffectBuffer.WaitKey Key, Row Row)> rows) => Add(batch, """
        INSERT INTO pppk.message_subscriptions (instance_id, wait_id, element_id, message_name, correlation_key, created_at)
        SELECT * FROM unnest(@inst, @wait, @el, @name, @key, @at) ON CONFLICT (instance_id, wait_id) DO NOTHING
        """,
        P("inst", rows.Select(s => s.Key.InstanceId)), P("wait", rows.Select(s => s.Key.WaitId)), P("el", rows.Select(s => s.Row.ElementId)),
        P("name", rows.Select(s => s.Row.MessageName)), P("key", rows.Select(s => s.Row.CorrelationKey)), P("at", rows.Select(s => s.Row.CreatedAt)));
}
