using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Notifications.Templates;

namespace Pppk.Workflow.Notifications.Tasks;

/// <summary>
/// What deployment can know about email tasks before they run: a <c>template</c> header naming a loaded template, a
/// <c>to</c> header, and FEEL that parses. For the deployment's validation (one problem per element).
/// </summary>
public sealed class EmailTaskValidator(EmailTemplates templates)
{
    public sealed record Problem(string ElementId, LocalizedText Text)
    {
        public string Message => Text.ToString();
    }

    public IReadOnlyList<Problem> Validate(BpmnDefinitions definitions) =>
        [.. definitions.ExecutableProcesses.SelectMany(p => Validate(p.AllNodes.Values))];

    public IReadOnlyList<Problem> Validate(IEnumerable<FlowNode> nodes)
    {
        var problems = new List<Problem>();
        foreach (var node in nodes.Where(n => n.TaskDefinition?.Type == EmailJobHandler.JobType))
        {
            var template = node.Headers.GetValueOrDefault("template")?.Trim();
            if (string.IsNullOrEmpty(template))
                problems.Add(new Problem(node.Id, EmailTexts.NoTemplateHeader.Format()));
            else if (template.StartsWith('='))
                CheckFeel(node, "template", template, problems);
            else if (!templates.Exists(template))
                problems.Add(new Problem(node.Id, EmailTexts.UnknownTemplate.Format(template, string.Join(", ", templates.Names))));
            var to = node.Headers.GetValueOrDefault("to")?.Trim();
            if (string.IsNullOrEmpty(to))
                problems.Add(new Problem(node.Id, EmailTexts.NoToHeader.Format()));
            else if (to.StartsWith('='))
                CheckFeel(node, "to", to, problems);
            if (node.Headers.GetValueOrDefault("cc")?.Trim() is { } cc && cc.StartsWith('='))
                CheckFeel(node, "cc", cc, problems);
            if (node.Headers.GetValueOrDefault("attachments")?.Trim() is { } attachments && attachments.StartsWith('='))
                CheckFeel(node, "attachments", attachments, problems);
        }
        return problems;
    }

    private static void CheckFeel(FlowNode node, string header, string value, List<Problem> problems)
    {
        if (!FeelExpression.TryParse(value[1..], out _, out var error))
            problems.Add(new Problem(node.Id, EmailTexts.HeaderNotFeel.Format(header, error!.Text)));
    }
}
