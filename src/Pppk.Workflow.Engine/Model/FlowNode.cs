using System.Xml.Linq;

namespace Pppk.Workflow.Engine.Model;

/// <summary>One BPMN flow node with the engine settings read from its zeebe extension elements.</summary>
public sealed class FlowNode(string id, string type, XElement source)
{
    public string Id { get; } = id;

    /// <summary>The BPMN local name: userTask, exclusiveGateway, boundaryEvent, ...</summary>
    public string Type { get; } = type;

    /// <summary>The element type the parser resolved from <see cref="Type"/>.</summary>
    internal ElementType ElementType { get; init; }

    public XElement Source { get; } = source;
    public string? Name { get; init; }
    public FlowScope Scope { get; set; } = null!;

    public List<SequenceFlow> Incoming { get; } = [];
    public List<SequenceFlow> Outgoing { get; } = [];

    /// <summary>The event definition of an event; null for none events and for non-events.</summary>
    public EventDefinition? Event { get; init; }

    /// <summary>Count of event definitions found (more than one is a "multiple" event, unsupported).</summary>
    public int EventDefinitionCount { get; init; }

    public string? AttachedToRef { get; init; }
    public FlowNode? AttachedTo { get; set; }
    public bool CancelActivity { get; init; } = true;
    public List<FlowNode> Boundaries { get; } = [];

    public string? DefaultFlowId { get; init; }

    /// <summary>The inner scope of an embedded subprocess.</summary>
    public FlowScope? Inner { get; set; }

    public bool TriggeredByEvent { get; init; }

    /// <summary>The start event of an event subprocess interrupts its scope (<c>isInterrupting</c>, default true).</summary>
    public bool IsInterrupting { get; init; } = true;

    /// <summary>A start event inside an event subprocess: it opens with the enclosing scope, not with a token.</summary>
    public bool IsEventSubProcessStart => ElementType == ElementType.StartEvent && Scope?.Owner?.TriggeredByEvent == true;
    /// <summary>A compensation handler (<c>isForCompensation</c>): entered only by compensation, never by a flow.</summary>
    public bool IsForCompensation { get; init; }

    /// <summary>A compensation boundary event: the handler its association points to.</summary>
    public FlowNode? CompensationHandler { get; set; }

    /// <summary>The compensation start of an event subprocess directly inside this embedded subprocess: it replaces compensating the subprocess's inner activities.</summary>
    public FlowNode? CompensationStart => Inner?.EventSubProcessStarts.FirstOrDefault(s => s.Event?.Kind == EventKind.Compensate);

    public TaskDefinition? TaskDefinition { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<IoMapping> Inputs { get; init; } = [];
    public IReadOnlyList<IoMapping> Outputs { get; init; } = [];
    public UserTaskSettings? UserTask { get; init; }
    public ScriptSettings? Script { get; init; }
    public CalledElement? CalledElement { get; init; }
    public MultiInstance? MultiInstance { get; init; }
    public CalledDecision? CalledDecision { get; init; }
    public IReadOnlyList<ListenerSettings> ExecutionListeners { get; init; } = [];
    public IReadOnlyList<ListenerSettings> TaskListeners { get; init; } = [];

    /// <summary>A bpmn:standardLoopCharacteristics was present (unsupported).</summary>
    public bool HasStandardLoop { get; init; }

    /// <summary>The message subscription of a receive task (messageRef on the task itself).</summary>
    public string? MessageRef { get; init; }

    public bool IsActivity => ElementType.IsActivity();

    public bool IsGateway => ElementType.IsGateway();

    public override string ToString() => $"{Type} '{Id}'";
}

public enum EventKind { Timer, Message, Error, Terminate, Signal, Escalation, Compensate, Conditional, Link, Cancel }

public enum TimerKind { Date, Duration, Cycle }

public sealed class EventDefinition
{
    public required EventKind Kind { get; init; }
    public required string LocalName { get; init; }
    public TimerKind? TimerKind { get; init; }
    public string? TimerExpression { get; init; }
    public string? MessageRef { get; init; }
    public BpmnMessage? Message { get; set; }
    public string? ErrorRef { get; init; }
    public BpmnError? Error { get; set; }
    public string? EscalationRef { get; init; }
    public BpmnEscalation? Escalation { get; set; }
    public string? SignalRef { get; init; }
    public BpmnSignal? Signal { get; set; }

    /// <summary>The FEEL condition of a conditional event (<c>bpmn:condition</c>).</summary>
    public string? Condition { get; init; }

    /// <summary>The activity a compensation throw compensates (<c>activityRef</c>); null compensates every completed activity of its scope.</summary>
    public string? ActivityRef { get; init; }

    /// <summary>The <c>name</c> of a link event definition: a throw link jumps to the catch link with the same name.</summary>
    public string? LinkName { get; init; }
}

public sealed record TaskDefinition(string? Type, string? Retries);

public sealed record IoMapping(string Source, string Target);

public sealed record UserTaskSettings(
    bool IsZeebeUserTask,
    string? Assignee,
    string? CandidateGroups,
    string? CandidateUsers,
    string? DueDate,
    string? FollowUpDate,
    string? FormId,
    string? FormKey,
    ResourceBinding? FormBinding = null,
    string? Priority = null);

public sealed record ScriptSettings(string? Expression, string? ResultVariable);

public sealed record CalledElement(string? ProcessId, bool PropagateAllChildVariables, bool PropagateAllParentVariables, ResourceBinding? Binding = null);

public sealed record MultiInstance(
    bool IsSequential,
    string? InputCollection,
    string? InputElement,
    string? OutputCollection,
    string? OutputElement,
    string? CompletionCondition = null);
