using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Signals;

/// <summary>
/// A broadcast inside one transaction: every open subscription with the name gets the signal, and the latest version of
/// every process with a signal start of that name starts once. Instances this transaction holds are read from memory
/// (their state is newer than their rows); the others are locked and loaded (an API call) or reached through their inbox
/// (a throw inside a step, which must not wait for another instance's lock).
/// </summary>
internal static class SignalBroadcast
{
    public sealed record Outcome(IReadOnlyList<Guid> Triggered, IReadOnlyList<Guid> Started);

    public static async Task<Outcome> RunAsync(StepTransaction tx, DefinitionStore definitions, string name, JsonObject? variables, string? user,
        bool throughInbox, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await SignalSubscriptionTable.WaitingAsync(tx, name, ct);
        var elsewhere = rows.Where(r => tx.Find(r.InstanceId) is null).ToList();
        if (!throughInbox)
        {
            await tx.LoadAsync(elsewhere.Select(r => r.InstanceId).Distinct(), ct);
            elsewhere = [];
        }
        var triggered = new HashSet<Guid>();
        foreach (var instance in tx.Instances.Values.ToList())
            foreach (var wait in instance.State.WaitPoints.Where(w => w.Kind == WaitKind.Signal && w.SignalName == name).ToList())
            {
                tx.Enqueue(instance, new SignalReceived(wait.Id, Copy(variables)), user);
                triggered.Add(instance.Id);
            }
        foreach (var (instanceId, waitId) in elsewhere)
        {
            tx.Buffer.Inbox.Add(instanceId, TriggerJson.Write(new SignalReceived(waitId, Copy(variables))), now);
            triggered.Add(instanceId);
        }

        var started = new List<Guid>();
        foreach (var definition in await definitions.AllLatestAsync(ct))
            foreach (var (start, _) in definition.Model.SignalStarts.Where(s => s.SignalName == name))
            {
                var instance = new LoadedInstance
                {
                    Id = Guid.CreateVersion7(), DefinitionId = definition.Id, DefinitionKey = definition.Key, Version = definition.Version,
                    StartedAt = now, State = new InstanceState { ProcessId = definition.Key }, IsNew = true,
                };
                tx.Instances[instance.Id] = instance;
                tx.Enqueue(instance, new StartTrigger(Copy(variables), start.Id), user);
                started.Add(instance.Id);
                break; // one instance per process, whatever number of signal starts share the name
            }
        return new Outcome([.. triggered], started);
    }

    private static JsonObject? Copy(JsonObject? variables) => variables?.DeepClone().AsObject();
}
