using System.Text.Json;
using Npgsql;
using Pppk.Workflow.Engine.Model;

namespace Pppk.Workflow.Runtime.Definitions;

/// <summary>
/// Deploy-time checks of links bound to a version (<c>bindingType</c> deployment or versionTag) that need the other files
/// of the deployment and what is deployed already: a partner bound by deployment must be in the same deployment, a
/// version tag must exist (a form's is an error: a task has no incident to wait in; a process's a warning, as for latest).
/// </summary>
internal static class BindingChecks
{
    public static async Task CheckAsync(NpgsqlDataSource db, List<(DeploymentService.DeployFile File, BpmnDefinitions Parsed)> bpmn,
        List<(DeploymentService.DeployFile File, string Id)> forms, List<DeploymentService.Problem> problems, CancellationToken ct)
    {
        var processesHere = bpmn.SelectMany(b => b.Parsed.ExecutableProcesses).ToList();
        var formsHere = forms.Select(f => (f.Id, Tag: FormVersionTag(f.File.Content))).ToList();
        foreach (var (file, parsed) in bpmn)
            foreach (var node in parsed.ExecutableProcesses.SelectMany(p => p.AllNodes.Values))
            {
                if (node.CalledElement is { ProcessId: { } key, Binding: { } call } && !IsExpression(key))
                {
                    if (call.Type == BindingType.Deployment && processesHere.All(p => p.Id != key))
                        problems.Add(new(file.FileName, node.Id, "error", DeploymentTexts.NotInDeployment.Format(node.Id, key)));
                    if (call.Type == BindingType.VersionTag && !processesHere.Any(p => p.Id == key && p.VersionTag == call.VersionTag)
                        && await DefinitionTable.TaggedIdAsync(db, key, call.VersionTag ?? "", ct) is null)
                        problems.Add(new(file.FileName, node.Id, "warning", DeploymentTexts.ProcessTagNotDeployed.Format(node.Id, key, call.VersionTag)));
                }
                if (node.UserTask is { FormId: { } formId, FormBinding: { } form } && !IsExpression(formId))
                {
                    if (form.Type == BindingType.Deployment && formsHere.All(f => f.Id != formId))
                        problems.Add(new(file.FileName, node.Id, "error", DeploymentTexts.NotInDeployment.Format(node.Id, formId)));
                    if (form.Type == BindingType.VersionTag && !formsHere.Contains((formId, form.VersionTag))
                        && await DefinitionTable.TaggedFormVersionAsync(db.CreateCommand, formId, form.VersionTag ?? "", ct) is null)
                        problems.Add(new(file.FileName, node.Id, "error", DeploymentTexts.FormTagNotDeployed.Format(node.Id, formId, form.VersionTag)));
                }
            }
    }

    /// <summary>The <c>versionTag</c> of a form-js schema, if it has one.</summary>
    public static string? FormVersionTag(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("versionTag", out var tag)
                && tag.ValueKind == JsonValueKind.String && tag.GetString() is { Length: > 0 } s ? s.Trim() : null;
        }
        catch (JsonException)
        {
            return null; // the form's own check reports it
        }
    }

    private static bool IsExpression(string value) => value.TrimStart().StartsWith('=');
}
