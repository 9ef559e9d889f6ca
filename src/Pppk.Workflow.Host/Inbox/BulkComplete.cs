using System.Xml.Linq;
using Npgsql;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Host.Inbox;

/// <summary>
/// Which tasks one set of answers may complete together: a user task its process marks
/// <c>&lt;zeebe:property name="bulkComplete" value="true"/&gt;</c>, and only tasks with the first task's form (id and version).
/// </summary>
internal sealed class BulkComplete(NpgsqlDataSource db, DefinitionStore definitions, GroupScopes scopes, TimeProvider clock)
{
    public const string Property = "bulkComplete";

    private (string? FormId, int? FormVersion)? _form;

    public async Task EnsureAllowedAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var task = await UserTaskTable.GetAsync(db, id, actor, scopes, clock.GetUtcNow(), ct)
            ?? throw new WorkflowException(404, InboxTexts.TaskNotFound.Format(id));
        var label = task.Name ?? task.ElementId;
        var instance = await InstanceTable.GetAsync(db, task.InstanceId, ct);
        var deployed = instance is null ? null : await definitions.VersionAsync(task.DefinitionKey, instance.Version, ct);
        if (deployed is null || !deployed.Model.Process.AllNodes.TryGetValue(task.ElementId, out var node) || !Marked(node.Source))
            throw new WorkflowException(403, InboxTexts.BulkCompleteNotAllowed.Format(label));
        _form ??= (task.FormId, task.FormVersion);
        if (_form != (task.FormId, task.FormVersion)) throw new WorkflowException(400, InboxTexts.BulkFormDiffers.Format(label));
    }

    /// <summary>The element's <c>zeebe:properties</c> say <c>bulkComplete = true</c>.</summary>
    private static bool Marked(XElement element) =>
        element.Elements().Where(e => e.Name.LocalName == "extensionElements").Elements().Where(e => e.Name.LocalName == "properties")
            .Elements().Any(p => p.Name.LocalName == "property" && (string?)p.Attribute("name") == Property
                && string.Equals(((string?)p.Attribute("value"))?.Trim(), "true", StringComparison.OrdinalIgnoreCase));
}
