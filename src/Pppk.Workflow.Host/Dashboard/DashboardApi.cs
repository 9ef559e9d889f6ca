using Npgsql;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Domain.Reporting;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Host.Dashboard;

/// <summary>
/// <c>/api/dashboard/summary</c>: aggregate counts for the web dashboard: instances by workflow and status, open and
/// overdue tasks (by workflow and by unit), contracts ending per month for the next 12 months, renewal outcomes and
/// selection progress. Counted in the background and answered from memory (<see cref="DashboardSnapshots"/>).
/// </summary>
public static class DashboardApi
{
    public sealed record InstanceCount(string DefinitionKey, string Status, long Count);

    public sealed record TaskCount(string DefinitionKey, long Open, long Overdue);

    /// <param name="Unit">The unit's name (its code when the domain does not know it; "Tanpa unit" for cases without one).</param>
    /// <param name="UnitCode">Null for cases without a unit.</param>
    public sealed record UnitTasks(string Unit, long Open, long Overdue, string? UnitCode = null);

    /// <param name="MedianHours">Median time from the task's creation to its completion, in hours.</param>
    /// <param name="P90Hours">90th percentile of the same, in hours.</param>
    public sealed record StepDuration(string DefinitionKey, string ElementId, string Name, double MedianHours, double P90Hours, long Count);

    public sealed record UnitDuration(string? UnitCode, string Unit, double MedianHours, double P90Hours, long Count);

    /// <param name="RefreshSeconds">How often the figures are counted again (<see cref="DashboardRefreshOptions.Refresh"/>; 0: on every call).</param>
    public sealed record Durations(int Days, IReadOnlyList<StepDuration> Steps, IReadOnlyList<UnitDuration> Units, DateTimeOffset Since, DateTimeOffset At,
        int RefreshSeconds = 0);

    /// <summary>The durations' window: the last 90 days.</summary>
    public const int DurationDays = 90;

    public sealed record MonthCount(string Month, long Count);

    public sealed record Renewals(long Renewed, long Ended, long InReview);

    public sealed record Selection(long Formations, long FormationsRanked, long Applicants, long Ms, long Tms, long Scored, long Passed);

    public sealed record Summary(IReadOnlyList<InstanceCount> Instances, IReadOnlyList<TaskCount> Tasks, long OpenTasks, long OverdueTasks,
        long OpenIncidents, IReadOnlyList<UnitTasks> TasksByUnit, IReadOnlyList<MonthCount> ContractsEnding, Renewals RenewalOutcomes,
        Selection SelectionProgress, DateTimeOffset At, int RefreshSeconds = 0);

    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardRefreshOptions>().Bind(configuration.GetSection(DashboardRefreshOptions.Section))
            .Validate(o => o.Refresh >= TimeSpan.Zero, "Dashboard:Refresh must be zero (read on every call) or a positive time span, e.g. 00:00:30.")
            .ValidateOnStart();
        services.AddSingleton<DashboardSnapshots>();
        services.AddHostedService(sp => sp.GetRequiredService<DashboardSnapshots>());
        return services;
    }

    /// <summary>
    /// The figures come from <see cref="DashboardSnapshots"/>: <c>at</c> is when they were counted, at most two
    /// <c>refreshSeconds</c> ago (0: counted for this call).
    /// </summary>
    public static void MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dashboard/summary", async (DashboardSnapshots snapshots, CancellationToken ct) =>
            Results.Ok((await snapshots.SummaryAsync(ct)) with { RefreshSeconds = (int)snapshots.Refresh.TotalSeconds }))
            .RequireAuthorization(Roles.HrAdmin).Produces<Summary>();

        // Where work waits: the slowest steps and units by 90th percentile of time spent in a user task.
        app.MapGet("/api/dashboard/durations", async (DashboardSnapshots snapshots, CancellationToken ct) =>
            Results.Ok((await snapshots.DurationsAsync(ct)) with { RefreshSeconds = (int)snapshots.Refresh.TotalSeconds }))
            .RequireAuthorization(Roles.HrAdmin).Produces<Durations>();
    }

    /// <summary>Counts everything the summary shows (seconds at a million open tasks: <see cref="DashboardSnapshots"/> keeps the answer).</summary>
    internal static async Task<Summary> ReadSummaryAsync(IServiceProvider services, TimeProvider clock, CancellationToken ct)
    {
        var db = services.GetRequiredService<NpgsqlDataSource>();
        var at = clock.GetUtcNow();
        var counts = await WorkCounts.ReadAsync(db, ct);
        var names = await services.GetRequiredService<IUnitNames>().AllAsync(ct);
        var instances = counts.ByStatus.Select(c => new InstanceCount(c.DefinitionKey, c.Status, c.Count)).ToList();
        var tasks = counts.TasksByWorkflow.Select(t => new TaskCount(t.DefinitionKey, t.Open, t.Overdue)).ToList();
        // "Tugas terlambat per unit": only units with overdue tasks (the read puts them first), named.
        var byUnit = counts.TasksByUnit.Where(u => u.Overdue > 0).Select(u => u.Unit == WorkCounts.NoUnit
            ? new UnitTasks(u.Unit, u.Open, u.Overdue)
            : new UnitTasks(names.GetValueOrDefault(u.Unit, u.Unit), u.Open, u.Overdue, u.Unit)).ToList();

        var pppk = await PppkCounts.ReadAsync(db, ct);
        var ending = pppk.ContractsEnding.Select(m => new MonthCount(m.Month, m.Count)).ToList();
        // Renewals in review: the active renewal instances, counted above.
        var inReview = instances.Where(c => c.DefinitionKey == "perpanjangan-kontrak" && c.Status == "active").Sum(c => c.Count);
        var renewals = new Renewals(pppk.Renewed, pppk.Ended, inReview);
        var p = pppk.Selection;
        var selection = new Selection(p.Formations, p.FormationsRanked, p.Applicants, p.Ms, p.Tms, p.Scored, p.Passed);

        return new Summary(instances, tasks, tasks.Sum(t => t.Open), tasks.Sum(t => t.Overdue), counts.OpenIncidents, byUnit, ending, renewals,
            selection, at);
    }

    internal static async Task<Durations> ReadDurationsAsync(IServiceProvider services, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now.AddDays(-DurationDays);
        var read = await TaskDurations.ReadAsync(services.GetRequiredService<NpgsqlDataSource>(), since, ct);
        var names = await services.GetRequiredService<IUnitNames>().AllAsync(ct);
        var steps = read.Steps.Select(s => new StepDuration(s.DefinitionKey, s.ElementId, s.Name ?? s.ElementId, Hours(s.Median), Hours(s.P90), s.Count)).ToList();
        var units = read.Units.Select(u => new UnitDuration(u.UnitCode, u.UnitCode is { } code ? names.GetValueOrDefault(code, code) : WorkCounts.NoUnit,
            Hours(u.Median), Hours(u.P90), u.Count)).ToList();
        return new Durations(DurationDays, steps, units, since, now);
    }

    private static double Hours(double seconds) => Math.Round(seconds / 3600, 2);
}
