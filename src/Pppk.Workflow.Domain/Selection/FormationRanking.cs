namespace Pppk.Workflow.Domain.Selection;

/// <summary>One applicant as the ranking sees them.</summary>
public sealed record RankingCandidate(int ApplicantId, string RegistrationNumber, int PriorityCategory, DateOnly BirthDate,
    int Technical, int ManagerialSocioCultural, int Interview)
{
    public int Total => Technical + ManagerialSocioCultural + Interview;
}

public sealed record RankedCandidate(RankingCandidate Candidate, int Rank, bool Passed, string Reason);

/// <summary>
/// The final ranking of a formation: by priority category, then total score; ties broken by higher
/// technical, then higher managerial + socio-cultural, then higher interview, then the older applicant. An applicant
/// below the round's thresholds (the <c>ambang-batas-seleksi</c> table's verdict, given as <paramref name="belowThreshold"/>:
/// the reason, or null when met) can't pass (still ranked, for transparency). The top <c>quota</c> of the others pass.
/// </summary>
public static class FormationRanking
{
    public static IReadOnlyList<RankedCandidate> Rank(IEnumerable<RankingCandidate> candidates, int quota, Func<RankingCandidate, string?>? belowThreshold)
    {
        var ordered = candidates
            .OrderBy(c => c.PriorityCategory)
            .ThenByDescending(c => c.Total)
            .ThenByDescending(c => c.Technical)
            .ThenByDescending(c => c.ManagerialSocioCultural)
            .ThenByDescending(c => c.Interview)
            .ThenBy(c => c.BirthDate)
            .ThenBy(c => c.RegistrationNumber, StringComparer.Ordinal) // only for a stable order of true twins
            .ToList();

        var result = new List<RankedCandidate>(ordered.Count);
        var passed = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var c = ordered[i];
            var below = belowThreshold?.Invoke(c);
            string reason;
            bool pass;
            if (below is not null) (pass, reason) = (false, below);
            else if (passed < quota) (pass, reason) = (true, $"Peringkat {i + 1} dari kuota {quota}");
            else (pass, reason) = (false, $"Di luar kuota {quota}");
            if (pass) passed++;
            result.Add(new RankedCandidate(c, i + 1, pass, reason));
        }
        return result;
    }
}
