using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.SkIssuance;

/// <summary><c>pppk.propose-ni</c>: records that the NI PPPK was proposed to BKN; the NI itself arrives as the message <c>ni-terbit</c>.</summary>
public sealed class ProposeNiHandler : IDescribedJobHandler
{
    public string Type => "pppk.propose-ni";

    public JobDescription Description { get; } = new("Catat usul NI PPPK", "Mencatat bahwa NI PPPK sudah diusulkan ke BKN; NI-nya datang sebagai pesan ni-terbit.")
    {
        Inputs = [
            new("nik", "NIK", JobValueType.Text),
        ],
        Outputs = [
            new("niProposedAt", "Waktu usul NI"),
            new("niProposalFor", "NIK yang diusulkan"),
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(() =>
        Task.FromResult<JobResult>(new JobResult.Completed(new JsonObject { ["niProposedAt"] = DateTimeOffset.UtcNow.ToString("O"), ["niProposalFor"] = context.String("nik") })));
}
