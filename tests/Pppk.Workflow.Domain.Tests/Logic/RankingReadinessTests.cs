using Pppk.Workflow.Domain.Selection;

namespace Pppk.Workflow.Domain.Tests.Logic;

/// <summary>The completeness rule of a formation's ranking (issue 14) and when a stored ranking is stale.</summary>
public sealed class RankingReadinessTests
{
    private static readonly DateTimeOffset Then = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static ApplicantRankingFacts Ms(string reg, int? tech = 300, RankingResult? ranked = null) =>
        new(reg.GetHashCode(), reg, reg, "MS", false, false, null, tech is { } t ? new CatScore { Technical = t, ManagerialSocioCultural = 140, Interview = 30 } : null, ranked);

    private static ApplicantRankingFacts Tms(string reg, bool final = false, bool appealPending = false) =>
        new(reg.GetHashCode(), reg, reg, "TMS", final, appealPending, Then.AddDays(3), null, null);

    private static RankingResult Row(int tech, int rank = 1) =>
        new() { Rank = rank, Passed = true, RankedAt = Then, Technical = tech, ManagerialSocioCultural = 140, Interview = 30 };

    [Fact]
    public void Eligible_applicants_with_scores_and_final_ineligible_ones_make_a_complete_formation()
    {
        List<ApplicantRankingFacts> formation = [Ms("a"), Ms("b"), Tms("c", final: true)];
        Assert.True(RankingReadiness.Complete(formation));
        Assert.True(RankingReadiness.ShouldRank(formation));
    }

    [Fact]
    public void A_pending_appeal_holds_the_ranking_back()
    {
        var appellant = Tms("c", appealPending: true);
        Assert.Equal(RankingWait.AppealPending, RankingReadiness.WaitingFor(appellant));
        Assert.False(RankingReadiness.Complete([Ms("a"), Ms("b"), appellant]));
    }

    [Fact]
    public void An_open_appeal_window_holds_the_ranking_back()
    {
        var tms = Tms("c");
        Assert.Equal(RankingWait.AppealWindow, RankingReadiness.WaitingFor(tms));
        Assert.False(RankingReadiness.Complete([Ms("a"), tms]));
    }

    [Fact]
    public void Missing_scores_and_missing_verification_hold_the_ranking_back()
    {
        var unscored = Ms("b", tech: null);
        var unverified = new ApplicantRankingFacts(9, "d", "d", null, false, false, null, null, null);
        Assert.Equal(RankingWait.Scores, RankingReadiness.WaitingFor(unscored));
        Assert.Equal(RankingWait.Verification, RankingReadiness.WaitingFor(unverified));
        Assert.False(RankingReadiness.Complete([Ms("a"), unscored]));
        Assert.False(RankingReadiness.Complete([Ms("a"), unverified]));
    }

    [Fact]
    public void A_formation_of_final_ineligibles_only_is_not_ranked()
    {
        Assert.False(RankingReadiness.Complete([Tms("a", final: true), Tms("b", final: true)]));
    }

    [Fact]
    public void A_formation_ranked_on_the_current_scores_is_not_ranked_again()
    {
        List<ApplicantRankingFacts> formation = [Ms("a", 300, Row(300, 1)), Ms("b", 310, Row(310, 2)), Tms("c", final: true)];
        Assert.True(RankingReadiness.Complete(formation));
        Assert.False(RankingReadiness.Stale(formation));
        Assert.False(RankingReadiness.ShouldRank(formation));
    }

    [Fact]
    public void A_late_accepted_appellant_with_scores_makes_the_ranking_stale()
    {
        // The appeal was accepted after the ranking: the appellant is MS with scores but has no row.
        List<ApplicantRankingFacts> formation = [Ms("a", 300, Row(300, 1)), Ms("b", 310, Row(310, 2)), Ms("c", 320)];
        Assert.True(RankingReadiness.Stale(formation));
        Assert.True(RankingReadiness.ShouldRank(formation));
    }

    [Fact]
    public void A_corrected_score_makes_the_ranking_stale()
    {
        List<ApplicantRankingFacts> formation = [Ms("a", 305, Row(300, 1)), Ms("b", 310, Row(310, 2))];
        Assert.True(RankingReadiness.ShouldRank(formation));
    }

    [Fact]
    public void A_stale_ranking_waits_while_someone_can_still_change_it()
    {
        // Accepted after the ranking, scores not in yet: the old ranking stands until they are.
        List<ApplicantRankingFacts> formation = [Ms("a", 300, Row(300, 1)), Ms("c", tech: null)];
        Assert.False(RankingReadiness.ShouldRank(formation));
    }

    [Fact]
    public void The_state_key_changes_with_the_eligible_scores_and_with_each_ranking()
    {
        List<ApplicantRankingFacts> first = [Ms("a", 300), Ms("b", 310)];
        Assert.Equal(RankingReadiness.StateKey(first), RankingReadiness.StateKey([Ms("b", 310), Ms("a", 300), Tms("c", final: true)]));
        Assert.NotEqual(RankingReadiness.StateKey(first), RankingReadiness.StateKey([Ms("a", 301), Ms("b", 310)]));
        // The same scores again after a ranking (corrected, then corrected back) is a new state.
        Assert.NotEqual(RankingReadiness.StateKey(first), RankingReadiness.StateKey([Ms("a", 300, Row(301)), Ms("b", 310, Row(310, 2))]));
    }
}
