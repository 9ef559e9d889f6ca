using Npgsql;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Host.Dashboard;

/// <summary>
/// <c>/api/dashboard/summary</c>: aggregate counts for the web dashboard: instances by workflow and status, open and
/// overdue tasks (by workflow and by unit), contracts ending per month for the next 12 months, renewal outcomes and
/// selection progress.
/// </summary>
public static class DashboardApi
{
    public sealed record InstanceCount(string DefinitionKey, string Status, long Count);

    public sealed record TaskCount(string DefinitionKey, long Open, long Overdue);

    public sealed record UnitTasks(string Unit, long Open, long Overdue);

    public sealed record MonthCount(string Month, long Count);

    public sealed record Renewals(long Renewed, long Ended, long InReview);

    public sealed record Selection(long Formations, long FormationsRanked, long Applicants, long Ms, long Tms, long Scored, long Passed);

    public sealed record Summary(IReadOnlyList<InstanceCount> Instances, IReadOnlyList<TaskCount> Tasks, long OpenTasks, long OverdueTasks,
        long OpenIncidents, IReadOnlyList<UnitTasks> TasksByUnit, IReadOnlyList<MonthCount> ContractsEnding, Renewals RenewalOutcomes,
        Selection SelectionProgress, DateTimeOffset At);

    public static void MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dashboard/summary", async (NpgsqlDataSource db, CancellationToken ct) =>
        {
            var counts = await WorkCounts.ReadAsync(db, ct);
            var instances = counts.ByStatus.Select(c => new InstanceCount(c.DefinitionKey, c.Status, c.Count)).ToList();
            var tasks = counts.TasksByWorkflow.Select(t => new TaskCount(t.DefinitionKey, t.Open, t.Overdue)).ToList();
            var byUnit = counts.TasksByUnit.Select(u => new UnitTasks(u.Unit, u.Open, u.Overdue)).ToList();

            var ending = new List<MonthCount>();
            await using (var cmd = db.CreateCommand("""
                SELECT to_char(m, 'YYYY-MM'), (SELECT count(*) FROM pppk.contracts c WHERE c.status = 'active' AND date_trunc('month', c."end") = m)
                FROM generate_series(date_trunc('month', current_date), date_trunc('month', current_date) + interval '11 months', interval '1 month') AS m
                ORDER BY m
                """))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct)) ending.Add(new(r.GetString(0), r.GetInt64(1)));

            // Renewals in review: the active renewal instances, counted above.
            var inReview = instances.Where(c => c.DefinitionKey == "perpanjangan-kontrak" && c.Status == "active").Sum(c => c.Count);
            Renewals renewals;
            await using (var cmd = db.CreateCommand("""
                SELECT (SELECT count(*) FROM pppk.contracts WHERE status = 'renewed'), (SELECT count(*) FROM pppk.contracts WHERE status = 'ended')
                """))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                await r.ReadAsync(ct);
                renewals = new Renewals(r.GetInt64(0), r.GetInt64(1), inReview);
            }

            Selection selection;
            await using (var cmd = db.CreateCommand("""
                SELECT (SELECT count(*) FROM pppk.formations),
                       (SELECT count(DISTINCT formation_id) FROM pppk.ranking_results),
                       count(*), count(*) FILTER (WHERE a.admin_verdict = 'MS'), count(*) FILTER (WHERE a.admin_verdict = 'TMS'),
                       count(s.applicant_id), count(*) FILTER (WHERE a.status = 'passed')
                FROM pppk.applicants a LEFT JOIN pppk.cat_scores s ON s.applicant_id = a.id
                """))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                await r.ReadAsync(ct);
                selection = new Selection(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6));
            }

            return Results.Ok(new Summary(instances, tasks, tasks.Sum(t => t.Open), tasks.Sum(t => t.Overdue), counts.OpenIncidents, byUnit, ending, renewals,
                selection, DateTimeOffset.UtcNow));
        }).RequireAuthorization(Roles.HrAdmin);
    }
}
