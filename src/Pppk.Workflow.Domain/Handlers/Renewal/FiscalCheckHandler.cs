using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Domain.Fiscal;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Renewal;

/// <summary>
/// <c>pppk.fiscal-check</c>: the renewal's cost against the unit's remaining budget and the regional cap
/// (<see cref="FiscalCalculator"/>), recorded with every input. When the unit's budget or the regional setting of the
/// fiscal year is missing it answers <c>fiscalDataMissing</c> with what to enter (<c>fiscalDataNeeded</c>) instead; a
/// renewal started with <c>fiscalCheckRequired = false</c> (part-time, by configuration) passes without a check.
/// </summary>
public sealed class FiscalCheckHandler(IOptions<PppkOptions> pppk) : IDescribedJobHandler
{
    public string Type => "pppk.fiscal-check";

    public JobDescription Description { get; } = new("Cek kemampuan anggaran", "Membandingkan biaya perpanjangan dengan sisa anggaran unit dan batas belanja pegawai daerah.")
    {
        Inputs = [
            new("contractId", "Kontrak (id)", JobValueType.Number),
            new("termYears", "Masa kontrak (tahun)", JobValueType.Number, Required: false),
            new("fiscalYear", "Tahun anggaran", JobValueType.Number, Required: false),
            new("fiscalCheckRequired", "Cek fiskal diwajibkan", JobValueType.Boolean, Required: false),
        ],
        Outputs = [
            new("fiscalOk", "Anggaran cukup"),
            new("fiscalDataMissing", "Data anggaran belum ada"),
            new("fiscalDataNeeded", "Data anggaran yang perlu diisi"),
            new("fiscalReason", "Alasan"),
            new("fiscalYear", "Tahun anggaran"),
            new("fiscalCheckId", "Cek fiskal (id)"),
            new("firstYearCost", "Biaya tahun pertama"),
            new("renewalCost", "Biaya perpanjangan"),
            new("unitRemaining", "Sisa anggaran unit"),
            new("unitBudgetOk", "Sisa anggaran unit cukup"),
            new("regionalRatioPercent", "Rasio belanja pegawai daerah (%)"),
            new("batasBelanjaPegawai", "Batas belanja pegawai tahun itu (%)"),
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var options = pppk.Value;
        var termYears = context.OptionalInt("termYears") ?? options.DefaultTermYears;
        var db = await context.DomainAsync(ct);
        var contract = await db.Contracts.FindAsync([context.Int("contractId")], ct);
        if (contract is null) return new JobResult.Failure($"No contract {context.Int("contractId")}.");
        // A part-time renewal without the check (Pppk:PartTime:FiscalCheck=false, given by the monitor as fiscalCheckRequired).
        if (context.Variables["fiscalCheckRequired"] is JsonValue required && required.GetValueKind() == JsonValueKind.False)
            return new JobResult.Completed(new JsonObject
            {
                ["fiscalOk"] = true, ["fiscalDataMissing"] = false, ["fiscalDataNeeded"] = null,
                ["fiscalReason"] = "Kontrak paruh waktu: cek fiskal tidak diwajibkan (Pppk:PartTime:FiscalCheck).",
            });
        var employee = await db.Employees.SingleAsync(e => e.Id == contract.EmployeeId, ct);
        var fiscalYear = context.OptionalInt("fiscalYear") ?? contract.End.AddDays(1).Year;
        var serviceYears = employee.ServiceYears + contract.Years;
        var salary = await db.SalaryScale.Where(s => s.Grade == employee.Grade && s.ServiceYears <= serviceYears)
            .OrderByDescending(s => s.ServiceYears).Select(s => (decimal?)s.MonthlySalary).FirstOrDefaultAsync(ct);
        if (salary is null) return new JobResult.Failure($"The salary scale has no entry for grade {employee.Grade}; load it (workflows/data) and retry.");
        var budget = await db.UnitBudgets.SingleOrDefaultAsync(b => b.UnitCode == employee.UnitCode && b.FiscalYear == fiscalYear, ct);
        var region = await db.FiscalSettings.FindAsync([fiscalYear], ct);
        // Missing figures are finance's to enter (the workflow's "Isi data anggaran" task), not an incident: the check runs again after.
        if (budget is null || region is null)
            return new JobResult.Completed(new JsonObject
            {
                ["fiscalOk"] = false, ["fiscalDataMissing"] = true, ["fiscalYear"] = fiscalYear,
                ["fiscalDataNeeded"] = MissingText(fiscalYear, employee.UnitCode, budget is null, region is null),
            });

        var inputs = new FiscalInputs(employee.Grade, serviceYears, salary.Value, termYears, options.SalaryMonthsPerYear, options.AllowancePercent,
            employee.UnitCode, fiscalYear, budget.PersonnelCeiling, budget.Committed, region.BudgetTotal, region.PersonnelSpending, region.CapPercent);
        var result = FiscalCalculator.Check(inputs);
        var check = new FiscalCheck
        {
            ContractId = contract.Id, CheckedAt = DateTimeOffset.UtcNow, RenewalCost = result.RenewalCost, UnitRemaining = result.UnitRemaining,
            RegionalRatioPercent = result.RegionalRatioPercent, Passed = result.Passed, Reason = result.Reason, Inputs = JsonSerializer.Serialize(inputs),
        };
        db.FiscalChecks.Add(check);
        await db.SaveChangesAsync(ct);
        return new JobResult.Completed(new JsonObject
        {
            ["fiscalDataMissing"] = false, ["fiscalDataNeeded"] = null, ["fiscalOk"] = result.Passed, ["fiscalCheckId"] = check.Id, ["fiscalReason"] = result.Reason, ["renewalCost"] = result.RenewalCost,
            ["firstYearCost"] = result.FirstYearCost, ["unitRemaining"] = result.UnitRemaining, ["regionalRatioPercent"] = result.RegionalRatioPercent,
            // The parts the renewal table (rekomendasi-perpanjangan) weighs on their own.
            ["unitBudgetOk"] = result.UnitOk,
            // The year's cap from the fiscal data: the table's rule 5 compares the ratio with it, so the number lives only there.
            ["batasBelanjaPegawai"] = region.CapPercent,
        });
    });

    /// <summary>What finance is asked to enter, naming the year and the unit ("Isi anggaran 2027 unit DINKES").</summary>
    internal static string MissingText(int fiscalYear, string unitCode, bool budget, bool region) => (budget, region) switch
    {
        (true, true) => $"Isi anggaran {fiscalYear} unit {unitCode} dan data fiskal daerah {fiscalYear}",
        (true, false) => $"Isi anggaran {fiscalYear} unit {unitCode}",
        _ => $"Isi data fiskal daerah {fiscalYear} (APBD, belanja pegawai, batas)",
    };
}
