using Pppk.Workflow.Notifications.Templates;

namespace Pppk.Workflow.Notifications.Tests.Templates;

public sealed class IndonesianFormatTests
{
    private static readonly TimeZoneInfo Wita = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");

    [Theory]
    [InlineData(4_500_000, "Rp 4.500.000")]
    [InlineData(0, "Rp 0")]
    [InlineData(999, "Rp 999")]
    [InlineData(1000, "Rp 1.000")]
    [InlineData(1_234_567_890, "Rp 1.234.567.890")]
    [InlineData(2500.5, "Rp 2.501")]
    [InlineData(-75000, "-Rp 75.000")]
    public void Rupiah_groups_thousands_with_dots_and_rounds_to_whole_rupiah(decimal amount, string expected) =>
        Assert.Equal(expected, IndonesianFormat.Rupiah(amount));

    [Theory]
    [InlineData(2025, 6, 2, "Senin, 2 Juni 2025")]
    [InlineData(2025, 8, 17, "Minggu, 17 Agustus 2025")]
    [InlineData(2026, 1, 1, "Kamis, 1 Januari 2026")]
    [InlineData(2024, 12, 31, "Selasa, 31 Desember 2024")]
    public void Dates_have_the_Indonesian_day_and_month_names(int y, int m, int d, string expected) =>
        Assert.Equal(expected, IndonesianFormat.Date(new DateOnly(y, m, d)));

    [Fact]
    public void An_instant_is_shown_in_WITA_with_a_dotted_time()
    {
        Assert.Equal("Senin, 2 Juni 2025 pukul 08.00 WITA", IndonesianFormat.DateTime(new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero), Wita));
        // 23:30 UTC on Sunday is already Monday morning in Makassar.
        Assert.Equal("Senin, 2 Juni 2025 pukul 07.30 WITA", IndonesianFormat.DateTime(new DateTimeOffset(2025, 6, 1, 23, 30, 0, TimeSpan.Zero), Wita));
        Assert.Equal("Senin, 2 Juni 2025 pukul 09.05 WITA", IndonesianFormat.DateTime(new DateTimeOffset(2025, 6, 2, 8, 5, 0, TimeSpan.FromHours(7)), Wita));
    }

    [Theory]
    [InlineData("Asia/Jakarta", "WIB")]
    [InlineData("Asia/Makassar", "WITA")]
    [InlineData("Asia/Jayapura", "WIT")]
    public void Indonesian_zones_have_their_abbreviations(string zone, string expected) =>
        Assert.Equal(expected, IndonesianFormat.ZoneAbbreviation(TimeZoneInfo.FindSystemTimeZoneById(zone)));
}
