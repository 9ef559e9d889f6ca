using Hangfire;
using Npgsql;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Host.Health;

/// <summary>
/// <c>GET /health</c>: 200 when the database and a live job server answer, 503 otherwise. No credentials needed. A job server
/// is live when its last heartbeat is within <see cref="JobsOptions.ServerTimeout"/>: a killed one stops counting then.
/// </summary>
public static class HealthApi
{
    public sealed record HealthReport(string Status, bool Database, int JobServers, string? Problem);

    public static void MapHealthApi(this IEndpointRouteBuilder app, string connectionString)
    {
        app.MapGet("/health", async (JobStorage storage, JobsOptions jobs, CancellationToken ct) =>
        {
            var database = false;
            var servers = 0;
            string? problem = null;
            try
            {
                await using var conn = new NpgsqlConnection(connectionString);
                await conn.OpenAsync(ct);
                await using var cmd = new NpgsqlCommand("SELECT 1", conn);
                database = await cmd.ExecuteScalarAsync(ct) is 1;
                var now = DateTime.UtcNow;
                servers = storage.GetMonitoringApi().Servers().Count(s => s.Heartbeat is { } beat && now - beat < jobs.ServerTimeout);
                if (servers == 0) problem = $"No Hangfire server has reported in the last {jobs.ServerTimeout.TotalSeconds:0} s: start a host with the worker role.";
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                problem = "Database unreachable: " + e.Message;
            }
            var healthy = database && servers > 0;
            return Results.Json(new HealthReport(healthy ? "healthy" : "unhealthy", database, servers, problem),
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
    }
}
