using System.Xml.Linq;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Parsing;
using T = Pppk.Workflow.Engine.Validation.ValidationTexts;

namespace Pppk.Workflow.Engine.Validation;

// zeebe: extension elements the engine does not run are reported, never silently dropped.
internal sealed partial class ElementRules
{
    private static readonly HashSet<string> Supported =
    [
        "taskDefinition", "taskHeaders", "header", "ioMapping", "input", "output", "userTask", "assignmentDefinition",
        "taskSchedule", "formDefinition", "subscription", "calledElement", "loopCharacteristics", "script",
        "priorityDefinition",
        "executionListeners", "executionListener", "taskListeners", "taskListener", // checked in ElementRules.Listeners
        // descriptive only: no behaviour to run
        "properties", "property", "versionTag",
    ];

    private void CheckExtensions(FlowNode node)
    {
        // only the node's own extensions: a subprocess's children are checked as nodes of their own
        var own = node.Source.Elements(BpmnNames.Bpmn + "extensionElements")
            .Concat(node.Source.Elements(BpmnNames.Bpmn + "multiInstanceLoopCharacteristics").Elements(BpmnNames.Bpmn + "extensionElements"));
        foreach (var element in own.Descendants().Where(e => e.Name.Namespace == BpmnNames.Zeebe))
        {
            var name = element.Name.LocalName;
            if (Supported.Contains(name) || name == "calledDecision")
                continue;
            Warn(node.Id, T.ExtensionIgnored.Format(name, node.Id));
        }
    }
}
