using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Host.UserTasks;

/// <summary>The form a task shows: an embedded form from its process's file, the version its binding chose, or the latest deployed.</summary>
internal static class TaskForm
{
    public static async Task<JsonNode?> LoadAsync(NpgsqlDataSource db, DefinitionStore definitions, TaskView task, int definitionVersion, CancellationToken ct)
    {
        if (EmbeddedForm.IdOf(task.FormId) is { } embedded)
            return await definitions.VersionAsync(task.DefinitionKey, definitionVersion, ct) is { } deployed
                && deployed.Model.Process.EmbeddedForms.TryGetValue(embedded, out var json) ? JsonNode.Parse(json) : null;
        return task.FormId is not null && await DefinitionTable.FormAsync(db, task.FormId, ct, task.FormVersion) is { } stored ? JsonNode.Parse(stored.Schema) : null;
    }
}
