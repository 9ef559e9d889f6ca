using Pppk.Workflow.Domain.CaseNotes;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Host.CaseNotes;

/// <summary>
/// A user task with the task header <c>requiresAttachment</c> = <c>true</c> (Camunda Modeler: the task's "Headers") is
/// completed only when its case has an attachment linked to it or uploaded since it was opened: a verifier who checked
/// documents leaves the document (or the checklist) on the case.
/// </summary>
internal sealed class AttachmentRequirement(DefinitionStore definitions) : ITaskCompletionRule
{
    public const string Header = "requiresAttachment";

    public async Task CheckAsync(TaskCompletion task, CancellationToken ct)
    {
        if (!Requires(await definitions.GetAsync(task.DefinitionId, ct), task.ElementId)) return;
        if (!await CaseNoteTables.HasAttachmentForTaskAsync(task.Connection, task.Transaction, task.InstanceId, task.TaskId, task.TaskCreatedAt, ct))
            throw new WorkflowException(409, CaseNotesTexts.AttachmentRequired.Format(task.TaskName ?? task.ElementId));
    }

    /// <summary>Whether the element of this deployed version declares the requirement.</summary>
    public static bool Requires(DefinitionStore.Deployed deployed, string elementId) =>
        deployed.Model.Process.AllNodes.TryGetValue(elementId, out var node) && node.Headers.TryGetValue(Header, out var value)
        && value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
}
