using Pppk.Workflow.Domain.Employees;

namespace Pppk.Workflow.Domain.Tests.Logic;

public sealed class SkNumberingTests
{
    [Theory]
    [InlineData("800.1.2.2/{seq}/{kind}/BKPSDM/{year}", 7, 4, "2026-03-15", "pengangkatan", "800.1.2.2/0007/PGK/BKPSDM/2026")]
    [InlineData("{seq}/BKPSDM-PPPK/{month}/{year}", 123, 3, "2026-11-01", "perpanjangan", "123/BKPSDM-PPPK/XI/2026")]
    [InlineData("SK-{year}-{seq}", 12345, 4, "2025-01-31", "pengangkatan", "SK-2025-12345")]
    public void Numbers_follow_the_configured_pattern(string pattern, int seq, int digits, string date, string kind, string expected) =>
        Assert.Equal(expected, SkNumbering.Format(pattern, seq, digits, DateOnly.Parse(date), kind));
}
