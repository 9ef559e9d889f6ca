using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Pppk.Workflow.Engine.Model;

namespace Pppk.Workflow.Engine.State;

public enum InstanceStatus { Active, Completed, Terminated, Cancelled }

/// <summary>Everything the engine needs to continue an instance, as plain data. Serialize with <see cref="ToJson"/>; the form is stable.</summary>
public sealed class InstanceState
{
    public required string ProcessId { get; set; }
    public InstanceStatus Status { get; set; } = InstanceStatus.Active;

    /// <summary>Source of every key (element instances, wait points, incidents) so a step is deterministic.</summary>
    public long NextKey { get; set; } = 1;

    /// <summary>When this instance was started by a call activity: the wait id in the parent.</summary>
    public long? ParentWaitId { get; set; }

    /// <summary>Live element instances; the first is the process itself and holds the instance variables.</summary>
    public List<ElementInstance> Elements { get; set; } = [];

    public List<WaitPoint> WaitPoints { get; set; } = [];

    /// <summary>Tokens that arrived at a parallel join and wait for the others.</summary>
    public List<JoinToken> Joins { get; set; } = [];

    public List<Incident> Incidents { get; set; } = [];

    /// <summary>Completed activities with a compensation handler, not compensated yet; null while there are none (keeps the state small).</summary>
    public List<CompensableActivity>? Compensable { get; set; }

    /// <summary>The unit (OPD code) the case belongs to, by the process's <c>caseUnit</c> rule after the last step; null without a rule.</summary>
    public string? CaseUnit { get; set; }

    /// <summary>The person the case is about (NIK), by the process's <c>caseSubject</c> rule after the last step; null without a rule.</summary>
    public string? CaseSubject { get; set; }

    /// <summary>How people read the case ("Perpanjangan kontrak — Ikhsan Ramadhan"), by the process's <c>caseTitle</c> rule; null without one.</summary>
    public string? CaseTitle { get; set; }

    /// <summary>What else finds the case (NI PPPK, registration number), by the process's <c>caseSearch</c> rule; null without one.</summary>
    public List<string>? CaseSearch { get; set; }

    [JsonIgnore]
    public bool HasIncident => Incidents.Count > 0;

    [JsonIgnore]
    public ElementInstance? Root => Elements.Count > 0 && Elements[0].ScopeKey is null ? Elements[0] : null;

    /// <summary>The instance variables (the process scope).</summary>
    [JsonIgnore]
    public JsonObject Variables => Root?.Variables ?? [];

    public ElementInstance? Find(long key) => Elements.Find(e => e.Key == key);

    [JsonIgnore]
    public IEnumerable<string> ActiveElementIds => Elements.Where(e => e.ScopeKey is not null && e.Kind != ElementInstanceKind.MultiInstanceBody).Select(e => e.ElementId);

    public long NewKey() => NextKey++;

    public InstanceState Clone() => new()
    {
        ProcessId = ProcessId,
        Status = Status,
        NextKey = NextKey,
        ParentWaitId = ParentWaitId,
        Elements = Elements.Select(e => e.Clone()).ToList(),
        WaitPoints = WaitPoints.Select(w => w with { }).ToList(),
        Joins = Joins.Select(j => j with { }).ToList(),
        Incidents = Incidents.Select(i => i with { }).ToList(),
        Compensable = Compensable?.ToList(),
        CaseUnit = CaseUnit,
        CaseSubject = CaseSubject,
        CaseTitle = CaseTitle,
        CaseSearch = CaseSearch?.ToList(),
    };

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault, // compact: defaults (active, 0, false, null) are left out
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static InstanceState FromJson(string json) =>
        JsonSerializer.Deserialize<InstanceState>(json, JsonOptions) ?? throw new JsonException("Empty instance state.");
}

public enum ElementInstanceKind { Element, Process, MultiInstanceBody }

