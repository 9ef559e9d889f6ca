using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Renewal;

/// <summary><c>pppk.start-evaluations</c> (external): starts <c>evaluasi-kinerja</c> for every employee with an active contract, for the period (business key employee:year:period).</summary>
public sealed class StartEvaluationsHandler(InstanceService instances, IServiceScopeFactory scopes) : IJobHandler
{
    public string Type => "pppk.start-evaluations";
    public bool Inline => false;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var year = context.Int("year");
        var period = context.String("period");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PppkDbContext>();
        var employees = await (from e in db.Employees
                               where db.Contracts.Any(c => c.EmployeeId == e.Id && c.Status == "active")
                               select new { e.Id, e.Name, e.Email, e.UnitCode, e.EvaluatorUserName, e.Nik }).ToListAsync(ct);
        var items = employees.Select(e => new InstanceService.BatchItem($"{e.Id}:{year}:{period}", new JsonObject
        {
            ["employeeId"] = e.Id, ["employeeName"] = e.Name, ["employeeEmail"] = e.Email, ["unitCode"] = e.UnitCode, ["nik"] = e.Nik,
            ["evaluator"] = e.EvaluatorUserName, ["year"] = year, ["period"] = period,
        })).ToList();
        var result = items.Count == 0
            ? new InstanceService.BatchResult([], [])
            : await instances.StartBatchAsync(context.OptionalString("evaluationProcess") ?? "evaluasi-kinerja", items, uniqueBusinessKey: true, "system", ct);
        return new JobResult.Completed(new JsonObject { ["evaluationsStarted"] = result.Started.Count, ["evaluationsAlreadyRunning"] = result.Skipped.Count });
    });
}
