using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Runtime.Definitions;

/// <summary>Which version of a linked form a new user task shows: the one deployed with its process, the latest with a version tag, or (null) the latest.</summary>
internal static class FormBinding
{
    /// <summary>
    /// The bound version, or null for the latest (read when the task is opened) and for embedded forms. Deployment checks
    /// that a bound form exists (<see cref="BindingChecks"/>) and forms are never removed, so a bound version is always found.
    /// </summary>
    public static Task<int?> VersionAsync(StepTransaction tx, DefinitionStore definitions, LoadedInstance instance, UserTaskCreated task, CancellationToken ct) =>
        VersionAsync(tx, definitions, instance, task.FormId, task.FormBinding, ct);

    /// <summary>The bound version of <paramref name="formId"/> for a task of <paramref name="instance"/>'s version (a new task's, or one a migration kept).</summary>
    public static async Task<int?> VersionAsync(StepTransaction tx, DefinitionStore definitions, LoadedInstance instance, string? formId, ResourceBinding? binding, CancellationToken ct)
    {
        if (formId is null || binding?.Type is not ({ } type and not BindingType.Latest))
            return null;
        if (type == BindingType.Deployment)
            return (await definitions.GetAsync(instance.DefinitionId, ct)).Together?.Forms.TryGetValue(formId, out var v) == true ? v : null;
        return await DefinitionTable.TaggedFormVersionAsync(tx.Command, formId, binding.VersionTag ?? "", ct);
    }
}
