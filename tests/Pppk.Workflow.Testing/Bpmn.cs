namespace Pppk.Workflow.Testing;

/// <summary>Wraps process elements in a BPMN definitions document with the zeebe namespace, for compact tests.</summary>
public static class Bpmn
{
    public static string Process(string id, string body, string extraDefinitions = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs_{id}" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="{id}" name="Proses {id}" isExecutable="true">
        {body}
          </bpmn:process>
        {extraDefinitions}
        </bpmn:definitions>
        """;

    public static string Flow(string id, string from, string to, string? condition = null) => condition is null
        ? $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}"/>"""
        : $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{System.Security.SecurityElement.Escape(condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>""";

    public static string UserTask(string id, string name = "Tugas", string candidateGroups = "verifier", string extra = "") => $"""
        <bpmn:userTask id="{id}" name="{name}"><bpmn:extensionElements><zeebe:userTask/><zeebe:assignmentDefinition candidateGroups="{candidateGroups}"/>{extra}</bpmn:extensionElements></bpmn:userTask>
        """;

    public static string ServiceTask(string id, string type, int retries = 3, string extra = "") => $"""
        <bpmn:serviceTask id="{id}" name="{id}"><bpmn:extensionElements><zeebe:taskDefinition type="{type}" retries="{retries}"/>{extra}</bpmn:extensionElements></bpmn:serviceTask>
        """;

    /// <summary>A send task of job type <c>email</c> with the given headers.</summary>
    public static string EmailTask(string id, int retries = 3, params (string Key, string Value)[] headers)
    {
        var h = string.Concat(headers.Select(x => $"<zeebe:header key=\"{x.Key}\" value=\"{System.Security.SecurityElement.Escape(x.Value)}\"/>"));
        return $"<bpmn:sendTask id=\"{id}\" name=\"{id}\"><bpmn:extensionElements><zeebe:taskDefinition type=\"email\" retries=\"{retries}\"/><zeebe:taskHeaders>{h}</zeebe:taskHeaders></bpmn:extensionElements></bpmn:sendTask>";
    }

    public static string TimerCatch(string id, string duration) => $"""
        <bpmn:intermediateCatchEvent id="{id}"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">{duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        """;

    public static string MessageCatch(string id, string messageRef) => $"""
        <bpmn:intermediateCatchEvent id="{id}"><bpmn:messageEventDefinition messageRef="{messageRef}"/></bpmn:intermediateCatchEvent>
        """;

    public static string Message(string id, string name, string correlationKey) => $"""
        <bpmn:message id="{id}" name="{name}"><bpmn:extensionElements><zeebe:subscription correlationKey="{System.Security.SecurityElement.Escape(correlationKey)}"/></bpmn:extensionElements></bpmn:message>
        """;

    /// <summary>The process with the case rule <c>caseUnit</c>/<c>caseSubject</c> (extension properties of the process element).</summary>
    public static string WithCase(string processXml, string? unit, string? subject) =>
        WithProperties(processXml, [.. new[] { ("caseUnit", unit), ("caseSubject", subject) }.Where(p => p.Item2 is not null).Select(p => (p.Item1, p.Item2!))]);

    /// <summary>The process with these extension properties (<c>zeebe:properties</c>) on its process element: case rule, start variables.</summary>
    public static string WithProperties(string processXml, params (string Name, string Value)[] properties)
    {
        var list = string.Concat(properties.Select(p =>
            $"<zeebe:property name=\"{p.Name}\" value=\"{System.Security.SecurityElement.Escape(p.Value)}\"/>"));
        var open = System.Text.RegularExpressions.Regex.Match(processXml, "<bpmn:process [^>]*>");
        return processXml.Insert(open.Index + open.Length, $"<bpmn:extensionElements><zeebe:properties>{list}</zeebe:properties></bpmn:extensionElements>");
    }

    /// <summary>start → elements chained in order → end.</summary>
    public static string Chain(string id, params string[] elements)
    {
        var ids = elements.Select(e => System.Text.RegularExpressions.Regex.Match(e, "id=\"([^\"]+)\"").Groups[1].Value).ToList();
        var parts = new List<string> { "<bpmn:startEvent id=\"start\"/>" };
        parts.AddRange(elements);
        parts.Add("<bpmn:endEvent id=\"end\"/>");
        var chain = new List<string> { "start" };
        chain.AddRange(ids);
        chain.Add("end");
        for (var i = 0; i < chain.Count - 1; i++) parts.Add(Flow($"f{i}", chain[i], chain[i + 1]));
        return Process(id, string.Join("\n", parts));
    }
}
