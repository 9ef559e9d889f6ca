using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Selection;

/// <summary><c>pppk.record-verdict</c>: stores the verifier's MS/TMS verdict (and reason) on the applicant.</summary>
public sealed class RecordVerdictHandler : IDescribedJobHandler
{
    public string Type => "pppk.record-verdict";

    public JobDescription Description { get; } = new("Catat hasil verifikasi", "Menyimpan hasil verifikasi administrasi pelamar (MS/TMS) beserta alasannya.")
    {
        Inputs = [
            new("registrationNumber", "Nomor peserta", JobValueType.Text),
            new("verdict", "Hasil (MS atau TMS)", JobValueType.Text),
            new("verdictReason", "Alasan TMS", JobValueType.Text, Required: false),
            new("verifiedBy", "Verifikator", JobValueType.Text, Required: false),
            new("appealWindow", "Masa sanggah (mis. P3D)", JobValueType.Text, Required: false),
        ],
        Outputs = [
            new("adminVerdict", "Hasil verifikasi (MS/TMS)"),
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var verdict = context.String("verdict").ToUpperInvariant();
        if (verdict is not ("MS" or "TMS")) return new JobResult.Failure($"verdict must be MS or TMS, not '{verdict}'.");
        var db = await context.DomainAsync(ct);
        var applicant = await db.ApplicantAsync(context, ct);
        applicant.AdminVerdict = verdict;
        applicant.AdminReason = verdict == "TMS" ? context.OptionalString("verdictReason") : null;
        applicant.Status = verdict == "MS" ? "ms" : "tms";
        applicant.VerifiedBy = context.OptionalString("verifiedBy");
        applicant.VerifiedAt = DateTimeOffset.UtcNow;
        // The window the TMS notice announces (appealWindow, default P3D, as the workflow's timer); a new verdict reopens the question.
        applicant.AppealWindowEndsAt = verdict == "TMS" ? applicant.VerifiedAt + AppealWindow(context) : null;
        applicant.FinalIneligibleAt = null;
        await db.SaveChangesAsync(ct);
        return new JobResult.Completed(new JsonObject { ["adminVerdict"] = verdict });
    });

    private static TimeSpan AppealWindow(JobContext context)
    {
        var text = context.OptionalString("appealWindow");
        try
        {
            return text is null ? TimeSpan.FromDays(3) : System.Xml.XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            throw new HandlerInput.MissingInputException($"appealWindow must be an ISO 8601 duration such as P3D, not '{text}'.");
        }
    }
}
