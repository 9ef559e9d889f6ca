using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Selection;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Selection;

/// <summary>
/// <c>pppk.check-formation</c> (external, after the step commits): after an applicant's appeal is answered or their
/// appeal window closes, their formation may have become complete, or its ranking stale; starts the (re)ranking then
/// (<see cref="RankingTrigger"/>, idempotent by the formation's state).
/// </summary>
public sealed class CheckFormationHandler(IServiceScopeFactory scopes) : IDescribedJobHandler
{
    public string Type => "pppk.check-formation";

    public JobDescription Description { get; } = new("Periksa kelengkapan formasi", "Setelah sanggah dijawab atau masa sanggah habis, memulai penyusunan peringkat formasi bila sudah lengkap.")
    {
        Inputs = [
            new("registrationNumber", "Nomor peserta", JobValueType.Text),
        ],
        Outputs = [
            new("formationRankingRequested", "Peringkat diminta"),
        ],
    };
    public bool Inline => false;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var regNo = context.String("registrationNumber");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PppkDbContext>();
        var code = await db.Applicants.AsNoTracking().Where(a => a.RegistrationNumber == regNo).Select(a => a.FormationCode).SingleOrDefaultAsync(ct);
        if (code is null) return new JobResult.Failure($"No applicant with registration number {regNo}.");
        var started = await scope.ServiceProvider.GetRequiredService<RankingTrigger>().PublishReadyAsync([code], ct);
        return new JobResult.Completed(new JsonObject { ["formationRankingRequested"] = started.Count > 0 });
    });
}
