using Pppk.Workflow.Auth;

namespace Pppk.Workflow.Host.Metrics;

/// <summary>
/// <c>GET /metrics</c>: the Prometheus text format of the host's OpenTelemetry metrics, for a signed-in hr-admin (cookie or
/// <c>X-Api-Key</c>) or a scraper sending <c>Authorization: Bearer &lt;Metrics:ScrapeKey&gt;</c>; 401 for anyone else
/// (403 for a signed-in user without hr-admin).
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static void MapMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: pipeline => pipeline.Use(async (http, next) =>
        {
            var status = Status(http, http.RequestServices.GetRequiredService<MetricsOptions>());
            if (status == StatusCodes.Status200OK)
            {
                await next(http);
                return;
            }
            if (status == StatusCodes.Status401Unauthorized) http.Response.Headers.WWWAuthenticate = "Bearer";
            http.Response.StatusCode = status;
        }), optionsName: null);

    private static int Status(HttpContext http, MetricsOptions options)
    {
        if (options.ScrapeKey is { } key && http.Request.Headers.Authorization.ToString() is { } header
            && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Auth.ApiKeyAuthenticationHandler.FixedTimeEquals(key, header["Bearer ".Length..].Trim()))
            return StatusCodes.Status200OK;
        if (http.User.Identity?.IsAuthenticated != true) return StatusCodes.Status401Unauthorized;
        return http.User.IsInRole(Roles.HrAdmin) ? StatusCodes.Status200OK : StatusCodes.Status403Forbidden;
    }
}
