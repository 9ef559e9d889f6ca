namespace Pppk.Workflow.Runtime.Timers;

/// <summary>A scheduled timer of an instance. The row is the timer: firing or cancelling deletes it, in the step's transaction.</summary>
public sealed class TimerRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public long WaitId { get; set; }
    public required string ElementId { get; set; }
    public DateTimeOffset DueAt { get; set; }
}
