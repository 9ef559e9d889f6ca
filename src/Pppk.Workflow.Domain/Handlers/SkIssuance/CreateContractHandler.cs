using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Domain.PartTime;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.SkIssuance;

/// <summary>
/// <c>pppk.create-contract</c>: the work agreement from its TMT for the term (1-5 years); the SPMT date is recorded later,
/// apart from the SK date. With <c>partTime</c> it is a PPPK paruh waktu contract: its term, weekly hours and pay basis
/// follow <c>Pppk:PartTime</c>.
/// </summary>
public sealed class CreateContractHandler(IOptions<PppkOptions> pppk) : IDescribedJobHandler
{
    public string Type => "pppk.create-contract";

    public JobDescription Description { get; } = new("Buat kontrak PPPK", "Membuat perjanjian kerja pegawai mulai TMT untuk masa 1-5 tahun (penuh waktu atau paruh waktu).")
    {
        Inputs = [
            new("employeeId", "Pegawai (id)", JobValueType.Number),
            new("tmt", "TMT (terhitung mulai tanggal)", JobValueType.Date),
            new("termYears", "Masa kontrak (tahun)", JobValueType.Number, Required: false),
            new("skId", "SK (id)", JobValueType.Number, Required: false),
            new("partTime", "Paruh waktu", JobValueType.Boolean, Required: false),
            new("weeklyHours", "Jam kerja per minggu", JobValueType.Number, Required: false),
            new("payBasis", "Dasar upah", JobValueType.Text, Required: false),
        ],
        Outputs = [
            new("contractId", "Kontrak (id)"),
            new("contractEnd", "Akhir kontrak"),
            new("termYears", "Masa kontrak (tahun)"),
            new("baseSalary", "Gaji pokok"),
            new("partTime", "Paruh waktu"),
            new("weeklyHours", "Jam kerja per minggu"),
            new("payBasis", "Dasar upah"),
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var options = pppk.Value;
        var partTime = context.OptionalBool("partTime") ?? false;
        var years = context.OptionalInt("termYears") ?? (partTime ? options.PartTime.TermYears : options.DefaultTermYears);
        if (years is < 1 or > 5) return new JobResult.Failure($"termYears must be 1 to 5 (PP 49/2018), not {years}.");
        var (hours, payBasis, error) = partTime ? PartTimeTerms.Check(options.PartTime, context.OptionalInt("weeklyHours"), context.OptionalString("payBasis")) : (0, "", null);
        if (error is not null) return new JobResult.Failure(error);
        var tmt = context.Date("tmt");
        var db = await context.DomainAsync(ct);
        var contract = new Contract
        {
            EmployeeId = context.Int("employeeId"), SkId = context.OptionalInt("skId"), Tmt = tmt, End = tmt.AddYears(years).AddDays(-1), Years = years, Status = "active",
            PartTime = partTime, WeeklyHours = partTime ? hours : null, PayBasis = partTime ? payBasis : null,
        };
        db.Contracts.Add(contract);
        await db.SaveChangesAsync(ct);
        var employee = await db.Employees.SingleAsync(e => e.Id == contract.EmployeeId, ct);
        var salary = await db.SalaryScale.Where(s => s.Grade == employee.Grade && s.ServiceYears <= employee.ServiceYears)
            .OrderByDescending(s => s.ServiceYears).Select(s => (decimal?)s.MonthlySalary).FirstOrDefaultAsync(ct);
        return new JobResult.Completed(new JsonObject
        {
            ["contractId"] = contract.Id, ["contractEnd"] = contract.End.Iso(), ["termYears"] = years, ["baseSalary"] = salary,
            ["partTime"] = partTime, ["weeklyHours"] = contract.WeeklyHours, ["payBasis"] = contract.PayBasis,
        });
    });
}
