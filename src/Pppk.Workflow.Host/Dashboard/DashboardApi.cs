using Npgsql;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Domain.Reporting;
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

            var pppk = await PppkCounts.ReadAsync(db, ct);
            var ending = pppk.ContractsEnding.Select(m => new MonthCount(m.Month, m.Count)).ToList();
            // Renewals in review: the active renewal instances, counted above.
            var inReview = instances.Where(c => c.DefinitionKey == "perpanjangan-kontrak" && c.Status == "active").Sum(c => c.Count);
            var renewals = new Renewals(pppk.Renewed, pppk.Ended, inReview);
            var p = pppk.Selection;
            var selection = new Selection(p.Formations, p.FormationsRanked, p.Applicants, p.Ms, p.Tms, p.Scored, p.Passed);

            return Results.Ok(new Summary(instances, tasks, tasks.Sum(t => t.Open), tasks.Sum(t => t.Overdue), counts.OpenIncidents, byUnit, ending, renewals,
                selection, DateTimeOffset.UtcNow));
        }).RequireAuthorization(Roles.HrAdmin);
    }
}
