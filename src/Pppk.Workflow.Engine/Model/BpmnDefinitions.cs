using System.Xml.Linq;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Model;

/// <summary>A parsed BPMN file: its processes, messages and errors. Keeps the source document so it can be written back unchanged.</summary>
public sealed class BpmnDefinitions
{
    public string? Id { get; init; }
    public string? Exporter { get; init; }
    public required XDocument Source { get; init; }
    public List<BpmnProcess> Processes { get; } = [];
    public Dictionary<string, BpmnMessage> Messages { get; } = [];
    public Dictionary<string, BpmnError> Errors { get; } = [];
    public Dictionary<string, BpmnEscalation> Escalations { get; } = [];
    public Dictionary<string, BpmnSignal> Signals { get; } = [];

    /// <summary>Problems found while reading (bad XML, missing ids, unknown references); the validator repeats them.</summary>
    public List<ValidationProblem> ParseProblems { get; } = [];

    public IEnumerable<BpmnProcess> ExecutableProcesses => Processes.Where(p => p.IsExecutable);

    public BpmnProcess? FindProcess(string id) => Processes.FirstOrDefault(p => p.Id == id);
}

/// <summary>
/// The expressions that name a case's unit (OPD code) and subject (the NIK of the person it is about), and how people
/// read and find it: its title ("Perpanjangan kontrak — Ikhsan Ramadhan") and its search keys (NI PPPK, registration number).
/// </summary>
public sealed record CaseRule(string? Unit, string? Subject, string? Title = null, string? Search = null)
{
    public const string UnitProperty = "caseUnit";
    public const string SubjectProperty = "caseSubject";
    public const string TitleProperty = "caseTitle";
    public const string SearchProperty = "caseSearch";

    public static readonly CaseRule None = new(null, null);

    public bool IsEmpty => Unit is null && Subject is null && Title is null && Search is null;
}

/// <summary>A start event's form: a deployed form's id, or an embedded form's key (<c>camunda-forms:bpmn:&lt;id&gt;</c>).</summary>
public sealed record StartForm(string ElementId, string? FormId, string? FormKey)
{
    public const string SubjectProperty = "startSubject";
    public const string BusinessKeyProperty = "startBusinessKey";
    public const string ManyProperty = "startMany";

    /// <summary>The subjects a start may pick.</summary>
    public static readonly IReadOnlyList<string> Subjects = ["employee", "applicant"];
}

public sealed record BpmnMessage(string Id, string? Name, string? CorrelationKey);

public sealed record BpmnError(string Id, string? Name, string? ErrorCode);

public sealed record BpmnEscalation(string Id, string? Name, string? EscalationCode);

public sealed record BpmnSignal(string Id, string? Name);

/// <summary>A process element: a flow scope with an id (the definition key when executable).</summary>
public sealed class BpmnProcess(string id, XElement source) : FlowScope(id, source)
{
    public string? Name { get; init; }
    public bool IsExecutable { get; init; }

    /// <summary>
    /// Who the case belongs to: the <c>caseUnit</c> and <c>caseSubject</c> extension properties of the process
    /// (<c>zeebe:properties</c>), each a FEEL expression over the instance variables ("=unitCode") or a literal; null when absent.
    /// </summary>
    public CaseRule Case { get; init; } = CaseRule.None;

    /// <summary>The variables a start by hand or in a batch must or may give (<see cref="StartVariable"/>), in declaration order.</summary>
    public IReadOnlyList<StartVariable> StartVariables { get; init; } = [];

    /// <summary>Declarations <c>start.*</c> that could not be read (name, value): validation reports them.</summary>
    public IReadOnlyList<(string Name, string Value)> InvalidStartVariables { get; init; } = [];

    /// <summary>The case summary the task page and the instance viewer show (<see cref="SummaryEntry"/>), in the order of its numbers.</summary>
    public IReadOnlyList<SummaryEntry> Summary { get; init; } = [];

    /// <summary>Declarations <c>summary.*</c> that could not be read: validation reports them.</summary>
    public IReadOnlyList<SummaryEntry.Problem> InvalidSummary { get; init; } = [];

    /// <summary>The process's <c>zeebe:versionTag</c>: call activities bound by version tag find this version by it.</summary>
    public string? VersionTag { get; init; }

    /// <summary>Embedded forms (<c>zeebe:userTaskForm</c>): form-js JSON by id, linked from user tasks as <c>camunda-forms:bpmn:&lt;id&gt;</c>.</summary>
    public IReadOnlyDictionary<string, string> EmbeddedForms { get; init; } = new Dictionary<string, string>();

    /// <summary>The form a start by hand shows (<c>zeebe:formDefinition</c> on the none start event); null when it declares none.</summary>
    public StartForm? StartForm { get; internal set; }

    /// <summary>Who a start by hand picks first (<c>startSubject</c>: <c>employee</c> or <c>applicant</c>); null when it picks no one.</summary>
    public string? StartSubject { get; init; }

    /// <summary>The business key a start by hand derives (<c>startBusinessKey</c>: a template such as <c>{employeeId}:{year}</c>); null when it is typed.</summary>
    public string? StartBusinessKey { get; init; }

    /// <summary>What a start by hand of this process starts many of (<c>startMany</c>, e.g. <c>renewals</c>): the host previews and confirms it.</summary>
    public string? StartMany { get; init; }

    /// <summary>Every flow node of the process including those nested in subprocesses, by id.</summary>
    public Dictionary<string, FlowNode> AllNodes { get; } = [];

    /// <summary>The process itself as the owner of its execution listeners (<c>zeebe:executionListeners</c> on <c>bpmn:process</c>); not in <see cref="AllNodes"/>.</summary>
    public FlowNode ListenerNode { get; init; } = null!;

    /// <summary>Every sequence flow of the process including nested ones, by id.</summary>
    public Dictionary<string, SequenceFlow> AllFlows { get; } = [];
}

/// <summary>Something that contains flow nodes and sequence flows: a process or a subprocess.</summary>
public class FlowScope(string id, XElement source)
{
    public string Id { get; } = id;
    public XElement Source { get; } = source;
    public List<FlowNode> Nodes { get; } = [];
    public List<SequenceFlow> Flows { get; } = [];

    /// <summary>Children of the scope that are not flow nodes or flows and that the engine cannot run (data objects, unknown elements).</summary>
    public List<XElement> Unsupported { get; } = [];

    /// <summary>The subprocess that owns this scope; null for a process.</summary>
    public FlowNode? Owner { get; init; }

    public IEnumerable<FlowNode> StartEvents => Nodes.Where(n => n.ElementType == ElementType.StartEvent);

    private IReadOnlyList<FlowNode>? _eventSubProcessStarts;

    /// <summary>The start events of the event subprocesses directly in this scope (each has one); read once the file is parsed, so computed on first use.</summary>
    public IReadOnlyList<FlowNode> EventSubProcessStarts => _eventSubProcessStarts ??=
        Nodes.Where(n => n.TriggeredByEvent && n.Inner is not null).SelectMany(n => n.Inner!.StartEvents.Take(1)).ToList();
}

public sealed class SequenceFlow(string id, XElement source)
{
    public string Id { get; } = id;
    public XElement Source { get; } = source;
    public string? Name { get; init; }
    public string? SourceRef { get; init; }
    public string? TargetRef { get; init; }

    /// <summary>The conditionExpression text (FEEL with '=' prefix in Camunda 8 files).</summary>
    public string? Condition { get; init; }

    public FlowNode? From { get; set; }
    public FlowNode? To { get; set; }
}
