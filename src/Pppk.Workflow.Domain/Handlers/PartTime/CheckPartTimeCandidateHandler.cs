using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.PartTime;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.PartTime;

/// <summary>
/// <c>pppk.part-time-candidate</c>: confirms from the recorded ranking that the applicant is a part-time candidate
/// (<see cref="PartTimeCandidates"/>) and gives the proposal its facts: formation, unit, position, category, rank, reason.
/// </summary>
public sealed class CheckPartTimeCandidateHandler : IDescribedJobHandler
{
    public string Type => "pppk.part-time-candidate";

    public JobDescription Description { get; } = new("Cek calon PPPK paruh waktu", "Memastikan dari hasil peringkat bahwa pelamar adalah calon paruh waktu dan mengambil datanya.")
    {
        Inputs = [
            new("registrationNumber", "Nomor peserta", JobValueType.Text),
        ],
        Outputs = [
            new("nik", "NIK"),
            new("name", "Nama"),
            new("email", "Email"),
            new("formationCode", "Kode formasi"),
            new("unitCode", "Kode unit"),
            new("position", "Jabatan"),
            new("priorityCategory", "Kategori prioritas"),
            new("rank", "Peringkat"),
            new("candidateReason", "Alasan"),
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var regNo = context.String("registrationNumber");
        var db = await context.DomainAsync(ct);
        if (!await db.Applicants.AnyAsync(a => a.RegistrationNumber == regNo, ct)) return new JobResult.Failure($"No applicant with registration number {regNo}.");
        var row = await PartTimeCandidateQuery.RankedApplicants(db).SingleOrDefaultAsync(r => r.RegistrationNumber == regNo, ct);
        if (row is null) return new JobResult.Failure($"Applicant {regNo} has no ranking result; rank the formation first.");
        if (PartTimeCandidates.Reason(row.Ranked) is not { } reason)
            return new JobResult.Failure($"Applicant {regNo} is not a part-time candidate: priority category {row.PriorityCategory}, {(row.Passed ? "passed" : "did not pass")} (only categories 1-2 who did not pass are).");
        return new JobResult.Completed(new JsonObject
        {
            ["nik"] = row.Nik, ["name"] = row.Name, ["email"] = row.Email, ["formationCode"] = row.FormationCode, ["unitCode"] = row.UnitCode, ["position"] = row.Position,
            ["priorityCategory"] = row.PriorityCategory, ["rank"] = row.Rank, ["candidateReason"] = reason,
        });
    });
}
