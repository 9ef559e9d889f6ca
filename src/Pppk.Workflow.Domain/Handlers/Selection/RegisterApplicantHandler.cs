using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Selection;

/// <summary>
/// <c>pppk.register-applicant</c>: the first step of an applicant's selection. Checks the formation applied for exists and
/// sets <c>unitCode</c> (the formation's unit) and <c>formationPosition</c>, so the case belongs to that unit from its start
/// (the process's <c>caseUnit</c> rule reads <c>unitCode</c>), and <c>roundYear</c>, the year its announcements carry.
/// </summary>
public sealed class RegisterApplicantHandler : IDescribedJobHandler
{
    public string Type => "pppk.register-applicant";

    public JobDescription Description { get; } = new("Daftarkan pelamar", "Langkah pertama seleksi: memeriksa formasi yang dilamar dan mengisi unit, jabatan dan tahun seleksi.")
    {
        Inputs = [
            new("formationCode", "Kode formasi", JobValueType.Text),
        ],
        Outputs = [
            new("unitCode", "Kode unit"),
            new("formationPosition", "Jabatan formasi"),
            new("roundYear", "Tahun seleksi"),
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var code = context.String("formationCode");
        var db = await context.DomainAsync(ct);
        var formation = await db.Formations.AsNoTracking().Where(f => f.Code == code)
            .Select(f => new { f.UnitCode, f.Position, RoundYear = db.Rounds.Where(r => r.Id == f.RoundId).Select(r => (int?)r.Year).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (formation is null) return new JobResult.Failure($"No formation with code {code}: check the applicant's formationCode.");
        return new JobResult.Completed(new JsonObject
        {
            ["unitCode"] = formation.UnitCode, ["formationPosition"] = formation.Position, ["roundYear"] = formation.RoundYear,
        });
    });
}
