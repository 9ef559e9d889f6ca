using System.Xml.Linq;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.Validation;
using static Pppk.Workflow.Engine.Parsing.BpmnNames;

namespace Pppk.Workflow.Engine.Parsing;

/// <summary>Reads BPMN 2.0 XML (bpmn-js, Camunda Modeler, other tools) into <see cref="BpmnDefinitions"/>. Never throws on bad input: problems go to <see cref="BpmnDefinitions.ParseProblems"/>.</summary>
public static class BpmnParser
{
    /// <summary>Reads untrusted text: a DTD, or a file past <paramref name="limits"/> (default <see cref="BpmnLimits.Default"/>), is a problem of the file.</summary>
    public static BpmnDefinitions Parse(string xml, BpmnLimits? limits = null)
    {
        if (SafeXml.Load(xml, limits ?? BpmnLimits.Default, out var problem) is not { } document)
        {
            var broken = new BpmnDefinitions { Source = new XDocument() };
            broken.ParseProblems.Add(ValidationProblem.Error(null, problem!));
            return broken;
        }
        return Parse(document);
    }

    public static BpmnDefinitions Parse(XDocument document)
    {
        var root = document.Root!;
        var definitions = new BpmnDefinitions { Source = document, Id = root.Attr("id"), Exporter = root.Attr("exporter") };
        if (root.Name != Bpmn + "definitions")
        {
            definitions.ParseProblems.Add(ValidationProblem.Error(null,
                ValidationTexts.NotBpmnRoot.Format(root.Name.LocalName, root.Name.NamespaceName, Bpmn)));
            return definitions;
        }

        foreach (var m in root.Elements(Bpmn + "message"))
            if (m.Attr("id") is { } id)
                definitions.Messages[id] = new BpmnMessage(id, m.Attr("name"), ZeebeExtensionReader.CorrelationKey(m));
        foreach (var e in root.Elements(Bpmn + "error"))
            if (e.Attr("id") is { } id)
                definitions.Errors[id] = new BpmnError(id, e.Attr("name"), e.Attr("errorCode"));
        foreach (var e in root.Elements(Bpmn + "escalation"))
            if (e.Attr("id") is { } id)
                definitions.Escalations[id] = new BpmnEscalation(id, e.Attr("name"), e.Attr("escalationCode"));
        foreach (var e in root.Elements(Bpmn + "signal"))
            if (e.Attr("id") is { } id)
                definitions.Signals[id] = new BpmnSignal(id, e.Attr("name"));

        foreach (var p in root.Elements(Bpmn + "process"))
        {
            var id = p.Attr("id");
            if (id is null)
            {
                definitions.ParseProblems.Add(ValidationProblem.Error(null, ValidationTexts.ProcessWithoutId.Format()));
                continue;
            }
            var process = new BpmnProcess(id, p)
            {
                Name = p.Attr("name"),
                IsExecutable = string.Equals(p.Attr("isExecutable"), "true", StringComparison.OrdinalIgnoreCase),
                Case = ZeebeExtensionReader.Case(p),
                StartVariables = ZeebeExtensionReader.StartVariables(p, out var invalid),
                InvalidStartVariables = invalid,
                Summary = ZeebeExtensionReader.Summary(p, out var invalidSummary),
                InvalidSummary = invalidSummary,
                VersionTag = ZeebeExtensionReader.VersionTag(p),
                EmbeddedForms = ZeebeExtensionReader.EmbeddedForms(p),
                StartSubject = ZeebeExtensionReader.Property(p, StartForm.SubjectProperty),
                StartBusinessKey = ZeebeExtensionReader.Property(p, StartForm.BusinessKeyProperty),
                StartMany = ZeebeExtensionReader.Property(p, StartForm.ManyProperty),
                ListenerNode = new FlowNode(id, "process", p) { Name = p.Attr("name"), ExecutionListeners = ZeebeExtensionReader.Listeners(p, task: false) },
            };
            ReadScope(process, process, definitions);
            process.StartForm = ZeebeExtensionReader.StartForm(process);
            Link(process, definitions);
            LinkCompensationHandlers(process);
            definitions.Processes.Add(process);
        }

        ReportDuplicateIds(root, definitions);
        return definitions;
    }

