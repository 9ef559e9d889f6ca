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
                if (!await MessageIdTable.TryRecordAsync(tx, id, now + (ttl > TimeSpan.Zero ? ttl : TimeSpan.FromHours(1)), ct))
                    return new Result([], [], false, Duplicate: true);
            }

            await MessageBuffer.LockAsync(tx, message.Name, message.CorrelationKey, ct);
            var waits = await SubscriptionTable.WaitingForAsync(tx, message.Name, message.CorrelationKey, ct);
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
                await MessageBuffer.KeepAsync(tx, message, now, now + ttl, ct);
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
            if (await MessageIdTable.IsLiveAsync(tx, replacementId, ct)) return true;
            var withdrawn = await MessageBuffer.WithdrawAsync(tx, name, correlationKey, ct);
            return withdrawn || await SubscriptionTable.AnyAsync(tx, name, correlationKey, ct);
        }, ct);
}
