namespace Pppk.Workflow.Runtime.Incidents;

public sealed class IncidentRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }

    /// <summary>The engine's incident id within the instance.</summary>
    public long EngineIncidentId { get; set; }
    public required string ElementId { get; set; }
    public required string Message { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
