using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Renewal;

/// <summary>
/// <c>pppk.start-renewals</c> (external): starts <c>perpanjangan-kontrak</c> for every active contract ending within the
/// lead time (setting, default 6 months; part-time contracts: <c>Pppk:PartTime:RenewalLeadMonths</c>) that has none
/// running, as one batch (business key: the contract id). Each start carries <c>partTime</c>, its <c>termYears</c> default
/// and <c>fiscalCheckRequired</c>, so the workflow can follow the part-time rules.
/// </summary>
public sealed class StartRenewalsHandler(IOptions<PppkOptions> pppk, InstanceService instances, IServiceScopeFactory scopes) : IJobHandler
{
    public string Type => "pppk.start-renewals";
    public bool Inline => false;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var options = pppk.Value;
        var lead = context.OptionalInt("leadMonths") ?? options.RenewalLeadMonths;
        var partTimeLead = context.OptionalInt("partTimeLeadMonths") ?? options.PartTime.RenewalLeadMonths;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var (horizon, partTimeHorizon) = (today.AddMonths(lead), today.AddMonths(partTimeLead));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PppkDbContext>();
        var due = await (from c in db.Contracts
                         join e in db.Employees on c.EmployeeId equals e.Id
                         where c.Status == "active" && c.End <= (c.PartTime ? partTimeHorizon : horizon)
                         select new { c.Id, c.End, c.PartTime, c.WeeklyHours, c.PayBasis, e.Name, e.Email, e.UnitCode, EmployeeId = e.Id, e.NiPppk, e.Position, e.Nik }).ToListAsync(ct);
        var items = due.Select(c => new InstanceService.BatchItem(c.Id.ToString(), new JsonObject
        {
            ["contractId"] = c.Id, ["contractEnd"] = c.End.ToString("yyyy-MM-dd"), ["employeeId"] = c.EmployeeId, ["employeeName"] = c.Name,
            ["employeeEmail"] = c.Email, ["unitCode"] = c.UnitCode, ["niPppk"] = c.NiPppk, ["nik"] = c.Nik, ["position"] = c.Position,
            ["partTime"] = c.PartTime, ["termYears"] = c.PartTime ? options.PartTime.TermYears : options.DefaultTermYears,
            ["fiscalCheckRequired"] = !c.PartTime || options.PartTime.FiscalCheck, ["weeklyHours"] = c.WeeklyHours, ["payBasis"] = c.PayBasis,
        })).ToList();
        var result = items.Count == 0
            ? new InstanceService.BatchResult([], [])
            : await instances.StartBatchAsync(context.OptionalString("renewalProcess") ?? "perpanjangan-kontrak", items, uniqueBusinessKey: true, "system", ct);
        return new JobResult.Completed(new JsonObject { ["renewalsStarted"] = result.Started.Count, ["renewalsAlreadyRunning"] = result.Skipped.Count });
    });
}
