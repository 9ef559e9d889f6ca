using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Runtime.Definitions;

namespace Pppk.Workflow.Notifications.Tasks;

/// <summary>Deploy-time check of email tasks (template exists, headers readable), through the runtime's definition checks.</summary>
internal sealed class EmailDefinitionCheck(EmailTaskValidator validator) : IDefinitionCheck
{
    public IEnumerable<(string ElementId, LocalizedText Message)> Check(BpmnDefinitions definitions) =>
        validator.Validate(definitions).Select(p => (p.ElementId, p.Text));
}
