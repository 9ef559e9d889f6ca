using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Selection;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Selection;

/// <summary>
/// <c>pppk.rank-formation</c>: ranks the eligible (MS) applicants of a formation with their CAT scores (see
/// <see cref="FormationRanking"/>), records each result, marks applicants passed or not. Fails while scores are missing.
/// </summary>
public sealed class RankFormationHandler : IJobHandler
{
    public string Type => "pppk.rank-formation";
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var code = context.String("formationCode");
        await using var db = await context.DomainAsync(ct);
        var formation = await db.Formations.SingleOrDefaultAsync(f => f.Code == code, ct);
        if (formation is null) return new JobResult.Failure($"No formation with code {code}.");
        var threshold = await db.Thresholds.SingleOrDefaultAsync(t => t.RoundId == formation.RoundId && t.PositionType == formation.Type, ct);
        var rows = await (from a in db.Applicants
                          where a.FormationCode == code && a.AdminVerdict == "MS"
                          join s in db.Scores on a.Id equals s.ApplicantId into scores
                          from s in scores.DefaultIfEmpty()
                          select new { a, s }).ToListAsync(ct);
        var missing = rows.Where(r => r.s is null).Select(r => r.a.RegistrationNumber).ToList();
        if (missing.Count > 0)
            return new JobResult.Failure($"Formation {code} can't be ranked yet: no CAT scores for {missing.Count} applicant(s) ({string.Join(", ", missing.Take(5))}).");

        var ranked = FormationRanking.Rank(rows.Select(r => new RankingCandidate(r.a.Id, r.a.RegistrationNumber, r.a.PriorityCategory, r.a.BirthDate,
            r.s!.Technical, r.s.ManagerialSocioCultural, r.s.Interview)), formation.Quota, threshold);

        var ids = rows.Select(r => r.a.Id).ToList();
        await db.Rankings.Where(r => ids.Contains(r.ApplicantId)).ExecuteDeleteAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var byId = rows.ToDictionary(r => r.a.Id, r => r.a);
        var results = new JsonArray();
        foreach (var r in ranked)
        {
            db.Rankings.Add(new RankingResult { FormationId = formation.Id, ApplicantId = r.Candidate.ApplicantId, Rank = r.Rank, Passed = r.Passed, Reason = r.Reason, RankedAt = now });
            byId[r.Candidate.ApplicantId].Status = r.Passed ? "passed" : "not-passed";
            results.Add(new JsonObject
            {
                ["registrationNumber"] = r.Candidate.RegistrationNumber, ["rank"] = r.Rank, ["passed"] = r.Passed, ["reason"] = r.Reason, ["total"] = r.Candidate.Total,
            });
        }
        await db.SaveChangesAsync(ct);
        return new JobResult.Completed(new JsonObject
        {
            ["unitCode"] = formation.UnitCode, ["rankedCount"] = ranked.Count, ["passedCount"] = ranked.Count(r => r.Passed), ["quota"] = formation.Quota, ["rankingResults"] = results,
        });
    });
}
