using System.Xml.Linq;
using Pppk.Workflow.Engine.Model;
using static Pppk.Workflow.Engine.Parsing.BpmnNames;

namespace Pppk.Workflow.Engine.Parsing;

/// <summary>Reads the zeebe: extension elements of one flow node.</summary>
internal static class ZeebeExtensionReader
{
    public static XElement? Extensions(XElement e) => e.Element(Bpmn + "extensionElements");

    public static XElement? Zeebe(XElement e, string name) => Extensions(e)?.Element(BpmnNames.Zeebe + name);

    public static TaskDefinition? TaskDefinition(XElement e) =>
        Zeebe(e, "taskDefinition") is { } t ? new TaskDefinition(t.Attr("type"), t.Attr("retries")) : null;

    public static Dictionary<string, string> Headers(XElement e)
    {
        var headers = new Dictionary<string, string>();
        foreach (var h in Zeebe(e, "taskHeaders")?.Elements(BpmnNames.Zeebe + "header") ?? [])
            if (h.Attr("key") is { } key)
                headers[key] = h.Attr("value") ?? "";
        return headers;
    }

    /// <summary>The process's <c>caseUnit</c>, <c>caseSubject</c>, <c>caseTitle</c> and <c>caseSearch</c> properties (<c>zeebe:properties/zeebe:property</c>).</summary>
    public static CaseRule Case(XElement process)
    {
        var rule = new CaseRule(Property(process, CaseRule.UnitProperty), Property(process, CaseRule.SubjectProperty),
            Property(process, CaseRule.TitleProperty), Property(process, CaseRule.SearchProperty));
        return rule.IsEmpty ? CaseRule.None : rule;
    }

    /// <summary>The value of the process's extension property <paramref name="name"/> (<c>zeebe:properties/zeebe:property</c>); null when absent or blank.</summary>
    public static string? Property(XElement process, string name) => Zeebe(process, "properties")?.Elements(BpmnNames.Zeebe + "property")
        .Where(p => p.Attr("name") == name).Select(p => p.Attr("value")).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>The form of the process's none start event (its <c>zeebe:formDefinition</c>), if it has one.</summary>
    public static StartForm? StartForm(BpmnProcess process)
    {
        var start = process.StartEvents.FirstOrDefault(s => s.Event is null);
        return start is not null && Zeebe(start.Source, "formDefinition") is { } form
            ? new StartForm(start.Id, form.Attr("formId"), form.Attr("formKey") ?? form.Attr("externalReference"))
            : null;
    }

    /// <summary>The process's <c>start.&lt;name&gt;</c> properties, read; those that can't be read go to <paramref name="invalid"/>.</summary>
    public static List<StartVariable> StartVariables(XElement process, out List<(string Name, string Value)> invalid)
    {
        var variables = new List<StartVariable>();
        invalid = [];
        foreach (var p in Zeebe(process, "properties")?.Elements(BpmnNames.Zeebe + "property") ?? [])
        {
            if (p.Attr("name") is not { } name || !name.StartsWith(StartVariable.Prefix, StringComparison.Ordinal)) continue;
            var variable = name[StartVariable.Prefix.Length..].Trim();
            var value = p.Attr("value") ?? "";
            if (variable.Length > 0 && variables.All(v => v.Name != variable) && StartVariable.TryParse(variable, value) is { } parsed) variables.Add(parsed);
            else invalid.Add((variable, value));
        }
        return variables;
    }

    /// <summary>The process's <c>summary.&lt;n&gt;</c> properties in the order of n; those that can't be read go to <paramref name="invalid"/>.</summary>
    public static List<SummaryEntry> Summary(XElement process, out List<SummaryEntry.Problem> invalid)
    {
        var entries = new List<SummaryEntry>();
        invalid = [];
        foreach (var p in Zeebe(process, "properties")?.Elements(BpmnNames.Zeebe + "property") ?? [])
        {
            if (p.Attr("name") is not { } name || !name.StartsWith(SummaryEntry.Prefix, StringComparison.Ordinal)) continue;
            var entry = SummaryEntry.TryParse(name[SummaryEntry.Prefix.Length..].Trim(), p.Attr("value") ?? "", out var problem);
            if (entry is not null && entries.All(e => e.Order != entry.Order)) entries.Add(entry);
            else invalid.Add(problem ?? new SummaryEntry.Problem(name[SummaryEntry.Prefix.Length..].Trim(), p.Attr("value") ?? "", null));
        }
        return [.. entries.OrderBy(e => e.Order)];
    }

