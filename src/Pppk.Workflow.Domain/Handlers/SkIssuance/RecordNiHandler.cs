using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.SkIssuance;

/// <summary><c>pppk.record-ni</c>: stores the NI PPPK from BKN on the employee.</summary>
public sealed class RecordNiHandler : IDescribedJobHandler
{
    public string Type => "pppk.record-ni";

    public JobDescription Description { get; } = new("Catat NI PPPK", "Menyimpan NI PPPK dari BKN pada data pegawai.")
    {
        Inputs = [
            new("employeeId", "Pegawai (id)", JobValueType.Number),
            new("niPppk", "NI PPPK", JobValueType.Text),
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var id = context.Int("employeeId");
        var ni = context.String("niPppk");
        var db = await context.DomainAsync(ct);
        var employee = await db.Employees.FindAsync([id], ct);
        if (employee is null) return new JobResult.Failure($"No employee {id}.");
        employee.NiPppk = ni;
        await db.SaveChangesAsync(ct);
        return new JobResult.Completed();
    });
}
