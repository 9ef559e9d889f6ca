using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Selection;

/// <summary><c>pppk.record-appeal</c>: stores an appeal (sanggah) and its answer; an accepted appeal turns TMS into MS.</summary>
public sealed class RecordAppealHandler : IJobHandler
{
    public string Type => "pppk.record-appeal";
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var regNo = context.String("registrationNumber");
        var accepted = context.Variables["appealAccepted"]?.GetValue<bool>() ?? false;
        await using var db = await context.DomainAsync(ct);
        var applicant = await db.Applicants.SingleOrDefaultAsync(a => a.RegistrationNumber == regNo, ct);
        if (applicant is null) return new JobResult.Failure($"No applicant with registration number {regNo}.");
        db.Appeals.Add(new Domain.Selection.Appeal
        {
            ApplicantId = applicant.Id, Reason = context.OptionalString("appealReason") ?? "-", SubmittedAt = DateTimeOffset.UtcNow,
            Accepted = accepted, Answer = context.OptionalString("appealAnswer"), AnsweredBy = context.OptionalString("answeredBy"), AnsweredAt = DateTimeOffset.UtcNow,
        });
        if (accepted)
        {
            applicant.AdminVerdict = "MS";
            applicant.Status = "ms";
        }
        await db.SaveChangesAsync(ct);
        return new JobResult.Completed(new JsonObject { ["adminVerdict"] = applicant.AdminVerdict });
    });
}