    public static List<IoMapping> Mappings(XElement e, string kind) =>
        (Zeebe(e, "ioMapping")?.Elements(BpmnNames.Zeebe + kind) ?? [])
        .Select(m => new IoMapping(m.Attr("source") ?? "", m.Attr("target") ?? ""))
        .ToList();

    public static UserTaskSettings? UserTask(XElement e)
    {
        var assignment = Zeebe(e, "assignmentDefinition");
        var schedule = Zeebe(e, "taskSchedule");
        var form = Zeebe(e, "formDefinition");
        var marker = Zeebe(e, "userTask") is not null;
        return new UserTaskSettings(
            marker,
            assignment?.Attr("assignee"),
            assignment?.Attr("candidateGroups"),
            assignment?.Attr("candidateUsers"),
            schedule?.Attr("dueDate"),
            schedule?.Attr("followUpDate"),
            form?.Attr("formId"),
            form?.Attr("formKey") ?? form?.Attr("externalReference"),
            form is null ? null : Binding(form),
            Zeebe(e, "priorityDefinition")?.Attr("priority"));
    }

    public static ScriptSettings? Script(XElement e) =>
        Zeebe(e, "script") is { } s ? new ScriptSettings(s.Attr("expression"), s.Attr("resultVariable")) : null;

    public static CalledElement? CalledElement(XElement e) =>
        Zeebe(e, "calledElement") is { } c
            ? new CalledElement(c.Attr("processId"), Bool(c.Attr("propagateAllChildVariables"), true), Bool(c.Attr("propagateAllParentVariables"), true), Binding(c))
            : null;

    public static CalledDecision? CalledDecision(XElement e) =>
        Zeebe(e, "calledDecision") is { } d ? new CalledDecision(d.Attr("decisionId"), d.Attr("resultVariable"), Binding(d) ?? ResourceBinding.Latest) : null;

    /// <summary>The <c>bindingType</c> and <c>versionTag</c> attributes of a link to another resource; null when it has neither (latest).</summary>
    private static ResourceBinding? Binding(XElement link) =>
        link.Attr("bindingType") is null && link.Attr(ResourceBinding.VersionTagName) is null ? null : new(link.Attr("bindingType"), link.Attr(ResourceBinding.VersionTagName));

    /// <summary>The process's <c>zeebe:versionTag value</c>.</summary>
    public static string? VersionTag(XElement process) => Zeebe(process, "versionTag")?.Attr("value") is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    /// <summary>The process's embedded forms (<c>zeebe:userTaskForm id</c> with the form-js JSON as text), by id.</summary>
    public static Dictionary<string, string> EmbeddedForms(XElement process)
    {
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Extensions(process)?.Elements(BpmnNames.Zeebe + "userTaskForm") ?? [])
            if (f.Attr("id") is { } id)
                forms.TryAdd(id, f.Value.Trim());
        return forms;
    }

    public static MultiInstance? MultiInstance(XElement e)
    {
        var loop = e.Element(Bpmn + "multiInstanceLoopCharacteristics");
        if (loop is null)
            return null;
        var z = Zeebe(loop, "loopCharacteristics");
        return new MultiInstance(
            Bool(loop.Attr("isSequential"), false),
            z?.Attr("inputCollection"),
            z?.Attr("inputElement"),
            z?.Attr("outputCollection"),
            z?.Attr("outputElement"),
            loop.Element(Bpmn + "completionCondition")?.Value.Trim() is { Length: > 0 } condition ? condition : null);
    }

    /// <summary>The <c>zeebe:executionListeners</c> (or, for <paramref name="task"/>, <c>zeebe:taskListeners</c>) of an element, in order.</summary>
    public static List<ListenerSettings> Listeners(XElement e, bool task) =>
        (Zeebe(e, task ? "taskListeners" : "executionListeners")?.Elements(BpmnNames.Zeebe + (task ? "taskListener" : "executionListener")) ?? [])
        .Select(l => new ListenerSettings(l.Attr("eventType"), l.Attr("type"), l.Attr("retries"), task))
        .ToList();

    public static string? CorrelationKey(XElement message) => Zeebe(message, "subscription")?.Attr("correlationKey");

    private static bool Bool(string? value, bool fallback) =>
        value is null ? fallback : string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
