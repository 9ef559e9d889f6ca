using System.Security;
using System.Xml.Linq;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Parsing;

namespace Pppk.Workflow.Engine.Tests.Support;

/// <summary>
/// Builds test processes from element XML (default namespace is BPMN, prefix zeebe is declared) and a flow notation:
/// "a -> b -> c; gw -> x [=amount > 10]; gw -> y [default]". Each flow is placed next to its source element, so flows
/// inside subprocesses work. Extra root content (messages, errors) goes in <paramref name="root"/>.
/// </summary>
public static class Bpmn
{
    public const string ProcessId = "p";

    public static string Xml(string elements, string flows, string root = "", string processId = ProcessId, string moreProcesses = "")
    {
        var text = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs" targetNamespace="http://bpmn.io/schema/bpmn">
              {root}
              <process id="{processId}" isExecutable="true">
                {elements}
              </process>
              {moreProcesses}
            </definitions>
            """;
        var doc = XDocument.Parse(text);
        AddFlows(doc, flows);
        return doc.ToString();
    }

    public static void AddFlows(XDocument doc, string flows)
    {
        XNamespace b = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var n = 0;
        foreach (var chain in flows.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = chain.Split("->", StringSplitOptions.TrimEntries);
            for (var i = 0; i < parts.Length - 1; i++)
            {
                var source = parts[i].Split('[')[0].Trim();
                var targetPart = parts[i + 1];
                var target = targetPart.Split('[')[0].Trim();
                var id = $"f{++n}_{source}_{target}";
                var flow = new XElement(b + "sequenceFlow", new XAttribute("id", id), new XAttribute("sourceRef", source), new XAttribute("targetRef", target));
                var sourceElement = doc.Descendants().FirstOrDefault(e => (string?)e.Attribute("id") == source)
                    ?? throw new ArgumentException($"No element '{source}'.");
                if (targetPart.IndexOf('[') is var open and >= 0)
                {
                    var label = targetPart[(open + 1)..targetPart.LastIndexOf(']')];
                    if (label == "default")
                        sourceElement.SetAttributeValue("default", id);
                    else
                        flow.Add(new XElement(b + "conditionExpression", new XAttribute(xsi + "type", "tFormalExpression"), label));
                }
                sourceElement.Parent!.Add(flow);
            }
        }
    }

    public static BpmnDefinitions Parse(string elements, string flows, string root = "") => BpmnParser.Parse(Xml(elements, flows, root));

    public static ProcessModel Model(string elements, string flows, string root = "") => ProcessModel.Create(Parse(elements, flows, root), ProcessId);

    // ---- element shorthands ----

    public static string Start(string id = "start") => $"""<startEvent id="{id}"/>""";
    public static string End(string id = "end") => $"""<endEvent id="{id}"/>""";
    public static string Terminate(string id) => $"""<endEvent id="{id}"><terminateEventDefinition/></endEvent>""";
    public static string ErrorEnd(string id, string errorRef) => $"""<endEvent id="{id}"><errorEventDefinition errorRef="{errorRef}"/></endEvent>""";
    public static string Error(string id, string code) => $"""<error id="{id}" name="{id}" errorCode="{code}"/>""";
    public static string Message(string id, string name, string key) => $"""<message id="{id}" name="{Esc(name)}"><extensionElements><zeebe:subscription correlationKey="{Esc(key)}"/></extensionElements></message>""";
    public static string Throw(string id) => $"""<intermediateThrowEvent id="{id}"/>""";
    public static string Task(string id) => $"""<task id="{id}"/>""";

    public static string Service(string id, string type = "work", string extra = "", string inner = "") =>
        $"""<serviceTask id="{id}" name="{id} name"><extensionElements><zeebe:taskDefinition type="{Esc(type)}" retries="3"/>{extra}</extensionElements>{inner}</serviceTask>""";

    public static string User(string id, string assignee = "demo", string extra = "", string inner = "") =>
        $"""<userTask id="{id}" name="{id} name"><extensionElements><zeebe:userTask/><zeebe:assignmentDefinition assignee="{Esc(assignee)}"/>{extra}</extensionElements>{inner}</userTask>""";

    public static string Script(string id, string expression, string result) =>
        $"""<scriptTask id="{id}"><extensionElements><zeebe:script expression="{Esc(expression)}" resultVariable="{result}"/></extensionElements></scriptTask>""";

    public static string Receive(string id, string messageRef) => $"""<receiveTask id="{id}" messageRef="{messageRef}"/>""";
    public static string CatchMessage(string id, string messageRef) => $"""<intermediateCatchEvent id="{id}"><messageEventDefinition messageRef="{messageRef}"/></intermediateCatchEvent>""";
    public static string CatchTimer(string id, string duration) => $"""<intermediateCatchEvent id="{id}"><timerEventDefinition><timeDuration>{Esc(duration)}</timeDuration></timerEventDefinition></intermediateCatchEvent>""";

    public static string BoundaryTimer(string id, string host, string duration, bool interrupting = true, string kind = "timeDuration") =>
        $"""<boundaryEvent id="{id}" attachedToRef="{host}" cancelActivity="{(interrupting ? "true" : "false")}"><timerEventDefinition><{kind}>{Esc(duration)}</{kind}></timerEventDefinition></boundaryEvent>""";

    public static string BoundaryMessage(string id, string host, string messageRef, bool interrupting = true) =>
        $"""<boundaryEvent id="{id}" attachedToRef="{host}" cancelActivity="{(interrupting ? "true" : "false")}"><messageEventDefinition messageRef="{messageRef}"/></boundaryEvent>""";

    public static string BoundaryError(string id, string host, string? errorRef = null) =>
        $"""<boundaryEvent id="{id}" attachedToRef="{host}"><errorEventDefinition{(errorRef is null ? "" : $" errorRef=\"{errorRef}\"")}/></boundaryEvent>""";

    public static string Xor(string id) => $"""<exclusiveGateway id="{id}"/>""";
    public static string And(string id) => $"""<parallelGateway id="{id}"/>""";
    public static string EventGateway(string id) => $"""<eventBasedGateway id="{id}"/>""";

    public static string Sub(string id, string inner, string extra = "") =>
        $"""<subProcess id="{id}">{(extra.Length > 0 ? $"<extensionElements>{extra}</extensionElements>" : "")}{inner}</subProcess>""";

    public static string Call(string id, string processId, string extra = "", bool propagateChild = true) =>
        $"""<callActivity id="{id}"><extensionElements><zeebe:calledElement processId="{Esc(processId)}" propagateAllChildVariables="{(propagateChild ? "true" : "false")}"/>{extra}</extensionElements></callActivity>""";

    public static string Io(params (string Kind, string Source, string Target)[] mappings) =>
        "<zeebe:ioMapping>" + string.Concat(mappings.Select(m => $"""<zeebe:{m.Kind} source="{Esc(m.Source)}" target="{m.Target}"/>""")) + "</zeebe:ioMapping>";

    public static string Loop(string collection, string element = "item", bool sequential = false, string? outputCollection = null, string? outputElement = null) =>
        $"""<multiInstanceLoopCharacteristics isSequential="{(sequential ? "true" : "false")}"><extensionElements><zeebe:loopCharacteristics inputCollection="{Esc(collection)}" inputElement="{element}"{(outputCollection is null ? "" : $" outputCollection=\"{outputCollection}\" outputElement=\"{Esc(outputElement!)}\"")}/></extensionElements></multiInstanceLoopCharacteristics>""";

    public static string Esc(string s) => SecurityElement.Escape(s);
}
