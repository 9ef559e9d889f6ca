namespace Pppk.Workflow.Runtime.Operations;

/// <summary>The <c>Runtime:Operations</c> section: how batch operations run.</summary>
public sealed class OperationsOptions
{
    public const string Section = "Runtime:Operations";

    /// <summary>Instances one chunk (one transaction) works on. Larger chunks commit less often; each must finish within Runtime:StepTimeout per phase.</summary>
    public int ChunkSize { get; set; } = 500;

    /// <summary>Rows a streamed start (one case per employee or contract) reads and starts per chunk (one transaction).</summary>
    public int StartChunkSize { get; set; } = 2_000;

    /// <summary>How long one run of an operation's job goes on before it queues itself again, so long operations share the workers.</summary>
    public TimeSpan Slice { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How many failed instances <c>GET /api/operations/{id}</c> lists in <c>errors</c> (the first ones; <c>failed</c> counts them all).</summary>
    public int ErrorsShown { get; set; } = 100;

    public string? Problem() =>
        ChunkSize is < 1 or > 10_000 ? "ChunkSize must be 1-10000."
        : StartChunkSize is < 1 or > 10_000 ? "StartChunkSize must be 1-10000."
        : Slice <= TimeSpan.Zero ? "Slice must be a positive time span."
        : ErrorsShown is < 1 or > 10_000 ? "ErrorsShown must be 1-10000."
        : null;
}
