using Pppk.Workflow.Runtime.Diagnostics;
using Serilog.AspNetCore;
using Serilog.Events;

namespace Pppk.Workflow.Host.Logging;

/// <summary>
/// One compact event per HTTP request (Serilog's request logging): method, route template, status, milliseconds, the
/// instance the request acted on, if any (from the route, or named by the endpoint with <see cref="Instance"/>), and the
/// steps the request committed (<c>Steps</c>: <c>StartTrigger evaluasi-kinerja v3</c>, with <c>of &lt;id&gt;</c> for another
/// instance than <c>InstanceId</c>): a request that runs a step writes one event, not one for the request and one for the step.
/// Information; Error for a 5xx or an exception; Debug for a successful health check, metrics scrape or static file.
/// </summary>
internal static class RequestLog
{
    private const string InstanceKey = "pppk.request-log.instance";
    private const string StepsKey = "pppk.request-log.steps";

    public static void Configure(RequestLoggingOptions options)
    {
        options.MessageTemplate = "HTTP {RequestMethod} {Route} {StatusCode} in {Elapsed:0.0} ms";
        options.GetLevel = Level;
        options.EnrichDiagnosticContext = (context, http) =>
        {
            // A group's root route reads "/api/instances/": shown as called, without the slash.
            context.Set("Route", http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { Length: > 1 } pattern } ? pattern.TrimEnd('/') : http.Request.Path.Value);
            var instanceId = InstanceOf(http);
            if (http.Items.TryGetValue(StepsKey, out var open) && open is StepLog log && log.Close() is { Count: > 0 } steps)
            {
                instanceId ??= steps[0].InstanceId;
                context.Set("Steps", steps.Select(s => s.InstanceId == instanceId
                    ? $"{s.Trigger} {s.DefinitionKey} v{s.Version}" : $"{s.Trigger} {s.DefinitionKey} v{s.Version} of {s.InstanceId}").ToArray());
            }
            if (instanceId is { } id) context.Set("InstanceId", id);
        };
    }

    /// <summary>Names the instance a request acted on when its route does not (a start, a task's completion).</summary>
    public static void Instance(HttpContext http, Guid instanceId) => http.Items[InstanceKey] = instanceId;

    private static Guid? InstanceOf(HttpContext http) =>
        http.Items.TryGetValue(InstanceKey, out var named) && named is Guid id ? id
        : http.Request.Path.StartsWithSegments("/api/instances") && http.Request.RouteValues.TryGetValue("id", out var value) && Guid.TryParse(value?.ToString(), out var routed) ? routed
        : null;

    private static LogEventLevel Level(HttpContext http, double elapsedMs, Exception? error) =>
        error is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
        : http.Response.StatusCode < 400 && (http.GetEndpoint() is null || http.Request.Path.StartsWithSegments("/health") || http.Request.Path.StartsWithSegments("/metrics"))
            ? LogEventLevel.Debug
            : LogEventLevel.Information;

    /// <summary>
    /// Opens the request's <see cref="StepLog"/> when its event is written at Information (the steps it commits are then
    /// in that event instead of events of their own); placed after <c>UseSerilogRequestLogging</c>.
    /// </summary>
    public sealed class CollectSteps(RequestDelegate next, ILoggerFactory loggers)
    {
        private readonly ILogger _requests = loggers.CreateLogger("Serilog.AspNetCore.RequestLoggingMiddleware"); // its source context

        public async Task InvokeAsync(HttpContext http)
        {
            if (_requests.IsEnabled(LogLevel.Information)) http.Items[StepsKey] = StepLog.Open();
            await next(http);
        }
    }
}
