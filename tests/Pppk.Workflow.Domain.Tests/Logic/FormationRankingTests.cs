using Pppk.Workflow.Domain.Selection;

namespace Pppk.Workflow.Domain.Tests.Logic;

public sealed class FormationRankingTests
{
    private static RankingCandidate C(string reg, int priority, int tech, int ms, int interview, string birth = "1990-01-01") =>
        new(reg.GetHashCode(), reg, priority, DateOnly.Parse(birth), tech, ms, interview);

    private static string[] Order(IEnumerable<RankedCandidate> ranked) => [.. ranked.OrderBy(r => r.Rank).Select(r => r.Candidate.RegistrationNumber)];

    [Fact]
    public void Priority_category_comes_before_a_higher_total()
    {
        var ranked = FormationRanking.Rank([C("umum", 4, 450, 180, 40), C("thk2", 1, 200, 100, 20)], quota: 1, belowThreshold: null);
        Assert.Equal(["thk2", "umum"], Order(ranked));
        Assert.True(ranked.Single(r => r.Candidate.RegistrationNumber == "thk2").Passed);
    }

    [Fact]
    public void Within_a_category_the_higher_total_wins()
    {
        var ranked = FormationRanking.Rank([C("a", 2, 300, 120, 30), C("b", 2, 310, 120, 30)], 1, null);
        Assert.Equal(["b", "a"], Order(ranked));
    }

    [Fact]
    public void Equal_totals_are_decided_by_technical_first()
    {
        // Both 460 in total.
        var ranked = FormationRanking.Rank([C("a", 3, 300, 130, 30), C("b", 3, 310, 120, 30)], 1, null);
        Assert.Equal(["b", "a"], Order(ranked));
    }

    [Fact]
    public void Equal_totals_and_technical_are_decided_by_managerial_and_socio_cultural()
    {
        var ranked = FormationRanking.Rank([C("a", 3, 300, 120, 40), C("b", 3, 300, 130, 30)], 1, null);
        Assert.Equal(["b", "a"], Order(ranked));
    }

    [Fact]
    public void Interview_never_has_to_decide_because_equal_total_technical_and_managerial_mean_equal_interview()
    {
        // The interview tie-breaker is kept in the order as the rule states it, but arithmetic makes it moot: the
        // total is the sum of the three, so once two of them and the total are equal the third is too.
        var a = C("a", 3, 300, 120, 31);
        var b = C("b", 3, 301, 120, 30);
        Assert.Equal(a.Total, b.Total);
        Assert.Equal(["b", "a"], Order(FormationRanking.Rank([a, b], 1, null))); // technical decided
    }

    [Fact]
    public void When_everything_else_is_equal_the_older_applicant_wins()
    {
        var ranked = FormationRanking.Rank([C("muda", 2, 300, 120, 30, "1995-05-05"), C("tua", 2, 300, 120, 30, "1980-01-01")], 1, null);
        Assert.Equal(["tua", "muda"], Order(ranked));
        Assert.False(ranked.Single(r => r.Candidate.RegistrationNumber == "muda").Passed);
    }

    [Fact]
    public void The_top_quota_pass_and_the_rest_are_told_why()
    {
        var ranked = FormationRanking.Rank([C("a", 4, 400, 150, 35), C("b", 4, 350, 150, 35), C("c", 4, 300, 150, 35)], 2, null);
        Assert.Equal([true, true, false], ranked.OrderBy(r => r.Rank).Select(r => r.Passed));
        Assert.Contains("kuota 2", ranked.Single(r => r.Rank == 3).Reason);
    }

    [Fact]
    public void With_thresholds_on_an_applicant_below_one_cannot_pass_and_the_next_one_takes_the_place()
    {
        // The table's verdict (ambang-batas-seleksi): below for the first, met for the second.
        var ranked = FormationRanking.Rank([C("tinggi_tapi_wawancara_kurang", 1, 440, 170, 20), C("cukup", 4, 250, 117, 24)], 1,
            c => c.Interview < 24 ? $"Nilai wawancara {c.Interview} di bawah ambang batas 24" : null);
        var first = ranked.Single(r => r.Rank == 1);
        Assert.Equal("tinggi_tapi_wawancara_kurang", first.Candidate.RegistrationNumber);
        Assert.False(first.Passed);
        Assert.Contains("wawancara", first.Reason);
        Assert.True(ranked.Single(r => r.Rank == 2).Passed);
    }

    [Fact]
    public void With_thresholds_off_rank_alone_decides()
    {
        var ranked = FormationRanking.Rank([C("a", 1, 440, 100, 10), C("b", 4, 250, 117, 24)], 1, _ => null);
        Assert.True(ranked.Single(r => r.Candidate.RegistrationNumber == "a").Passed);
    }

    [Fact]
    public void An_empty_formation_ranks_nobody()
    {
        Assert.Empty(FormationRanking.Rank([], 3, null));
    }
}
