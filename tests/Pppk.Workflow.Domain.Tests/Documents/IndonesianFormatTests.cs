using Pppk.Workflow.Domain.Documents;
using Xunit;

namespace Pppk.Workflow.Domain.Tests.Documents;

public sealed class IndonesianFormatTests
{
    [Theory]
    [InlineData(0, "nol")]
    [InlineData(1, "satu")]
    [InlineData(10, "sepuluh")]
    [InlineData(11, "sebelas")]
    [InlineData(12, "dua belas")]
    [InlineData(19, "sembilan belas")]
    [InlineData(20, "dua puluh")]
    [InlineData(21, "dua puluh satu")]
    [InlineData(99, "sembilan puluh sembilan")]
    [InlineData(100, "seratus")]
    [InlineData(101, "seratus satu")]
    [InlineData(111, "seratus sebelas")]
    [InlineData(200, "dua ratus")]
    [InlineData(999, "sembilan ratus sembilan puluh sembilan")]
    [InlineData(1_000, "seribu")]
    [InlineData(1_001, "seribu satu")]
    [InlineData(1_100, "seribu seratus")]
    [InlineData(2_000, "dua ribu")]
    [InlineData(11_000, "sebelas ribu")]
    [InlineData(100_000, "seratus ribu")]
    [InlineData(101_000, "seratus satu ribu")]
    [InlineData(999_999, "sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan")]
    [InlineData(1_000_000, "satu juta")]
    [InlineData(4_500_000, "empat juta lima ratus ribu")]
    [InlineData(12_345_678, "dua belas juta tiga ratus empat puluh lima ribu enam ratus tujuh puluh delapan")]
    [InlineData(100_000_000, "seratus juta")]
    [InlineData(1_000_000_000, "satu miliar")]
    [InlineData(1_000_001_000, "satu miliar seribu")]
    [InlineData(2_500_000_000_000, "dua triliun lima ratus miliar")]
    public void Numbers_are_written_in_Indonesian_words(long number, string words) => Assert.Equal(words, Terbilang.Of(number));

    [Fact]
    public void Negative_numbers_are_refused() => Assert.Throws<ArgumentOutOfRangeException>(() => Terbilang.Of(-1));

    [Fact]
    public void Rupiah_in_words_rounds_to_the_rupiah() =>
        Assert.Equal("empat juta lima ratus ribu satu rupiah", Terbilang.Rupiah(4_500_000.50m));

    [Theory]
    [InlineData(0, "Rp 0")]
    [InlineData(999, "Rp 999")]
    [InlineData(4_500_000, "Rp 4.500.000")]
    [InlineData(12_345_678, "Rp 12.345.678")]
    [InlineData(1_000_000_000, "Rp 1.000.000.000")]
    public void Rupiah_amounts_group_thousands_with_dots(long amount, string text) => Assert.Equal(text, IndonesianFormat.Rupiah(amount));

    [Theory]
    [InlineData(2025, 6, 2, "2 Juni 2025")]
    [InlineData(2025, 1, 31, "31 Januari 2025")]
    [InlineData(2024, 8, 17, "17 Agustus 2024")]
    [InlineData(2026, 12, 1, "1 Desember 2026")]
    public void Dates_use_Indonesian_month_names(int year, int month, int day, string text) =>
        Assert.Equal(text, IndonesianFormat.Date(new DateOnly(year, month, day)));

    [Theory]
    [InlineData(12, "1 (satu) tahun")]
    [InlineData(60, "5 (lima) tahun")]
    [InlineData(18, "18 (delapan belas) bulan")]
    public void Contract_terms_are_written_with_the_number_in_words(int months, string text) => Assert.Equal(text, IndonesianFormat.Term(months));
}
