using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.SkIssuance;

/// <summary><c>pppk.record-spmt</c>: the date duty started (SPMT); pay starts from that month.</summary>
public sealed class RecordSpmtHandler : IDescribedJobHandler
{
    public string Type => "pppk.record-spmt";

    public JobDescription Description { get; } = new("Catat SPMT", "Menyimpan tanggal mulai bertugas (SPMT) pada kontrak; gaji dibayar mulai bulan itu.")
    {
        Inputs = [
            new("contractId", "Kontrak (id)", JobValueType.Number),
            new("spmtDate", "Tanggal SPMT", JobValueType.Date),
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var db = await context.DomainAsync(ct);
        var contract = await db.Contracts.FindAsync([context.Int("contractId")], ct);
        if (contract is null) return new JobResult.Failure($"No contract {context.Int("contractId")}.");
        contract.SpmtDate = context.Date("spmtDate");
        await db.SaveChangesAsync(ct);
        return new JobResult.Completed();
    });
}