    private static void ReadScope(FlowScope scope, BpmnProcess process, BpmnDefinitions definitions)
    {
        foreach (var child in scope.Source.Elements())
        {
            if (child.Name.Namespace != Bpmn)
                continue;
            var local = child.Name.LocalName;
            if (local == "sequenceFlow")
            {
                var flow = ReadFlow(child);
                if (flow is null)
                    definitions.ParseProblems.Add(ValidationProblem.Error(null, ValidationTexts.FlowWithoutId.Format()));
                else
                {
                    scope.Flows.Add(flow);
                    process.AllFlows.TryAdd(flow.Id, flow);
                }
            }
            else if (FlowNodeTypes.TryGetValue(local, out var type))
            {
                var id = child.Attr("id");
                if (id is null)
                {
                    definitions.ParseProblems.Add(ValidationProblem.Error(null, ValidationTexts.ElementWithoutId.Format(local, child.Attr("name"))));
                    continue;
                }
                var node = ReadNode(id, local, type, child);
                node.Scope = scope;
                scope.Nodes.Add(node);
                process.AllNodes.TryAdd(id, node);
                if (type is ElementType.SubProcess or ElementType.Transaction or ElementType.AdHocSubProcess)
                {
                    node.Inner = new FlowScope(id, child) { Owner = node };
                    ReadScope(node.Inner, process, definitions);
                }
            }
            else if (!IgnoredScopeChildren.Contains(local))
                scope.Unsupported.Add(child);
        }
    }

    private static SequenceFlow? ReadFlow(XElement e)
    {
        var id = e.Attr("id");
        if (id is null)
            return null;
        var condition = e.Element(Bpmn + "conditionExpression");
        return new SequenceFlow(id, e)
        {
            Name = e.Attr("name"),
            SourceRef = e.Attr("sourceRef"),
            TargetRef = e.Attr("targetRef"),
            Condition = condition is null || string.IsNullOrWhiteSpace(condition.Value) ? null : condition.Value.Trim(),
        };
    }

