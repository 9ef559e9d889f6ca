using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Renewal;

/// <summary><c>pppk.performance-summary</c>: the evaluations of the contract's current term, counted by predicate, with the latest and the worst.</summary>
public sealed class PerformanceSummaryHandler : IDescribedJobHandler
{
    public string Type => "pppk.performance-summary";

    public JobDescription Description { get; } = new("Ringkasan kinerja kontrak", "Merangkum penilaian kinerja selama masa kontrak: jumlah per predikat, yang terakhir dan yang terburuk.")
    {
        Inputs = [
            new("contractId", "Kontrak (id)", JobValueType.Number),
        ],
        Outputs = [
            new("performance", "Ringkasan kinerja"),
            new("performanceMissing", "Belum ada penilaian"),
            new("latestPredicate", "Predikat terakhir"),
        ],
    };
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
                // Each evaluation as the PPK reads it (the case summary's table), newest first.
                ["history"] = new JsonArray([.. evaluations.AsEnumerable().Reverse().Select(e => (JsonNode)new JsonObject
                    { ["year"] = e.Year, ["period"] = PeriodLabel(e.Period), ["predicate"] = e.Predicate, ["notes"] = e.Notes })]),
            },
            // No evaluation in the term: a renewal is decided on performance (PP 49/2018 art. 37), so it needs one first.
            ["performanceMissing"] = evaluations.Count == 0,
            // What the renewal table (rekomendasi-perpanjangan) judges: the latest predicate, annual before quarterly.
            ["latestPredicate"] = latest?.Predicate,
            ["employeeId"] = contract.EmployeeId,
            ["contractEnd"] = contract.End.Iso(),
        });
    });

    /// <summary>"annual" and "Q1".."Q4" as Indonesian letters write them.</summary>
    internal static string PeriodLabel(string period) => period switch
    {
        "annual" => "Tahunan",
        "Q1" => "Triwulan I",
        "Q2" => "Triwulan II",
        "Q3" => "Triwulan III",
        "Q4" => "Triwulan IV",
        _ => period,
    };
}
