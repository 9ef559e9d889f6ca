using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Messages;

/// <summary>
/// A message published by a message throw or message end event, correlated inside the publishing step's transaction as
/// <see cref="MessageService"/> does for <c>POST /api/messages</c>: every subscription with its name and correlation key
/// (one per instance, the oldest) and a new instance of every latest process with a message start of that name. A
/// receiver in this transaction gets the message at once, any other through its inbox after commit (no lock is taken on
/// it here, so two publishing instances never deadlock). No receiver: the message is dropped (it has no time to live).
/// </summary>
internal static class MessagePublishing
{
    public static async Task PublishAsync(StepTransaction tx, DefinitionStore definitions, MessagePublished message, DateTimeOffset now, CancellationToken ct)
    {
        await MessageBuffer.LockAsync(tx, message.Name, message.CorrelationKey, ct);
        foreach (var (instanceId, waitId) in await WaitingAsync(tx, message.Name, message.CorrelationKey, ct))
        {
            var trigger = new MessageCorrelated(waitId, message.Variables.DeepClone().AsObject());
            if (tx.Find(instanceId) is { } loaded)
                tx.Enqueue(loaded, trigger, null);
            else
                tx.Buffer.Inbox.Add(instanceId, TriggerJson.Write(trigger), now);
        }
        foreach (var definition in await definitions.AllLatestAsync(ct))
            foreach (var (start, _) in definition.Model.MessageStarts.Where(m => m.MessageName == message.Name))
            {
                var instance = new LoadedInstance
                {
                    Id = Guid.CreateVersion7(), DefinitionId = definition.Id, DefinitionKey = definition.Key, Version = definition.Version,
                    BusinessKey = message.CorrelationKey, StartedAt = now, State = new InstanceState { ProcessId = definition.Key }, IsNew = true,
                };
                tx.Instances[instance.Id] = instance;
                tx.Enqueue(instance, new StartTrigger(message.Variables.DeepClone().AsObject(), start.Id), null);
            }
    }

    /// <summary>The waiting subscriptions, one per instance: the table's, as this transaction's unflushed openings and closings change them.</summary>
    private static async Task<List<(Guid InstanceId, long WaitId)>> WaitingAsync(StepTransaction tx, string name, string? key, CancellationToken ct)
    {
        var pending = tx.Buffer.Subscriptions.Pending.ToDictionary(p => p.Key, p => p.Value);
        var found = new Dictionary<Guid, long>();
        foreach (var wait in await SubscriptionTable.AllWaitingForAsync(tx, name, key, ct))
        {
            if (!pending.TryGetValue(wait, out var row) || row is not null)
                found.TryAdd(wait.InstanceId, wait.WaitId);
        }
        foreach (var (wait, row) in pending.Where(p => p.Value is { } r && r.MessageName == name && r.CorrelationKey == key).OrderBy(p => p.Key.WaitId))
            found.TryAdd(wait.InstanceId, wait.WaitId);
        return [.. found.Select(f => (f.Key, f.Value))];
    }
}
