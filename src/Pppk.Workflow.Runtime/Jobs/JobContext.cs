using System.Text.Json.Nodes;

namespace Pppk.Workflow.Runtime.Jobs;

/// <summary>What a handler gets: the task's variables (after input mappings), its headers, and for inline handlers the step's unit of work.</summary>
public sealed class JobContext
{
    public required Guid InstanceId { get; init; }
    public required string ElementId { get; init; }
    public required long WaitId { get; init; }
    public required string Type { get; init; }
    public required JsonObject Variables { get; init; }
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
    public required int RetriesLeft { get; init; }

    /// <summary>Stable across retries and re-runs: the key an external handler de-duplicates its effect by.</summary>
    public string JobKey => $"{InstanceId:N}:{WaitId}";

    /// <summary>The step's unit of work: what an inline handler reads and writes commits with the step. Null for external handlers.</summary>
    public StepUnitOfWork? Step { get; init; }

    /// <summary>The step's unit of work, for a handler that only runs inline.</summary>
    public StepUnitOfWork RequireStep() =>
        Step ?? throw new InvalidOperationException($"The job type '{Type}' runs inline only (in the step's transaction), but it was run as an external job.");
}
