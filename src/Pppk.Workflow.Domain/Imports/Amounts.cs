using System.Globalization;
using System.Text.RegularExpressions;

namespace Pppk.Workflow.Domain.Imports;

/// <summary>Rupiah amounts and percentages as an agency writes them in a file (Indonesian dots between thousands).</summary>
public static partial class Amounts
{
    /// <summary>The largest amount accepted: above any regional APBD (Rp 10 quadrillion).</summary>
    public const decimal MaxRupiah = 10_000_000_000_000_000m;

    public static decimal? ParseRupiah(string value)
    {
        var v = value.Trim();
        if (v.StartsWith("Rp", StringComparison.OrdinalIgnoreCase)) v = v[2..].TrimStart('.').Trim();
        if (!RupiahPattern().IsMatch(v)) return null;
        var amount = decimal.Parse(v.Replace(".", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture);
        return amount <= MaxRupiah ? amount : null;
    }

    public static decimal? ParsePercent(string value)
    {
        var v = value.Trim().TrimEnd('%').Trim().Replace(',', '.');
        if (!PercentPattern().IsMatch(v)) return null;
        var percent = decimal.Parse(v, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return percent <= 100 ? percent : null;
    }

    [GeneratedRegex(@"^([0-9]{1,3}(\.[0-9]{3})+|[0-9]{1,17})$")]
    private static partial Regex RupiahPattern();

    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]{1,2})?$")]
    private static partial Regex PercentPattern();
}
