using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Notifications.Templates;
using Pppk.Workflow.Runtime.Definitions;

namespace Pppk.Workflow.Notifications.Tasks;

/// <summary>
/// Deploy-time check of email tasks (template exists, headers readable), through the runtime's definition checks; warns
/// about each variable a fixed template reads that nothing in the process provides (it would fail when sent).
/// </summary>
internal sealed class EmailDefinitionCheck(EmailTaskValidator validator, EmailTemplates templates) : IDefinitionCheck
{
    public IEnumerable<(string ElementId, LocalizedText Message)> Check(BpmnDefinitions definitions) =>
        validator.Validate(definitions).Select(p => (p.ElementId, p.Text));

    public IEnumerable<(string ElementId, LocalizedText Message)> Warn(BpmnDefinitions definitions, VariableSupply supply) =>
        from process in definitions.ExecutableProcesses
        from node in process.AllNodes.Values
        where node.TaskDefinition?.Type == EmailJobHandler.JobType
        let template = node.Headers.GetValueOrDefault("template")?.Trim()
        where template is { Length: > 0 } && !template.StartsWith('=') && templates.Exists(template)
        from variable in templates.RequiredVariables(template)
        where !supply.Provides(process, node, variable)
        select (node.Id, EmailTexts.VariableNotProvided.Format(template, variable));
}
