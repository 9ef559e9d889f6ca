using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>An instance locked by the current transaction, with its state as the steps so far left it.</summary>
internal sealed class LoadedInstance
{
    public required Guid Id { get; init; }
    public required long DefinitionId { get; set; }
    public required string DefinitionKey { get; init; }
    public required int Version { get; set; }
    public string? BusinessKey { get; init; }
    public Guid? ParentInstanceId { get; init; }
    public long? ParentWaitId { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public required InstanceState State { get; set; }

    /// <summary>When it ended, set as it is written at commit.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Created in this transaction (inserted at flush, not updated).</summary>
    public bool IsNew { get; init; }

    /// <summary>A step changed it, so it is written at flush.</summary>
    public bool Dirty { get; set; }

    public string Status => State.Status.ToString().ToLowerInvariant();
}
