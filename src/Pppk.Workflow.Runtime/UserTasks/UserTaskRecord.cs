namespace Pppk.Workflow.Runtime.UserTasks;

public sealed class UserTaskRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public long WaitId { get; set; }
    public required string ElementId { get; set; }
    public string? Name { get; set; }
    public string? Assignee { get; set; }
    public string[] CandidateGroups { get; set; } = [];
    public string[] CandidateUsers { get; set; } = [];
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? FollowUpAt { get; set; }
    public string? FormId { get; set; }

    /// <summary>open, completed or cancelled.</summary>
    public required string State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? CompletedBy { get; set; }

    /// <summary>The user whose substitute (<see cref="CompletedBy"/>) completed the task, if a substitute did.</summary>
    public string? OnBehalfOf { get; set; }
}
