using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Domain.Handlers.SkIssuance;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Renewal;

/// <summary>
/// <c>pppk.renew-contract</c>: the extension SK (numbered like any SK, its copy for BKN noted), the new contract from the
/// day after the old one ends for the decided term, the old one marked renewed, and the first year's cost committed to
/// the unit's budget. A part-time contract stays part-time (hours and pay basis kept), its term by <c>Pppk:PartTime</c>.
/// </summary>
public sealed class RenewContractHandler(IOptions<PppkOptions> pppk, NpgsqlDataSource runtimeDb) : IDescribedJobHandler
{
    public string Type => "pppk.renew-contract";

    public JobDescription Description { get; } = new("Perpanjang kontrak", "Membuat kontrak lanjutan dengan SK perpanjangan bernomor.")
    {
        Inputs = [
            new("contractId", "Kontrak (id)", JobValueType.Number),
            new("termYears", "Masa kontrak (tahun)", JobValueType.Number, Required: false),
            new("skDate", "Tanggal SK", JobValueType.Date, Required: false),
            new("firstYearCost", "Biaya tahun pertama", JobValueType.Number, Required: false),
        ],
        Outputs = [
            new("renewed", "Diperpanjang"),
            new("newContractId", "Kontrak baru (id)"),
            new("newContractTmt", "TMT kontrak baru"),
            new("newContractEnd", "Akhir kontrak baru"),
            new("extensionSkNumber", "Nomor SK perpanjangan"),
            new("recommendationRule", "Aturan yang menyusun rekomendasi"),
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var options = pppk.Value;
        var db = await context.DomainAsync(ct);
        var old = await db.Contracts.FindAsync([context.Int("contractId")], ct);
        if (old is null) return new JobResult.Failure($"No contract {context.Int("contractId")}.");
        var years = context.OptionalInt("termYears") ?? (old.PartTime ? options.PartTime.TermYears : options.DefaultTermYears);
        if (years is < 1 or > 5) return new JobResult.Failure($"termYears must be 1 to 5 (PP 49/2018), not {years}.");
        if (old.Status != "active") return new JobResult.Failure($"Contract {old.Id} is {old.Status}; only an active contract is renewed.");
        var employee = await db.Employees.SingleAsync(e => e.Id == old.EmployeeId, ct);

        var skDate = context.OptionalDate("skDate") ?? DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var (skId, skNumber) = await NumberSkHandler.IssueAsync(context.RequireStep(), options, employee.Id, "perpanjangan", skDate, options.SkSigner, ct);
        var tmt = old.End.AddDays(1);
        var renewed = new Contract { EmployeeId = employee.Id, SkId = skId, Tmt = tmt, End = tmt.AddYears(years).AddDays(-1), Years = years, Status = "active",
            PartTime = old.PartTime, WeeklyHours = old.WeeklyHours, PayBasis = old.PayBasis };
        old.Status = "renewed";
        employee.ServiceYears += old.Years;
        db.Contracts.Add(renewed);
        if (context.Variables["firstYearCost"] is JsonValue cost && await db.UnitBudgets.SingleOrDefaultAsync(b => b.UnitCode == employee.UnitCode && b.FiscalYear == tmt.Year, ct) is { } budget)
            budget.Committed += cost.GetValue<decimal>();
        await db.SaveChangesAsync(ct);
        await db.Sks.Where(s => s.Id == skId).ExecuteUpdateAsync(s => s.SetProperty(x => x.BknCopyNotedAt, DateTimeOffset.UtcNow), ct);
        return new JobResult.Completed(new JsonObject
        {
            ["newContractId"] = renewed.Id, ["newContractTmt"] = renewed.Tmt.Iso(), ["newContractEnd"] = renewed.End.Iso(), ["extensionSkNumber"] = skNumber, ["renewed"] = true,
            ["recommendationRule"] = await RecommendationRule.QuoteAsync(runtimeDb, context.InstanceId, ct),
        });
    });
}