public enum ElementInstanceStatus { Active, Waiting, Failed }

/// <summary>A live element instance: a token on a task or event, or a scope (process, subprocess, multi-instance body).</summary>
public sealed class ElementInstance
{
    public long Key { get; set; }
    public required string ElementId { get; set; }

    /// <summary>The key of the enclosing scope instance; null for the process.</summary>
    public long? ScopeKey { get; set; }

    public ElementInstanceKind Kind { get; set; } = ElementInstanceKind.Element;
    public ElementInstanceStatus Status { get; set; } = ElementInstanceStatus.Active;

    /// <summary>Local variables (input mappings, multi-instance element, subprocess locals). Null when none.</summary>
    public JsonObject? Variables { get; set; }

    /// <summary>1-based index of a multi-instance inner instance.</summary>
    public int? LoopCounter { get; set; }

    /// <summary>Multi-instance body: the input collection evaluated on entry.</summary>
    public JsonArray? Collection { get; set; }

    /// <summary>Multi-instance body: inner instances created so far.</summary>
    public int Created { get; set; }

    /// <summary>A compensation handler: the key of the compensation throw event that waits for it; 0 for any other element (keys start at 1).</summary>
    public long CompensationOf { get; set; }

    public ElementInstance Clone() => new()
    {
        Key = Key,
        ElementId = ElementId,
        ScopeKey = ScopeKey,
        Kind = Kind,
        Status = Status,
        Variables = Variables?.DeepClone().AsObject(),
        LoopCounter = LoopCounter,
        Collection = Collection?.DeepClone().AsArray(),
        Created = Created,
        CompensationOf = CompensationOf,
    };
}

public enum WaitKind { Job, UserTask, Timer, Message, ChildInstance, Signal, Condition }

/// <summary>A point where the instance waits for the outside world. <see cref="EventId"/> is the boundary or event-gateway target that fires, or null when the element itself waits.</summary>
public sealed record WaitPoint
{
    public long Id { get; init; }
    public WaitKind Kind { get; init; }
    public long ElementInstanceKey { get; init; }
    public required string ElementId { get; init; }
    public string? EventId { get; init; }
    public DateTimeOffset? DueAt { get; set; }
    public string? TimerText { get; init; }
    public int Fired { get; set; }
    public string? MessageName { get; init; }
    public string? CorrelationKey { get; init; }
    public string? SignalName { get; init; }

    /// <summary>A conditional event's condition was true when last evaluated: it fires again only after it was false.</summary>
    public bool ConditionHeld { get; set; }
    public string? JobType { get; init; }
    public int? Retries { get; set; }

    /// <summary>Set on a listener's job: the phase it runs in and its place in the element's listeners of that phase.</summary>
    public ListenerPhase? Listener { get; init; }
    public int ListenerIndex { get; init; }

    /// <summary>What a completion waiting for its listeners completes with: who completed the element and with which variables; on an assigning listener's job, the new assignee.</summary>
    public string? CompletedBy { get; init; }
    public JsonObject? Carried { get; init; }
}

public sealed record JoinToken(long ScopeKey, string GatewayId, string FlowId);

/// <summary>An activity of scope <paramref name="ScopeKey"/> that completed (the <paramref name="Order"/>-th) and has a compensation handler; a subprocess with a compensation event subprocess keeps its local <paramref name="Variables"/> as they were at completion.</summary>
public sealed record CompensableActivity(long ScopeKey, string ElementId, long Order, JsonObject? Variables = null);

public enum IncidentKind { Element, Job }

public sealed record Incident
{
    public long Id { get; init; }
    public long ElementInstanceKey { get; init; }
    public required string ElementId { get; init; }
    public required string Message { get; init; }
    public IncidentKind Kind { get; init; }
    public long? WaitId { get; init; }

    /// <summary>The failure happened while completing (output mappings): a retry continues the completion.</summary>
    public bool OnCompletion { get; init; }
}
