using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Selection;

/// <summary><c>pppk.record-appeal</c>: stores the answer to an appeal (sanggah): accepted turns TMS into MS, rejected makes the TMS final.</summary>
public sealed class RecordAppealHandler : IDescribedJobHandler
{
    public string Type => "pppk.record-appeal";

    public JobDescription Description { get; } = new("Catat jawaban sanggah", "Menyimpan jawaban atas sanggah pelamar; sanggah yang diterima mengubah hasil menjadi MS.")
    {
        Inputs = [
            new("registrationNumber", "Nomor peserta", JobValueType.Text),
            new("appealAccepted", "Sanggah diterima", JobValueType.Boolean, Required: false),
            new("appealReason", "Alasan sanggah", JobValueType.Text, Required: false),
            new("appealAnswer", "Jawaban", JobValueType.Text, Required: false),
            new("answeredBy", "Dijawab oleh", JobValueType.Text, Required: false),
        ],
        Outputs = [
            new("adminVerdict", "Hasil verifikasi (MS/TMS)"),
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var accepted = context.Variables["appealAccepted"]?.GetValue<bool>() ?? false;
        var db = await context.DomainAsync(ct);
        var applicant = await db.ApplicantAsync(context, ct);
        // The appeal stored when it arrived (pppk.record-appeal-submitted); instances from before that step store it now.
        var appeal = await db.Appeals.Where(p => p.ApplicantId == applicant.Id && p.Accepted == null).OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (appeal is null)
        {
            appeal = new Domain.Selection.Appeal { ApplicantId = applicant.Id, Reason = context.OptionalString("appealReason") ?? "-", SubmittedAt = DateTimeOffset.UtcNow };
            db.Appeals.Add(appeal);
        }
        appeal.Accepted = accepted;
        appeal.Answer = context.OptionalString("appealAnswer");
        appeal.AnsweredBy = context.OptionalString("answeredBy");
        appeal.AnsweredAt = DateTimeOffset.UtcNow;
        if (accepted)
        {
            applicant.AdminVerdict = "MS";
            applicant.Status = "ms";
            applicant.FinalIneligibleAt = null;
        }
        else
        {
            // Rejected: the TMS is final, and the formation's ranking no longer waits for this applicant.
            applicant.Status = "tms";
            applicant.FinalIneligibleAt ??= DateTimeOffset.UtcNow;
        }
        await db.SaveChangesAsync(ct);
        return new JobResult.Completed(new JsonObject { ["adminVerdict"] = applicant.AdminVerdict });
    });
}
