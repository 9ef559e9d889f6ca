using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Messages;

/// <summary>
/// Publishing a message: correlates it to every waiting subscription with that name and correlation key (one per
/// instance), starts instances of processes with a matching message start, or, with a time to live and no match,
/// keeps it until a subscription opens. A repeated message id within its time to live is accepted once.
/// </summary>
public sealed class MessageService
{
    private readonly StepRunner _runner;
    private readonly DefinitionStore _definitions;
    private readonly InstanceService _instances;
    private readonly TimeProvider _clock;

    internal MessageService(StepRunner runner, DefinitionStore definitions, InstanceService instances, TimeProvider clock)
    {
        _runner = runner;
        _definitions = definitions;
        _instances = instances;
        _clock = clock;
    }

    public sealed record Publish(string Name, string? CorrelationKey, JsonObject? Variables, string? MessageId, int? TimeToLiveSeconds);

    public sealed record Result(IReadOnlyList<Guid> CorrelatedInstanceIds, IReadOnlyList<Guid> StartedInstanceIds, bool Buffered, bool Duplicate);

    public async Task<Result> PublishAsync(Publish message, string? user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(message.Name)) throw WorkflowException.BadRequest("A message needs a name.");
        if (message.TimeToLiveSeconds is < 0) throw WorkflowException.BadRequest("timeToLiveSeconds must not be negative.");
        var starts = (await _definitions.AllLatestAsync(ct))
            .SelectMany(d => d.Model.MessageStarts.Where(m => m.MessageName == message.Name).Select(m => (Definition: d, StartEventId: m.StartEvent.Id)))
            .ToList();

        return await _runner.RunAsync(async tx =>
        {
            var now = _clock.GetUtcNow();
            var ttl = TimeSpan.FromSeconds(message.TimeToLiveSeconds ?? 0);
            if (message.MessageId is { } id)
            {
                await using var seen = tx.Command("""
                    INSERT INTO pppk.message_ids (message_id, expires_at) VALUES (@id, @exp)
                    ON CONFLICT (message_id) DO UPDATE SET expires_at = excluded.expires_at WHERE pppk.message_ids.expires_at < now()
                    """);
                seen.Parameters.AddWithValue("id", id);
                seen.Parameters.AddWithValue("exp", now + (ttl > TimeSpan.Zero ? ttl : TimeSpan.FromHours(1)));
                if (await seen.ExecuteNonQueryAsync(ct) == 0)
                    return new Result([], [], false, Duplicate: true);
            }

            await MessageBuffer.LockAsync(tx, message.Name, message.CorrelationKey, ct);
            var waits = new List<(Guid InstanceId, long WaitId)>();
            await using (var cmd = tx.Command("""
                SELECT DISTINCT ON (instance_id) instance_id, wait_id FROM pppk.message_subscriptions
                WHERE message_name = @n AND correlation_key IS NOT DISTINCT FROM @k ORDER BY instance_id, id
                """))
            {
                cmd.Parameters.AddWithValue("n", message.Name);
                cmd.Parameters.AddWithValue("k", (object?)message.CorrelationKey ?? DBNull.Value);
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) waits.Add((reader.GetGuid(0), reader.GetInt64(1)));
            }
            await tx.LoadAsync(waits.Select(w => w.InstanceId), ct);
            var correlated = new List<Guid>();
            foreach (var (instanceId, waitId) in waits)
            {
                if (tx.Find(instanceId) is not { } instance) continue;
                tx.Enqueue(instance, new MessageCorrelated(waitId, message.Variables?.DeepClone().AsObject()), user);
                correlated.Add(instanceId);
            }

            var started = new List<Guid>();
            foreach (var (definition, startEventId) in starts)
            {
                var instance = _instances.NewInstance(definition, message.CorrelationKey);
                tx.Instances[instance.Id] = instance;
                tx.Enqueue(instance, new StartTrigger(message.Variables?.DeepClone().AsObject(), startEventId), user);
                started.Add(instance.Id);
            }

            var buffered = false;
            if (correlated.Count == 0 && started.Count == 0 && ttl > TimeSpan.Zero)
            {
                await using var keep = tx.Command("""
                    INSERT INTO pppk.buffered_messages (name, correlation_key, variables, message_id, published_at, expires_at)
                    VALUES (@n, @k, @v::jsonb, @id, @now, @exp)
                    """);
                keep.Parameters.AddWithValue("n", message.Name);
                keep.Parameters.AddWithValue("k", (object?)message.CorrelationKey ?? DBNull.Value);
                keep.Parameters.AddWithValue("v", (object?)message.Variables?.ToJsonString() ?? DBNull.Value);
                keep.Parameters.AddWithValue("id", (object?)message.MessageId ?? DBNull.Value);
                keep.Parameters.AddWithValue("now", now);
                keep.Parameters.AddWithValue("exp", now + ttl);
                await keep.ExecuteNonQueryAsync(ct);
                buffered = true;
            }
            return new Result(correlated, started, buffered, Duplicate: false);
        }, ct);
    }

    /// <summary>
    /// Before replacing a message that may not have reached its receiver (a corrected selection result): withdraws the
    /// live buffered messages of (<paramref name="name"/>, <paramref name="correlationKey"/>) and answers whether the
    /// receiver has yet to take one, so the replacement will be its first: true when one was withdrawn, a subscription
    /// waits, or <paramref name="replacementId"/> was already published (a re-run; then nothing is withdrawn).
    /// </summary>
    public Task<bool> WithdrawUntakenAsync(string name, string correlationKey, string replacementId, CancellationToken ct) =>
        _runner.RunAsync(async tx =>
        {
            await MessageBuffer.LockAsync(tx, name, correlationKey, ct);
            await using (var seen = tx.Command("SELECT EXISTS (SELECT 1 FROM pppk.message_ids WHERE message_id = @id AND expires_at > now())"))
            {
                seen.Parameters.AddWithValue("id", replacementId);
                if (await seen.ExecuteScalarAsync(ct) is true) return true;
            }
            await using var cmd = tx.Command("""
                WITH withdrawn AS (DELETE FROM pppk.buffered_messages WHERE name = @n AND correlation_key = @k AND expires_at > now() RETURNING 1)
                SELECT EXISTS (SELECT 1 FROM withdrawn)
                    OR EXISTS (SELECT 1 FROM pppk.message_subscriptions WHERE message_name = @n AND correlation_key = @k)
                """);
            cmd.Parameters.AddWithValue("n", name);
            cmd.Parameters.AddWithValue("k", correlationKey);
            return await cmd.ExecuteScalarAsync(ct) is true;
        }, ct);
}
