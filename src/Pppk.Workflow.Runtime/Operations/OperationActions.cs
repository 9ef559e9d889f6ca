using System.Text.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.InstanceMigration;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Operations;

/// <summary>
/// What an operation does to each instance of a chunk, inside the chunk's step transaction: lock and load the instances,
/// queue the trigger (as the single-instance call would) with its audit entry, or say why this instance is refused.
/// A refusal is the item's outcome, never the chunk's failure.
/// </summary>
internal sealed class OperationActions(InstanceService instances, MigrationService migrations, DefinitionStore definitions, TimeProvider clock)
{
    public async Task<List<ItemOutcome>> ApplyAsync(StepTransaction tx, Guid operationId, OperationHead head, OperationRequest request,
        IReadOnlyList<ClaimedItem> items, CancellationToken ct)
    {
        if (head.Type == OperationTypes.Start) return await StartAsync(tx, head, items, ct);
        await tx.LoadAsync(items.Select(i => i.InstanceId!.Value), ct);
        var outcomes = new List<ItemOutcome>(items.Count);
        var now = clock.GetUtcNow();
        foreach (var item in items)
        {
            var id = item.InstanceId!.Value;
            var instance = tx.Find(id);
            var failure = instance is null ? OperationTexts.InstanceGone.Format()
                : instance.State.Status != InstanceStatus.Active ? OperationTexts.InstanceNotActive.Format(instance.Status)
                : head.Type == OperationTypes.Migrate ? await MigrateAsync(tx, id, request, head.CreatedBy, ct)
                : Apply(tx, instance, head, request, operationId, now);
            outcomes.Add(new(item.ItemNo, id, failure));
        }
        return outcomes;
    }

    /// <summary>
    /// Migrates one instance in the chunk's transaction (the migration's own audit and history entries); a refused plan
    /// throws before anything is queued or written, and becomes this item's reason with every problem.
    /// </summary>
    private async Task<LocalizedText?> MigrateAsync(StepTransaction tx, Guid id, OperationRequest request, string? user, CancellationToken ct)
    {
        var mark = tx.QueueLength;
        try
        {
            await migrations.MigrateInAsync(tx, id, Plan(request), user, ct);
            return null;
        }
        catch (WorkflowException e)
        {
            tx.DropQueuedFrom(mark);
            return e.Problems is { Count: > 0 } problems
                ? OperationTexts.PlanRefused.Format(new JoinedTexts(problems.Select(p => p.Message).ToList()))
                : e.Text ?? OperationTexts.Refused.Format(e.Message);
        }
    }

    /// <summary>The migration plan of a migrate operation's request.</summary>
    public static MigrationRequest Plan(OperationRequest request) =>
        new(request.TargetVersion!.Value, request.Mappings?.Select(m => new Engine.Migration.ElementMapping(m.SourceElementId, m.TargetElementId)).ToList() ?? []);

    /// <summary>Queues the operation's trigger on one active instance; answers why not, if it cannot.</summary>
    private static LocalizedText? Apply(StepTransaction tx, LoadedInstance instance, OperationHead head, OperationRequest request,
        Guid operationId, DateTimeOffset now)
    {
        var user = head.CreatedBy;
        switch (head.Type)
        {
            case OperationTypes.Cancel:
                tx.Enqueue(instance, new CancelInstance(request.Reason), user);
                Audit(tx, instance, now, user, "cancel", new JsonObject { ["reason"] = request.Reason }, operationId);
                return null;
            case OperationTypes.SetVariables:
                tx.Enqueue(instance, new SetVariables(StepTransaction.Clone(request.Variables)!), user);
                Audit(tx, instance, now, user, "set-variables", new JsonObject { ["variables"] = request.Variables!.DeepClone() }, operationId);
                return null;
            case OperationTypes.RetryIncidents:
                if (!instance.State.HasIncident) return OperationTexts.NoIncident.Format();
                foreach (var incident in instance.State.Incidents.ToList())
                {
                    tx.Enqueue(instance, new RetryIncident(incident.Id), user);
                    Audit(tx, instance, now, user, "retry-incident", new JsonObject { ["engineIncidentId"] = incident.Id }, operationId);
                }
                return null;
            default:
                throw new InvalidOperationException($"Operation type '{head.Type}' has no action.");
        }
    }

    private static void Audit(StepTransaction tx, LoadedInstance instance, DateTimeOffset at, string? user, string action, JsonObject details, Guid operationId)
    {
        details["operationId"] = operationId.ToString();
        tx.Buffer.Audit.Record(instance.Id, at, user, action, details.ToJsonString());
    }

    /// <summary>Starts one new instance per item on the version the operation resolved when it was created.</summary>
    private async Task<List<ItemOutcome>> StartAsync(StepTransaction tx, OperationHead head, IReadOnlyList<ClaimedItem> items, CancellationToken ct)
    {
        var definition = await definitions.VersionAsync(head.DefinitionKey, head.Version!.Value, ct)
            ?? throw new WorkflowException(400, OperationTexts.DefinitionMissing.Format(head.DefinitionKey, head.Version));
        var outcomes = new List<ItemOutcome>(items.Count);
        foreach (var item in items)
        {
            var start = JsonSerializer.Deserialize<InstanceService.BatchItem>(item.Payload!, JsonSerializerOptions.Web)!;
            var instance = instances.NewInstance(definition, start.BusinessKey);
            tx.Instances[instance.Id] = instance;
            tx.Enqueue(instance, new StartTrigger(start.Variables), head.CreatedBy);
            outcomes.Add(new(item.ItemNo, instance.Id, null));
        }
        return outcomes;
    }
}
