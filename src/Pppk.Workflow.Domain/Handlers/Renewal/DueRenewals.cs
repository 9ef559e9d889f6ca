using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Domain.Handlers.Renewal;

/// <summary>
/// The renewals due now: every active contract ending within the lead time (part-time contracts: their own), one
/// <c>perpanjangan-kontrak</c> start each (business key: the contract id). <c>pppk.start-renewals</c> starts them; the
/// manual start's preview counts them with this same query.
/// </summary>
public static class DueRenewals
{
    public const string Process = "perpanjangan-kontrak";

    public static async Task<List<InstanceService.BatchItem>> ItemsAsync(PppkDbContext db, PppkOptions options, int? leadMonths, int? partTimeLeadMonths, CancellationToken ct)
    {
        var lead = leadMonths ?? options.RenewalLeadMonths;
        var partTimeLead = partTimeLeadMonths ?? options.PartTime.RenewalLeadMonths;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var (horizon, partTimeHorizon) = (today.AddMonths(lead), today.AddMonths(partTimeLead));
        var due = await (from c in db.Contracts
                         join e in db.Employees on c.EmployeeId equals e.Id
                         where c.Status == "active" && c.End <= (c.PartTime ? partTimeHorizon : horizon)
                         select new { c.Id, c.End, c.PartTime, c.WeeklyHours, c.PayBasis, e.Name, e.Email, e.UnitCode, EmployeeId = e.Id, e.NiPppk, e.Position, e.Nik }).ToListAsync(ct);
        return due.Select(c => new InstanceService.BatchItem(c.Id.ToString(), new JsonObject
        {
            ["contractId"] = c.Id, ["contractEnd"] = c.End.ToString("yyyy-MM-dd"), ["employeeId"] = c.EmployeeId, ["employeeName"] = c.Name,
            ["employeeEmail"] = c.Email, ["unitCode"] = c.UnitCode, ["niPppk"] = c.NiPppk, ["nik"] = c.Nik, ["position"] = c.Position,
            ["partTime"] = c.PartTime, ["termYears"] = c.PartTime ? options.PartTime.TermYears : options.DefaultTermYears,
            ["fiscalCheckRequired"] = !c.PartTime || options.PartTime.FiscalCheck, ["weeklyHours"] = c.WeeklyHours, ["payBasis"] = c.PayBasis,
        })).ToList();
    }
}
