using Serilog.AspNetCore;

namespace Pppk.Workflow.Host.Logging;

/// <summary>
/// One compact event per HTTP request (Serilog's request logging): method, route template, status, milliseconds and
/// the instance the request acted on, if any (from the route, or named by the endpoint with <see cref="Instance"/>).
/// Information, Error for a 5xx or an exception.
/// </summary>
internal static class RequestLog
{
    private const string InstanceKey = "pppk.request-log.instance";

    public static void Configure(RequestLoggingOptions options)
    {
        options.MessageTemplate = "HTTP {RequestMethod} {Route} {StatusCode} in {Elapsed:0.0} ms";
        options.EnrichDiagnosticContext = (context, http) =>
        {
            // A group's root route reads "/api/instances/": shown as called, without the slash.
            context.Set("Route", http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { Length: > 1 } pattern } ? pattern.TrimEnd('/') : http.Request.Path.Value);
            if (InstanceOf(http) is { } id) context.Set("InstanceId", id);
        };
    }

    /// <summary>Names the instance a request acted on when its route does not (a start, a task's completion).</summary>
    public static void Instance(HttpContext http, Guid instanceId) => http.Items[InstanceKey] = instanceId;

    private static Guid? InstanceOf(HttpContext http) =>
        http.Items.TryGetValue(InstanceKey, out var named) && named is Guid id ? id
        : http.Request.Path.StartsWithSegments("/api/instances") && http.Request.RouteValues.TryGetValue("id", out var value) && Guid.TryParse(value?.ToString(), out var routed) ? routed
        : null;
}
