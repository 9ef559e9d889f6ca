using System.Globalization;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>Dates and amounts as Indonesian letters write them: "2 Juni 2025", "Rp 4.500.000".</summary>
public static class IndonesianFormat
{
    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    public static string Date(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {Months[date.Month - 1]} {date.Year}");

    /// <summary>Whole rupiah with dots between thousands (the Indonesian grouping), no decimals: letters round to the rupiah.</summary>
    public static string Rupiah(decimal amount)
    {
        var whole = decimal.Round(amount, MidpointRounding.AwayFromZero);
        var digits = Math.Abs(whole).ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
        return (whole < 0 ? "-Rp " : "Rp ") + digits;
    }

    private static readonly NumberFormatInfo Grouping = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NumberGroupSizes = [3] };

    /// <summary>A number with Indonesian separators, at most two decimals: "1.712", "27,4".</summary>
    public static string Number(decimal value) => value.ToString("#,0.##", Grouping);

    /// <summary>A share in percent: "27,4%".</summary>
    public static string Percent(decimal value) => Number(value) + "%";

    /// <summary>A contract term as written in a perjanjian kerja: "1 (satu) tahun", "18 (delapan belas) bulan".</summary>
    public static string Term(int months) => months % 12 == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{months / 12} ({Terbilang.Of(months / 12)}) tahun")
        : string.Create(CultureInfo.InvariantCulture, $"{months} ({Terbilang.Of(months)}) bulan");

    private static readonly string[] Roman =
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"];

    /// <summary>A PPPK grade (golongan 1-17) as letters print it: "IX".</summary>
    public static string Grade(int grade) => grade is >= 1 and <= 17 ? Roman[grade - 1] : grade.ToString(CultureInfo.InvariantCulture);
}
