using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Selection;

/// <summary>
/// <c>pppk.record-appeal-submitted</c>: stores an appeal (sanggah) as it arrives, unanswered: while it is pending the
/// applicant's formation is not ranked, and hr-admin sees what the ranking waits for.
/// </summary>
public sealed class RecordAppealSubmittedHandler : IDescribedJobHandler
{
    public string Type => "pppk.record-appeal-submitted";

    public JobDescription Description { get; } = new("Catat sanggah masuk", "Menyimpan sanggah pelamar yang baru masuk; selama belum dijawab formasinya belum diperingkat.")
    {
        Inputs = [
            new("registrationNumber", "Nomor peserta", JobValueType.Text),
            new("appealReason", "Alasan sanggah", JobValueType.Text, Required: false),
        ],
        Outputs = [
            new("appealPending", "Sanggah menunggu"),
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var db = await context.DomainAsync(ct);
        var applicant = await db.ApplicantAsync(context, ct);
        var reason = context.OptionalString("appealReason") ?? "-";
        var pending = await db.Appeals.FirstOrDefaultAsync(p => p.ApplicantId == applicant.Id && p.Accepted == null, ct);
        if (pending is null)
            db.Appeals.Add(new Domain.Selection.Appeal { ApplicantId = applicant.Id, Reason = reason, SubmittedAt = DateTimeOffset.UtcNow });
        else
            pending.Reason = reason;
        applicant.Status = "appeal";
        await db.SaveChangesAsync(ct);
        return new JobResult.Completed(new JsonObject { ["appealPending"] = true });
    });
}
