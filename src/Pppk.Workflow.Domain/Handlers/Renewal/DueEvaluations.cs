using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Domain.Handlers.Renewal;

/// <summary>
/// The evaluations of a period: every employee with an active contract, one <c>evaluasi-kinerja</c> start each (business
/// key employee:year:period). <c>pppk.start-evaluations</c> starts them; the manual start's preview counts them with this same query.
/// </summary>
public static class DueEvaluations
{
    public const string Process = "evaluasi-kinerja";

    public static async Task<List<InstanceService.BatchItem>> ItemsAsync(PppkDbContext db, int year, string period, CancellationToken ct)
    {
        var employees = await (from e in db.Employees
                               where db.Contracts.Any(c => c.EmployeeId == e.Id && c.Status == "active")
                               select new { e.Id, e.Name, e.Email, e.UnitCode, e.EvaluatorUserName, e.Nik }).ToListAsync(ct);
        return employees.Select(e => new InstanceService.BatchItem($"{e.Id}:{year}:{period}", new JsonObject
        {
            ["employeeId"] = e.Id, ["employeeName"] = e.Name, ["employeeEmail"] = e.Email, ["unitCode"] = e.UnitCode, ["nik"] = e.Nik,
            ["evaluator"] = e.EvaluatorUserName, ["year"] = year, ["period"] = period,
        })).ToList();
    }

    /// <summary>The quarter siklus-evaluasi's quarterly start names for <paramref name="today"/> (Q1–Q4).</summary>
    public static string QuarterOf(DateOnly today) => $"Q{(today.Month + 2) / 3}";
}
