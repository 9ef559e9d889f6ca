namespace Pppk.Workflow.Host.Api;

/// <summary>
/// The <c>Limits</c> section: the input limits a deployment may want to change (the fixed ones are in <see cref="InputLimits"/>).
/// A body over its limit is a 413 naming the limit; a batch over its maximum a 400 naming it.
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Any JSON (or form) body, unless the endpoint has a larger limit below.</summary>
    public long JsonBodyBytes { get; set; } = 1024 * 1024;

    /// <summary><c>POST /api/instances/batch</c>: up to <see cref="BatchMaxInstances"/> items with their variables.</summary>
    public long BatchBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Instances one batch start may list (the benchmark's chunk); larger work is split into several calls.</summary>
    public int BatchMaxInstances { get; set; } = 10_000;

    /// <summary><c>POST /api/definitions</c> and <c>/validate</c>: BPMN, DMN and form files.</summary>
    public long DefinitionBodyBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary><c>POST /api/imports/{kind}</c>: one CSV file (rows and field lengths: <c>Limits:Imports</c>).</summary>
    public long ImportBodyBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary><c>POST /api/documents/verify</c>: one PDF, sent by anyone (no sign-in), so kept small.</summary>
    public long DocumentBodyBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary><c>POST /api/instances/{id}/attachments</c>: the largest file a case may have attached (its body may be <see cref="MultipartOverheadBytes"/> more).</summary>
    public long AttachmentBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Room in an attachment's body for the multipart boundaries and headers around the file.</summary>
    public const long MultipartOverheadBytes = 16 * 1024;

    /// <summary>The body limit of an endpoint of the given kind.</summary>
    public long BodyBytes(BodyKind kind) => kind switch
    {
        BodyKind.Batch => BatchBodyBytes,
        BodyKind.Definitions => DefinitionBodyBytes,
        BodyKind.Imports => ImportBodyBytes,
        BodyKind.Documents => DocumentBodyBytes,
        BodyKind.Attachments => AttachmentBytes + MultipartOverheadBytes,
        _ => JsonBodyBytes,
    };
}
