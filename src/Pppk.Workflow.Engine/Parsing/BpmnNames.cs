using System.Xml.Linq;
using Pppk.Workflow.Engine.Model;

namespace Pppk.Workflow.Engine.Parsing;

/// <summary>The XML namespaces the parser reads.</summary>
internal static class BpmnNames
{
    public static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Zeebe = "http://camunda.org/schema/zeebe/1.0";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The flow nodes the parser reads, by BPMN local name: the one place the names map to <see cref="ElementType"/>.</summary>
    public static readonly Dictionary<string, ElementType> FlowNodeTypes = new(StringComparer.Ordinal)
    {
        ["startEvent"] = ElementType.StartEvent, ["endEvent"] = ElementType.EndEvent,
        ["intermediateCatchEvent"] = ElementType.IntermediateCatchEvent, ["intermediateThrowEvent"] = ElementType.IntermediateThrowEvent,
        ["boundaryEvent"] = ElementType.BoundaryEvent,
        ["task"] = ElementType.Task, ["userTask"] = ElementType.UserTask, ["serviceTask"] = ElementType.ServiceTask,
        ["sendTask"] = ElementType.SendTask, ["receiveTask"] = ElementType.ReceiveTask, ["scriptTask"] = ElementType.ScriptTask,
        ["businessRuleTask"] = ElementType.BusinessRuleTask, ["manualTask"] = ElementType.ManualTask,
        ["exclusiveGateway"] = ElementType.ExclusiveGateway, ["parallelGateway"] = ElementType.ParallelGateway,
        ["inclusiveGateway"] = ElementType.InclusiveGateway, ["eventBasedGateway"] = ElementType.EventBasedGateway,
        ["complexGateway"] = ElementType.ComplexGateway,
        ["subProcess"] = ElementType.SubProcess, ["adHocSubProcess"] = ElementType.AdHocSubProcess, ["transaction"] = ElementType.Transaction,
        ["callActivity"] = ElementType.CallActivity, ["callChoreography"] = ElementType.CallChoreography,
        ["choreographyTask"] = ElementType.ChoreographyTask, ["subChoreography"] = ElementType.SubChoreography,
    };

    /// <summary>Scope children that carry no execution meaning: diagram decoration and documentation.</summary>
    public static readonly HashSet<string> IgnoredScopeChildren =
    [
        "laneSet", "textAnnotation", "association", "group", "documentation", "extensionElements",
        "property", "auditing", "monitoring", "ioSpecification", "ioBinding", "category",
        // children of a subprocess element that describe the subprocess itself, not its content
        "incoming", "outgoing", "multiInstanceLoopCharacteristics", "standardLoopCharacteristics", "dataInputAssociation", "dataOutputAssociation",
    ];

    public static string? Attr(this XElement e, string name) => (string?)e.Attribute(name);

    /// <summary>Strips a QName prefix ("tns:Message_1" → "Message_1") as references may be qualified.</summary>
    public static string? LocalRef(string? qname) => qname is null ? null : qname[(qname.IndexOf(':') + 1)..];
}
