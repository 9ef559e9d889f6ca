using Pppk.Workflow.Domain.Documents;

namespace Pppk.Workflow.Domain.Fiscal;

public sealed record FiscalInputs(int Grade, int ServiceYears, decimal MonthlySalary, int TermYears, int SalaryMonthsPerYear, decimal AllowancePercent,
    string UnitCode, int FiscalYear, decimal UnitCeiling, decimal UnitCommitted, decimal RegionalBudget, decimal RegionalPersonnelSpending, decimal CapPercent);

public sealed record FiscalResult(decimal RenewalCost, decimal FirstYearCost, decimal UnitRemaining, decimal RegionalRatioPercent, bool UnitOk, bool CapOk, string Reason)
{
    public bool Passed => UnitOk && CapOk;
}

/// <summary>
/// The fiscal check of a renewal: the salary for the term (monthly salary x months paid a year x years, plus
/// allowances) against what the unit has left of its personnel ceiling this year, and the region's personnel spending
/// (with the first year of this renewal) against the cap (30% of the APBD by law; a setting).
/// </summary>
public static class FiscalCalculator
{
    public static FiscalResult Check(FiscalInputs i)
    {
        var yearly = RenewalCost.Yearly(i.MonthlySalary, i.SalaryMonthsPerYear, i.AllowancePercent);
        var cost = RenewalCost.ForTerm(i.MonthlySalary, i.SalaryMonthsPerYear, i.AllowancePercent, i.TermYears);
        var remaining = i.UnitCeiling - i.UnitCommitted;
        var unitOk = remaining >= yearly;
        var ratio = i.RegionalBudget <= 0 ? 100m : Math.Round((i.RegionalPersonnelSpending + yearly) / i.RegionalBudget * 100m, 2, MidpointRounding.AwayFromZero);
        var capOk = ratio <= i.CapPercent;
        // In words for the PPK and finance: rupiah and percent as Indonesian letters write them.
        var (rp, pct) = (IndonesianFormat.Rupiah(cost), IndonesianFormat.Percent(ratio));
        var (left, firstYear, cap) = (IndonesianFormat.Rupiah(remaining), IndonesianFormat.Rupiah(yearly), IndonesianFormat.Percent(i.CapPercent));
        var reason = (unitOk, capOk) switch
        {
            (true, true) => $"Anggaran cukup: biaya perpanjangan {rp}, sisa anggaran unit {left}; belanja pegawai {pct} (batas {cap})",
            (false, true) => $"Sisa anggaran unit {i.UnitCode} ({left}) tidak cukup untuk biaya tahun pertama {firstYear}; belanja pegawai {pct} (batas {cap})",
            (true, false) => $"Belanja pegawai daerah menjadi {pct} dari APBD, di atas batas {cap}; biaya perpanjangan {rp}, sisa anggaran unit {left}",
            _ => $"Sisa anggaran unit {i.UnitCode} ({left}) tidak cukup untuk biaya tahun pertama {firstYear} dan belanja pegawai daerah menjadi {pct} (batas {cap})",
        };
        return new FiscalResult(cost, yearly, remaining, ratio, unitOk, capOk, reason);
    }
}
