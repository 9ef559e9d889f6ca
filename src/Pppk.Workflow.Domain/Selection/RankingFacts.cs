using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;

namespace Pppk.Workflow.Domain.Selection;

/// <summary>Loads the completeness rule's facts of formations' applicants, by formation code.</summary>
public static class RankingFacts
{
    public static async Task<Dictionary<string, List<ApplicantRankingFacts>>> LoadAsync(PppkDbContext db, IReadOnlyCollection<string>? formationCodes, CancellationToken ct)
    {
        var applicants = db.Applicants.AsNoTracking();
        if (formationCodes is not null) applicants = applicants.Where(a => formationCodes.Contains(a.FormationCode));
        var rows = await (from a in applicants
                          join s in db.Scores.AsNoTracking() on a.Id equals s.ApplicantId into sj
                          from s in sj.DefaultIfEmpty()
                          join r in db.Rankings.AsNoTracking() on a.Id equals r.ApplicantId into rj
                          from r in rj.DefaultIfEmpty()
                          select new { a, s, r, Pending = db.Appeals.Any(p => p.ApplicantId == a.Id && p.Accepted == null) }).ToListAsync(ct);
        return rows.GroupBy(x => x.a.FormationCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g
            .Select(x => new ApplicantRankingFacts(x.a.Id, x.a.RegistrationNumber, x.a.Name, x.a.AdminVerdict, x.a.FinalIneligibleAt is not null,
                x.Pending, x.a.AppealWindowEndsAt, x.s, x.r))
            .OrderBy(x => x.RegistrationNumber, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }
}
