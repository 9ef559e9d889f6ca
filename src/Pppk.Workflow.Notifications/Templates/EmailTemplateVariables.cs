namespace Pppk.Workflow.Notifications.Templates;

public sealed partial class EmailTemplates
{
    /// <summary>
    /// The variables template <paramref name="name"/> needs from the task (<see cref="VariablesOf"/>'s required ones, in
    /// the version rendered now): what the deploy-time check compares with what a process provides. Empty for an unknown template.
    /// </summary>
    public IReadOnlySet<string> RequiredVariables(string name) =>
        _templates.TryGetValue(name, out var template)
            ? VariablesOf(template).Required.ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
}
