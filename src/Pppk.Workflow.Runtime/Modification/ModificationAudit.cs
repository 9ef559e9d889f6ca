using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Modification;

/// <summary>The audit entry of a modification ("who moved what"), and the record the service answers from.</summary>
internal static class ModificationAudit
{
    public const string Action = "modify";

    public static void Record(StepTransaction tx, LoadedInstance instance, InstanceModified modified, string? user, DateTimeOffset now)
    {
        tx.Modifications[instance.Id] = modified;
        var details = new JsonObject
        {
            ["activate"] = new JsonArray([.. modified.Activated.Select(a => (JsonNode)new JsonObject
            {
                ["elementId"] = a.ElementId, ["elementInstanceKey"] = a.ElementInstanceKey, ["variables"] = a.Variables?.DeepClone(),
            })]),
            ["terminate"] = new JsonArray([.. modified.TerminatedElementIds.Select(id => (JsonNode)JsonValue.Create(id))]),
            ["terminated"] = modified.Terminated,
        };
        tx.Buffer.Audit.Record(instance.Id, now, user, Action, details.ToJsonString());
    }
}
