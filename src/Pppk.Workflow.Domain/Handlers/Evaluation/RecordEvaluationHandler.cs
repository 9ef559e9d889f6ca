using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Evaluation;

/// <summary>
/// <c>pppk.record-evaluation</c>: stores the evaluator's predicate for the period, then counts the unit's distribution:
/// how many of the unit's staff (employees with a contract in the unit during the period) are rated Baik or better.
/// Whether that breaks the cap of the unit's own rating is the workflow's <c>batas-sebaran-predikat</c> table's to say
/// (a warning; the rating stands).
/// </summary>
public sealed class RecordEvaluationHandler : IDescribedJobHandler
{
    public string Type => "pppk.record-evaluation";

    public JobDescription Description { get; } = new("Catat penilaian kinerja", "Menyimpan predikat penilaian pegawai untuk periode itu dan memeriksa sebaran predikat di unitnya.")
    {
        Inputs = [
            new("employeeId", "Pegawai (id)", JobValueType.Number),
            new("year", "Tahun", JobValueType.Number),
            new("period", "Periode (annual, Q1-Q4)", JobValueType.Text),
            new("predicate", "Predikat", JobValueType.Text),
            new("evaluationNotes", "Catatan penilaian", JobValueType.Text, Required: false),
            new("evaluatedBy", "Penilai (nama pengguna)", JobValueType.Text, Required: false),
        ],
        Outputs = [
            new("poorPerformance", "Kinerja kurang"),
            new("unitGoodShare", "Persentase Baik di unit"),
            new("unitGoodCount", "Jumlah pegawai Baik atau lebih"),
            new("unitStaffCount", "Jumlah pegawai unit"),
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var predicate = context.String("predicate");
        if (!Predicates.IsKnown(predicate))
            return new JobResult.Failure($"predicate must be one of {string.Join(", ", Predicates.All)}, not '{predicate}'.");
        var employeeId = context.Int("employeeId");
        var year = context.Int("year");
        var period = context.String("period");
        var db = await context.DomainAsync(ct);
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

        // Distribution in the unit for this period, for the cap table of the unit's own rating.
        var (start, end) = EvaluationPeriods.IsKnown(period) ? EvaluationPeriods.Range(year, period) : (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var (staffCount, good) = await UnitDistribution.CountAsync(db, employee.UnitCode, year, period, start, end, ct);
        var share = staffCount == 0 ? 0 : Math.Round(100m * good / staffCount, 1);
        return new JobResult.Completed(new JsonObject
        {
            ["poorPerformance"] = Predicates.IsPoor(predicate), ["unitGoodShare"] = share, ["unitGoodCount"] = good, ["unitStaffCount"] = staffCount,
        });
    });
}
