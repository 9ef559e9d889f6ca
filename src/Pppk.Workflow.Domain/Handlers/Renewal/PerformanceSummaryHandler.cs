using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Renewal;

/// <summary><c>pppk.performance-summary</c>: the evaluations of the contract's current term, counted by predicate, with the latest and the worst.</summary>
public sealed class PerformanceSummaryHandler : IJobHandler
{
    public string Type => "pppk.performance-summary";
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var db = await context.DomainAsync(ct);
        var contract = await db.Contracts.FindAsync([context.Int("contractId")], ct);
        if (contract is null) return new JobResult.Failure($"No contract {context.Int("contractId")}.");
        var from = contract.Tmt.Year;
        var evaluations = await db.Evaluations.Where(e => e.EmployeeId == contract.EmployeeId && e.Year >= from && e.Year <= contract.End.Year)
            .OrderBy(e => e.Year).ThenBy(e => e.Period).ToListAsync(ct);
        var counts = new JsonObject();
        foreach (var p in Predicates.All) counts[p] = evaluations.Count(e => e.Predicate == p);
        var latest = evaluations.Where(e => e.Period == "annual").LastOrDefault() ?? evaluations.LastOrDefault();
        var worstIndex = evaluations.Count == 0 ? -1 : evaluations.Max(e => Predicates.All.ToList().IndexOf(e.Predicate));
        return new JobResult.Completed(new JsonObject
        {
            ["performance"] = new JsonObject
            {
                ["evaluations"] = evaluations.Count, ["counts"] = counts, ["latestPredicate"] = latest?.Predicate,
                ["latestPeriod"] = latest is null ? null : $"{latest.Year} {latest.Period}", ["worstPredicate"] = worstIndex < 0 ? null : Predicates.All[worstIndex],
            },
            ["latestPredicate"] = latest?.Predicate,
            ["poorPerformance"] = latest is not null && Predicates.IsPoor(latest.Predicate),
            ["employeeId"] = contract.EmployeeId,
            ["contractEnd"] = contract.End.Iso(),
        });
    });
}
