using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Pppk.Workflow.Runtime.Diagnostics;

namespace Pppk.Workflow.Host.Metrics;

/// <summary>
/// OpenTelemetry for every role: the <c>Pppk.Workflow</c> meter (<see cref="RuntimeMetrics"/>, <see cref="RuntimeGauges"/>),
/// .NET runtime and (web) HTTP server metrics, exported in Prometheus format; traces of the <c>Pppk.Workflow</c> source,
/// HTTP and Npgsql over OTLP when an endpoint is configured. Nothing leaves the host by default.
/// </summary>
public static class TelemetrySetup
{
    public static void AddPppkTelemetry(this IHostApplicationBuilder builder, HostRoles roles)
    {
        var metrics = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        if (metrics.Problem() is { } problem) throw new InvalidOperationException($"The Metrics settings are not valid: {problem}");
        builder.Services.AddSingleton(metrics);
        var tracing = builder.Configuration.GetSection(TracingOptions.Section).Get<TracingOptions>() ?? new TracingOptions();
        var endpoint = tracing.Endpoint ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];

        builder.Services.AddSingleton<RuntimeGauges>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RuntimeGauges>());
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(tracing.ServiceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(m =>
            {
                m.AddMeter(RuntimeMetrics.Name).AddRuntimeInstrumentation();
                if (roles.Web)
                    m.AddAspNetCoreInstrumentation().AddPrometheusExporter();
                else if (metrics.Port is { } port)
                    m.AddPrometheusHttpListener(o => (o.Host, o.Port) = (metrics.ListenHost, port));
            });
        if (string.IsNullOrWhiteSpace(endpoint)) return;
        telemetry.WithTracing(t =>
        {
            t.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(tracing.SampleRatio)))
                .AddSource(RuntimeMetrics.Name)
                .AddNpgsql()
                .AddOtlpExporter(o =>
                {
                    o.Endpoint = new Uri(endpoint);
                    o.Protocol = tracing.Protocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                });
            if (roles.Web) t.AddAspNetCoreInstrumentation();
        });
    }
}
