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
        var reason = (unitOk, capOk) switch
        {
            (true, true) => "Anggaran unit dan batas belanja pegawai daerah mencukupi",
            (false, true) => $"Sisa anggaran unit {i.UnitCode} (Rp {remaining:N0}) tidak cukup untuk biaya tahun pertama Rp {yearly:N0}",
            (true, false) => $"Belanja pegawai daerah menjadi {ratio}% dari APBD, di atas batas {i.CapPercent}%",
            _ => $"Sisa anggaran unit tidak cukup dan belanja pegawai daerah menjadi {ratio}% (batas {i.CapPercent}%)",
        };
        return new FiscalResult(cost, yearly, remaining, ratio, unitOk, capOk, reason);
    }
}
