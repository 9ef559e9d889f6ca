using Pppk.Workflow.Domain.PartTime;

namespace Pppk.Workflow.Domain.Tests.Logic;

/// <summary>Who may be proposed as PPPK paruh waktu, and the terms of a part-time contract.</summary>
public sealed class PartTimeCandidateTests
{
    private static RankedApplicant A(int category, int rank, bool passed) => new("24-0001", category, rank, passed, RankedCount: 6, Quota: 2);

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    public void Only_database_honorer_of_categories_1_and_2_who_did_not_pass_are_candidates(int category, bool candidate)
    {
        Assert.Equal(candidate, PartTimeCandidates.IsCandidate(A(category, 4, passed: false)));
        Assert.False(PartTimeCandidates.IsCandidate(A(category, 1, passed: true)));
    }

    [Fact]
    public void The_reason_names_the_category_the_rank_and_the_quota()
    {
        Assert.Equal("Non-ASN terdata di pangkalan data BKN (kategori 2), peringkat 4 dari 6, tidak lulus (kuota 2)", PartTimeCandidates.Reason(A(2, 4, false)));
        Assert.StartsWith("Eks THK-II (kategori 1), peringkat 3 dari 6", PartTimeCandidates.Reason(A(1, 3, false)));
        Assert.Null(PartTimeCandidates.Reason(A(3, 3, false)));
        Assert.Null(PartTimeCandidates.Reason(A(2, 1, true)));
    }

    [Fact]
    public void Part_time_terms_default_from_the_options_and_are_checked_against_them()
    {
        var options = new PartTimeOptions { DefaultWeeklyHours = 20, MaxWeeklyHours = 30 };
        Assert.Equal((20, "upah-non-asn", (string?)null), PartTimeTerms.Check(options, null, null));
        Assert.Equal((24, "ump", (string?)null), PartTimeTerms.Check(options, 24, "ump"));
        Assert.Equal("weeklyHours of a part-time contract must be 1 to 30, not 31.", PartTimeTerms.Check(options, 31, "ump").Error);
        Assert.Equal("weeklyHours of a part-time contract must be 1 to 30, not 0.", PartTimeTerms.Check(options, 0, "ump").Error);
        Assert.Equal("payBasis must be one of upah-non-asn, ump, not 'gaji-pns'.", PartTimeTerms.Check(options, 20, "gaji-pns").Error);
    }

    [Fact]
    public void Configured_pay_bases_replace_the_regulations_two()
    {
        var options = new PartTimeOptions { PayBases = ["honorarium-daerah"] };
        Assert.Equal(["honorarium-daerah"], options.AcceptedPayBases);
        Assert.Equal("honorarium-daerah", PartTimeTerms.Check(options, null, null).PayBasis);
        Assert.NotNull(PartTimeTerms.Check(options, null, "ump").Error);
    }
}
