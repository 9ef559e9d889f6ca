using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Host.UserTasks;

/// <summary>The form a task (or a start) shows: an embedded form from its process's file, the version its binding chose, or the latest deployed.</summary>
internal static class TaskForm
{
    public static Task<JsonNode?> LoadAsync(NpgsqlDataSource db, DefinitionStore definitions, TaskView task, int definitionVersion, CancellationToken ct) =>
        LoadAsync(db, definitions, task.DefinitionKey, definitionVersion, task.FormId, task.FormVersion, ct);

    /// <summary><paramref name="formRef"/> is a deployed form's id or an embedded form's key (<c>camunda-forms:bpmn:&lt;id&gt;</c>) of that process version.</summary>
    public static async Task<JsonNode?> LoadAsync(NpgsqlDataSource db, DefinitionStore definitions, string definitionKey, int definitionVersion, string? formRef,
        int? formVersion, CancellationToken ct)
    {
        if (EmbeddedForm.IdOf(formRef) is { } embedded)
            return await definitions.VersionAsync(definitionKey, definitionVersion, ct) is { } deployed
                && deployed.Model.Process.EmbeddedForms.TryGetValue(embedded, out var json) ? JsonNode.Parse(json) : null;
        return formRef is not null && await DefinitionTable.FormAsync(db, formRef, ct, formVersion) is { } stored ? JsonNode.Parse(stored.Schema) : null;
    }
}
