using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Selection;

/// <summary>
/// <c>pppk.close-appeal-window</c>: the appeal window of a TMS applicant ended without an appeal, so the TMS is final
/// and no longer holds back the formation's ranking.
/// </summary>
public sealed class CloseAppealWindowHandler : IDescribedJobHandler
{
    public string Type => "pppk.close-appeal-window";

    public JobDescription Description { get; } = new("Tutup masa sanggah", "Masa sanggah pelamar TMS habis tanpa sanggah: hasil TMS menjadi final.")
    {
        Inputs = [
            new("registrationNumber", "Nomor peserta", JobValueType.Text),
        ],
        Outputs = [
            new("ineligibleFinal", "TMS final"),
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var db = await context.DomainAsync(ct);
        var applicant = await db.ApplicantAsync(context, ct);
        var pending = await db.Appeals.AnyAsync(p => p.ApplicantId == applicant.Id && p.Accepted == null, ct);
        if (applicant.AdminVerdict == "TMS" && !pending && applicant.FinalIneligibleAt is null)
        {
            applicant.FinalIneligibleAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(ct);
        }
        return new JobResult.Completed(new JsonObject { ["ineligibleFinal"] = applicant.FinalIneligibleAt is not null });
    });
}
