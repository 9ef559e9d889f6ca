namespace Pppk.Workflow.Runtime.Instances;

/// <summary>A process instance: its engine state as JSON plus the columns the API filters on.</summary>
public sealed class InstanceRecord
{
    public Guid Id { get; set; }
    public long DefinitionId { get; set; }
    public required string DefinitionKey { get; set; }
    public int Version { get; set; }
    public string? BusinessKey { get; set; }

    /// <summary>active, completed, terminated or cancelled.</summary>
    public required string Status { get; set; }
    public bool HasIncident { get; set; }

    /// <summary>The engine's <c>InstanceState</c> JSON (jsonb); null once pruned after the retention period.</summary>
    public string? State { get; set; }
    public Guid? ParentInstanceId { get; set; }
    public long? ParentWaitId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The unit (OPD code) the case belongs to, by its process's <c>caseUnit</c> rule; who may see it follows from this.</summary>
    public string? UnitCode { get; set; }

    /// <summary>The NIK of the person the case is about, by its process's <c>caseSubject</c> rule: their "Status saya" lists it.</summary>
    public string? Subject { get; set; }
}

/// <summary>One element instance of the audit trail: started, ended, by whom, with the variables it set. Never edited through the API.</summary>
public sealed class HistoryRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public long ElementInstanceKey { get; set; }
    public required string ElementId { get; set; }
    public required string ElementType { get; set; }
    public string? Name { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public bool Terminated { get; set; }
    public string? CompletedBy { get; set; }

    /// <summary>The user a substitute completed the element's task for.</summary>
    public string? OnBehalfOf { get; set; }
    public string? Variables { get; set; }
}

/// <summary>Instance-level audit: cancellations, variable changes, incident retries, with the user.</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? User { get; set; }
    public required string Action { get; set; }
    public string? Details { get; set; }
}