    private static FlowNode ReadNode(string id, string localName, ElementType type, XElement e)
    {
        var definitions = e.Elements().Where(d => d.Name.Namespace == Bpmn && d.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)).ToList();
        return new FlowNode(id, localName, e)
        {
            ElementType = type,
            Name = e.Attr("name"),
            Event = definitions.Count > 0 ? ReadEvent(definitions[0]) : null,
            EventDefinitionCount = definitions.Count,
            AttachedToRef = e.Attr("attachedToRef"),
            CancelActivity = !string.Equals(e.Attr("cancelActivity"), "false", StringComparison.OrdinalIgnoreCase),
            DefaultFlowId = e.Attr("default"),
            TriggeredByEvent = string.Equals(e.Attr("triggeredByEvent"), "true", StringComparison.OrdinalIgnoreCase),
            IsInterrupting = !string.Equals(e.Attr("isInterrupting"), "false", StringComparison.OrdinalIgnoreCase),
            IsForCompensation = string.Equals(e.Attr("isForCompensation"), "true", StringComparison.OrdinalIgnoreCase),
            TaskDefinition = ZeebeExtensionReader.TaskDefinition(e),
            Headers = ZeebeExtensionReader.Headers(e),
            Inputs = ZeebeExtensionReader.Mappings(e, "input"),
            Outputs = ZeebeExtensionReader.Mappings(e, "output"),
            UserTask = type == ElementType.UserTask ? ZeebeExtensionReader.UserTask(e) : null,
            Script = ZeebeExtensionReader.Script(e),
            CalledElement = ZeebeExtensionReader.CalledElement(e),
            CalledDecision = ZeebeExtensionReader.CalledDecision(e),
            ExecutionListeners = ZeebeExtensionReader.Listeners(e, task: false),
            TaskListeners = ZeebeExtensionReader.Listeners(e, task: true),
            MultiInstance = ZeebeExtensionReader.MultiInstance(e),
            HasStandardLoop = e.Element(Bpmn + "standardLoopCharacteristics") is not null,
            MessageRef = LocalRef(e.Attr("messageRef")),
        };
    }

    private static EventDefinition ReadEvent(XElement d)
    {
        var local = d.Name.LocalName;
        var kind = local switch
        {
            "timerEventDefinition" => EventKind.Timer,
            "messageEventDefinition" => EventKind.Message,
            "errorEventDefinition" => EventKind.Error,
            "terminateEventDefinition" => EventKind.Terminate,
            "signalEventDefinition" => EventKind.Signal,
            "escalationEventDefinition" => EventKind.Escalation,
            "compensateEventDefinition" => EventKind.Compensate,
            "conditionalEventDefinition" => EventKind.Conditional,
            "linkEventDefinition" => EventKind.Link,
            _ => EventKind.Cancel,
        };
        TimerKind? timerKind = null;
        string? timerExpression = null;
        if (kind == EventKind.Timer)
        {
            foreach (var (name, tk) in new[] { ("timeDate", TimerKind.Date), ("timeDuration", TimerKind.Duration), ("timeCycle", TimerKind.Cycle) })
                if (d.Element(Bpmn + name) is { } t)
                {
                    timerKind = tk;
                    timerExpression = t.Value.Trim();
                }
        }
        return new EventDefinition
        {
            Kind = kind,
            LocalName = local,
            TimerKind = timerKind,
            TimerExpression = timerExpression,
            MessageRef = LocalRef(d.Attr("messageRef")),
            ErrorRef = LocalRef(d.Attr("errorRef")),
            EscalationRef = LocalRef(d.Attr("escalationRef")),
            SignalRef = LocalRef(d.Attr("signalRef")),
            Condition = kind == EventKind.Conditional && d.Element(Bpmn + "condition") is { } c && !string.IsNullOrWhiteSpace(c.Value) ? c.Value.Trim() : null,
            LinkName = kind == EventKind.Link ? d.Attr("name") : null,
            ActivityRef = kind == EventKind.Compensate ? LocalRef(d.Attr("activityRef")) : null,
        };
    }

    private static void Link(BpmnProcess process, BpmnDefinitions definitions)
    {
        foreach (var flow in process.AllFlows.Values)
        {
            if (flow.SourceRef is { } s && process.AllNodes.TryGetValue(s, out var from))
            {
                flow.From = from;
                from.Outgoing.Add(flow);
            }
            if (flow.TargetRef is { } t && process.AllNodes.TryGetValue(t, out var to))
            {
                flow.To = to;
                to.Incoming.Add(flow);
            }
        }
        foreach (var node in process.AllNodes.Values)
        {
            if (node.AttachedToRef is { } a && process.AllNodes.TryGetValue(a, out var host))
            {
                node.AttachedTo = host;
                host.Boundaries.Add(node);
            }
            if (node.Event is { } ev)
            {
                if (ev.MessageRef is { } m)
                    ev.Message = definitions.Messages.GetValueOrDefault(m);
                if (ev.ErrorRef is { } er)
                    ev.Error = definitions.Errors.GetValueOrDefault(er);
                if (ev.EscalationRef is { } esc)
                    ev.Escalation = definitions.Escalations.GetValueOrDefault(esc);
                if (ev.SignalRef is { } sig)
                    ev.Signal = definitions.Signals.GetValueOrDefault(sig);
            }
        }
    }

    /// <summary>A compensation boundary event's handler is the activity an association connects it to (either direction).</summary>
    private static void LinkCompensationHandlers(BpmnProcess process)
    {
        foreach (var association in process.Source.Descendants(Bpmn + "association"))
        {
            if (LocalRef(association.Attr("sourceRef")) is not { } s || LocalRef(association.Attr("targetRef")) is not { } t
                || !process.AllNodes.TryGetValue(s, out var source) || !process.AllNodes.TryGetValue(t, out var target))
                continue;
            var (boundary, handler) = source.Event?.Kind == EventKind.Compensate ? (source, target) : (target, source);
            if (boundary.ElementType == ElementType.BoundaryEvent && boundary.Event?.Kind == EventKind.Compensate)
                boundary.CompensationHandler ??= handler;
        }
    }

    private static void ReportDuplicateIds(XElement root, BpmnDefinitions definitions)
    {
        var seen = new HashSet<string>();
        foreach (var e in root.Descendants())
        {
            if (e.Name.Namespace != Bpmn || e.Attr("id") is not { } id)
                continue;
            if (!seen.Add(id))
                definitions.ParseProblems.Add(ValidationProblem.Error(id, ValidationTexts.DuplicateId.Format(id)));
        }
    }
}
