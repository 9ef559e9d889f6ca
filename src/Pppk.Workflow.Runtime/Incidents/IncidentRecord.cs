namespace Pppk.Workflow.Runtime.Incidents;

public sealed class IncidentRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }

    /// <summary>The engine's incident id within the instance.</summary>
    public long EngineIncidentId { get; set; }
    public required string ElementId { get; set; }

    /// <summary>The message's code (IncidentTexts); null on rows written before incidents had one.</summary>
    public string? Code { get; set; }

    /// <summary>The message in English, as API clients without Accept-Language read it.</summary>
    public required string Message { get; set; }

    /// <summary>The message in Indonesian, for Accept-Language: id; null on rows written before it was kept (English is shown).</summary>
    public string? MessageIndonesian { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
