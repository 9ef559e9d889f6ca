using System.Text.Json;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Steps;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Runtime.InstanceMigration;

/// <summary>The rows a migration step changes, through their tables' writers: the instance's version, history, tasks, jobs, subscriptions, incidents.</summary>
internal static class MigratedRows
{
    public static async Task ApplyAsync(StepTransaction tx, DefinitionStore definitions, LoadedInstance instance, Effect effect, CancellationToken ct)
    {
        var buffer = tx.Buffer;
        switch (effect)
        {
            case InstanceMigrated:
                buffer.Instances.Migrated(instance.Id, instance.DefinitionId, instance.Version);
                break;
            case ElementMigrated e:
                buffer.History.Migrated(instance.Id, e.ElementInstanceKey, e.ElementId, e.ElementType, e.Name);
                break;
            case UserTaskMigrated t:
                var formId = t.FormId ?? t.FormKey;
                buffer.Tasks.Migrated(new UserTaskTable.Writer.Migration(new(instance.Id, t.WaitId), t.ElementId, t.Name, formId,
                    await FormBinding.VersionAsync(tx, definitions, instance, t.FormId, t.FormBinding, ct), t.Priority));
                break;
            case JobMigrated j:
                buffer.Jobs.Retyped(new(instance.Id, j.WaitId), j.ElementId, j.Type, JsonSerializer.Serialize(j.Headers));
                break;
            case WaitPointMigrated { Kind: WaitKind.Message } w:
                buffer.Subscriptions.Migrated(new(instance.Id, w.WaitId), w.ElementId);
                break;
            case WaitPointMigrated { Kind: WaitKind.Signal } w:
                buffer.Signals.Migrated(new(instance.Id, w.WaitId), w.ElementId);
                break;
            case WaitPointMigrated { Kind: WaitKind.Job } w:
                buffer.Jobs.Migrated(new(instance.Id, w.WaitId), w.ElementId);
                break;
            case IncidentMigrated i:
                buffer.Incidents.Migrated(instance.Id, i.IncidentId, i.ElementId);
                break;
            // a called instance's or a condition's wait has no row of its own: the state carries it
        }
    }
}
