using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Evaluation;

/// <summary>
/// <c>pppk.record-evaluation</c>: stores the evaluator's predicate for the period, then checks the unit's distribution:
/// when more of the unit's staff are rated Baik or better than the unit's own rating allows, it says so (a warning
/// the workflow shows; the rating stands).
/// </summary>
public sealed class RecordEvaluationHandler : IJobHandler
{
    public string Type => "pppk.record-evaluation";
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var predicate = context.String("predicate");
        if (!Predicates.IsKnown(predicate))
            return new JobResult.Failure($"predicate must be one of {string.Join(", ", Predicates.All)}, not '{predicate}'.");
        var employeeId = context.Int("employeeId");
        var year = context.Int("year");
        var period = context.String("period");
        await using var db = await context.DomainAsync(ct);
        var employee = await db.Employees.FindAsync([employeeId], ct);
        if (employee is null) return new JobResult.Failure($"No employee {employeeId}.");
        var evaluation = await db.Evaluations.SingleOrDefaultAsync(e => e.EmployeeId == employeeId && e.Year == year && e.Period == period, ct);
        if (evaluation is null)
        {
            evaluation = new Domain.Employees.Evaluation { EmployeeId = employeeId, Year = year, Period = period, Predicate = predicate };
            db.Evaluations.Add(evaluation);
        }
        evaluation.Predicate = predicate;
        evaluation.Notes = context.OptionalString("evaluationNotes");
        evaluation.EvaluatorUserName = context.OptionalString("evaluatedBy");
        evaluation.RecordedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(ct);

        // Distribution in the unit for this period, against the cap of the unit's own rating (a setting per rating).
        var unitRating = context.OptionalString("unitRating") ?? Predicates.Baik;
        var caps = context.Services.GetRequiredService<IOptions<PppkOptions>>().Value.PredicateCapByUnitRating;
        var predicates = await (from e in db.Evaluations
                                join emp in db.Employees on e.EmployeeId equals emp.Id
                                where emp.UnitCode == employee.UnitCode && e.Year == year && e.Period == period
                                select e.Predicate).ToListAsync(ct);
        var good = predicates.Count(p => p is Predicates.SangatBaik or Predicates.Baik);
        var share = predicates.Count == 0 ? 0 : Math.Round(100m * good / predicates.Count, 1);
        var cap = caps.GetValueOrDefault(unitRating, 100);
        var warning = share > cap
            ? $"{share}% pegawai unit {employee.UnitCode} dinilai Baik atau lebih, melebihi batas {cap}% untuk unit berpredikat {unitRating}."
            : null;
        return new JobResult.Completed(new JsonObject
        {
            ["poorPerformance"] = Predicates.IsPoor(predicate), ["unitGoodShare"] = share, ["distributionWarning"] = warning, ["distributionCapBroken"] = warning is not null,
        });
    });
}
