using System.Xml.Linq;

namespace Pppk.Workflow.Engine.Parsing;

/// <summary>The XML namespaces the parser reads.</summary>
internal static class BpmnNames
{
    public static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Zeebe = "http://camunda.org/schema/zeebe/1.0";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static readonly HashSet<string> FlowNodeTypes =
    [
        "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
        "task", "userTask", "serviceTask", "sendTask", "receiveTask", "scriptTask", "businessRuleTask", "manualTask",
        "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway",
        "subProcess", "adHocSubProcess", "transaction", "callActivity", "callChoreography", "choreographyTask", "subChoreography",
    ];

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
