using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Selection;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Selection;

/// <summary>
/// <c>pppk.formation-scores</c>: the eligible (MS) applicants of a complete formation with their CAT scores, the round's
/// year and the position type: what the <c>ambang-batas-seleksi</c> table judges per applicant before
/// <c>pppk.rank-formation</c> ranks them. Fails, naming who it waits for, while the formation is not complete.
/// </summary>
public sealed class FormationScoresHandler : IDescribedJobHandler
{
    public string Type => "pppk.formation-scores";

    public JobDescription Description { get; } = new("Ambil nilai pelamar formasi", "Mengambil nilai CAT setiap pelamar MS satu formasi, untuk diperiksa terhadap nilai ambang batas.")
    {
        Inputs = [
            new("formationCode", "Kode formasi", JobValueType.Text),
        ],
        Outputs = [
            new("applicantScores", "Nilai pelamar"),
            new("roundYear", "Tahun seleksi"),
            new("positionType", "Jenis jabatan"),
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var code = context.String("formationCode");
        var db = await context.DomainAsync(ct);
        var formation = await db.Formations.AsNoTracking().SingleOrDefaultAsync(f => f.Code == code, ct);
        if (formation is null) return new JobResult.Failure($"No formation with code {code}.");
        var facts = (await RankingFacts.LoadAsync(db, [code], ct)).GetValueOrDefault(code) ?? [];
        if (RankFormationHandler.NotReady(code, facts) is { } notReady) return new JobResult.Failure(notReady);
        var year = await db.Rounds.AsNoTracking().Where(r => r.Id == formation.RoundId).Select(r => r.Year).SingleAsync(ct);
        var type = formation.Type.ToString();
        return new JobResult.Completed(new JsonObject
        {
            ["roundYear"] = year, ["positionType"] = type,
            ["applicantScores"] = new JsonArray([.. RankingReadiness.Eligible(facts).Select(a => (JsonNode)new JsonObject
            {
                ["registrationNumber"] = a.RegistrationNumber, ["roundYear"] = year, ["positionType"] = type,
                ["technical"] = a.Scores!.Technical, ["managerialSocioCultural"] = a.Scores.ManagerialSocioCultural, ["interview"] = a.Scores.Interview,
            })]),
        });
    });
}
