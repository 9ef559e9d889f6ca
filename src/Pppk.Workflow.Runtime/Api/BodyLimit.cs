using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Pppk.Workflow.Runtime.Api;

/// <summary>Which body limit an endpoint has (the host's <c>Limits</c> options give the bytes; its input guard applies them).</summary>
public enum BodyKind { Json, Batch, Definitions, Imports, Documents, Attachments }

/// <summary>Endpoint metadata: which body limit applies (default <see cref="BodyKind.Json"/>).</summary>
public sealed record BodyLimit(BodyKind Kind);

public static class BodyLimits
{
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, BodyKind kind) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(kind));
}
