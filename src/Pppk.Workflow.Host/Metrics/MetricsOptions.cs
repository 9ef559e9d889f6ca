namespace Pppk.Workflow.Host.Metrics;

/// <summary>The <c>Metrics</c> section: who may scrape <c>/metrics</c>, and where a worker-only host serves them.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>A key Prometheus sends as <c>Authorization: Bearer &lt;key&gt;</c> (at least 16 characters). Unset: only a signed-in hr-admin may read <c>/metrics</c>.</summary>
    public string? ScrapeKey { get; set; }

    /// <summary>
    /// A worker-only host (no web server) serves its metrics on this port at <c>/metrics</c>, without a key: bind it to an
    /// address only the monitoring network reaches (<see cref="ListenHost"/>). Unset: a worker-only host exports no metrics.
    /// </summary>
    public int? Port { get; set; }

    /// <summary>The address of <see cref="Port"/>: <c>localhost</c> (the default), an interface's address, or <c>+</c> for all.</summary>
    public string ListenHost { get; set; } = "localhost";

    public string? Problem() =>
        ScrapeKey is { Length: < 16 } ? "Metrics:ScrapeKey needs at least 16 characters."
        : Port is < 1 or > 65535 ? "Metrics:Port must be between 1 and 65535."
        : null;
}

/// <summary>The <c>OpenTelemetry</c> section: traces go out over OTLP only when an endpoint is set.</summary>
public sealed class TracingOptions
{
    public const string Section = "OpenTelemetry";

    /// <summary>The OTLP collector (e.g. <c>http://collector:4317</c>); the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> works too. Unset: no traces leave the host.</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>grpc</c> (the default) or <c>http/protobuf</c>.</summary>
    public string Protocol { get; set; } = "grpc";

    /// <summary>The share of traces recorded (0 to 1); a trace started elsewhere (an incoming <c>traceparent</c>) follows its caller's decision.</summary>
    public double SampleRatio { get; set; } = 1;

    public string ServiceName { get; set; } = "pppk-workflow";
}
