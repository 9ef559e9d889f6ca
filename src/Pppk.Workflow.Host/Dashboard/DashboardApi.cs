using Npgsql;
using Pppk.Workflow.Runtime.Users;

namespace Pppk.Workflow.Host.Dashboard;

/// <summary>
/// <c>/api/dashboard/summary</c>: aggregate counts for the web dashboard (instances by workflow and status, open and
/// overdue tasks). PPPK domain figures (formations, contracts) are added here once the domain tables exist.
/// </summary>
public static class DashboardApi
{
    public sealed record InstanceCount(string DefinitionKey, string Status, long Count);

    public sealed record TaskCount(string DefinitionKey, long Open, long Overdue);

    public sealed record Summary(IReadOnlyList<InstanceCount> Instances, IReadOnlyList<TaskCount> Tasks, long OpenTasks, long OverdueTasks,
        long OpenIncidents, DateTimeOffset At);

    public static void MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dashboard/summary", async (NpgsqlDataSource db, CancellationToken ct) =>
        {
            var instances = new List<InstanceCount>();
            await using (var cmd = db.CreateCommand("SELECT definition_key, status, count(*) FROM pppk.instances GROUP BY 1, 2 ORDER BY 1, 2"))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct)) instances.Add(new(r.GetString(0), r.GetString(1), r.GetInt64(2)));

            var tasks = new List<TaskCount>();
            await using (var cmd = db.CreateCommand("""
                SELECT i.definition_key, count(*), count(*) FILTER (WHERE t.due_at < now())
                FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id
                WHERE t.state = 'open' GROUP BY 1 ORDER BY 1
                """))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct)) tasks.Add(new(r.GetString(0), r.GetInt64(1), r.GetInt64(2)));

            long incidents;
            await using (var cmd = db.CreateCommand("SELECT count(*) FROM pppk.incidents WHERE resolved_at IS NULL"))
                incidents = (long)(await cmd.ExecuteScalarAsync(ct))!;

            return Results.Ok(new Summary(instances, tasks, tasks.Sum(t => t.Open), tasks.Sum(t => t.Overdue), incidents, DateTimeOffset.UtcNow));
        }).RequireAuthorization(Roles.HrAdmin);
    }
}
