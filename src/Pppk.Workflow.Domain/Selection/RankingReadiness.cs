using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pppk.Workflow.Domain.Selection;

/// <summary>What an applicant's place in the formation's ranking still waits for (<see cref="None"/>: nothing).</summary>
public enum RankingWait { None, Verification, AppealWindow, AppealPending, Scores }

/// <summary>An applicant as the completeness rule sees them: verdict, appeal state, scores, and the stored ranking row if any.</summary>
public sealed record ApplicantRankingFacts(int ApplicantId, string RegistrationNumber, string Name, string? AdminVerdict, bool FinalIneligible,
    bool AppealPending, DateTimeOffset? AppealWindowEndsAt, CatScore? Scores, RankingResult? Ranked);

/// <summary>
/// When a formation's ranking can be final (issue 14): every applicant is either eligible (MS) with scores or finally
/// ineligible (TMS with the appeal window closed and no appeal pending, or the appeal rejected). A ranking is stale
/// when the eligible set or its scores differ from what the stored rows were ranked with; complete and stale = (re)rank.
/// </summary>
public static class RankingReadiness
{
    public static RankingWait WaitingFor(ApplicantRankingFacts a) => a.AdminVerdict switch
    {
        "MS" => a.Scores is null ? RankingWait.Scores : RankingWait.None,
        "TMS" => a.FinalIneligible ? RankingWait.None : a.AppealPending ? RankingWait.AppealPending : RankingWait.AppealWindow,
        _ => RankingWait.Verification,
    };

    /// <summary>At least one eligible applicant, and nobody whose result can still change.</summary>
    public static bool Complete(IReadOnlyCollection<ApplicantRankingFacts> formation) =>
        formation.Any(a => a.AdminVerdict == "MS") && formation.All(a => WaitingFor(a) == RankingWait.None);

    public static IReadOnlyList<ApplicantRankingFacts> Eligible(IEnumerable<ApplicantRankingFacts> formation) =>
        formation.Where(a => a.AdminVerdict == "MS" && a.Scores is not null).ToList();

    /// <summary>No ranking yet, an eligible applicant without a row, a row ranked on other scores, or a row of someone no longer eligible.</summary>
    public static bool Stale(IReadOnlyCollection<ApplicantRankingFacts> formation) =>
        formation.Any(a => a.Ranked is not null && a.AdminVerdict != "MS")
        || Eligible(formation).Any(a => a.Ranked is not { } r || !SameScores(r, a.Scores!));

    public static bool ShouldRank(IReadOnlyCollection<ApplicantRankingFacts> formation) => Complete(formation) && Stale(formation);

    public static bool SameScores(RankingResult r, CatScore s) =>
        r.Technical == s.Technical && r.ManagerialSocioCultural == s.ManagerialSocioCultural && r.Interview == s.Interview;

    /// <summary>
    /// The same state gives the same key, so concurrent checks start one ranking (message id); the last ranking's time
    /// is part of it, so a state seen before (a score corrected and corrected back) ranks again.
    /// </summary>
    public static string StateKey(IReadOnlyCollection<ApplicantRankingFacts> formation)
    {
        var text = new StringBuilder();
        foreach (var a in Eligible(formation).OrderBy(a => a.RegistrationNumber, StringComparer.Ordinal))
            text.Append(CultureInfo.InvariantCulture, $"{a.RegistrationNumber}:{a.Scores!.Technical}:{a.Scores.ManagerialSocioCultural}:{a.Scores.Interview};");
        var last = formation.Select(a => a.Ranked?.RankedAt).Max();
        text.Append(CultureInfo.InvariantCulture, $"@{last?.ToUnixTimeMilliseconds() ?? 0}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>The wait as the API and incidents name it.</summary>
    public static string Code(RankingWait wait) => wait switch
    {
        RankingWait.Verification => "verification",
        RankingWait.AppealWindow => "appeal-window",
        RankingWait.AppealPending => "appeal-pending",
        RankingWait.Scores => "scores",
        _ => "none",
    };
}
