using Pppk.Workflow.Domain.Fiscal;

namespace Pppk.Workflow.Domain.Tests.Logic;

/// <summary>The one rule of a renewal's cost, shared by the renewals screen and the fiscal check.</summary>
public sealed class RenewalCostTests
{
    [Fact]
    public void A_year_is_rounded_to_the_rupiah_before_it_is_multiplied_by_the_term()
    {
        // 1,000,001 x 13 x 1.125 = 14,625,014.625 -> 14,625,015 a year; 3 years = 43,875,045 (rounding the term's total gave 43,875,044).
        Assert.Equal(14_625_015m, RenewalCost.Yearly(1_000_001m, 13, 12.5m));
        Assert.Equal(43_875_045m, RenewalCost.ForTerm(1_000_001m, 13, 12.5m, 3));
    }

    [Fact]
    public void Half_a_rupiah_rounds_away_from_zero()
    {
        // 1,000,001 x 4 x 1.125 = 4,500,004.5: 4,500,005 (banker's rounding gave 4,500,004).
        Assert.Equal(4_500_005m, RenewalCost.Yearly(1_000_001m, 4, 12.5m));
    }

    [Fact]
    public void The_fiscal_check_costs_a_renewal_by_the_same_rule()
    {
        var inputs = new FiscalInputs(9, 4, 1_000_001m, 3, 4, 12.5m, "DISDIK", 2027, 1_000_000_000m, 0m, 5_000_000_000_000m, 0m, 30m);
        var r = FiscalCalculator.Check(inputs);
        Assert.Equal(RenewalCost.Yearly(1_000_001m, 4, 12.5m), r.FirstYearCost);
        Assert.Equal(RenewalCost.ForTerm(1_000_001m, 4, 12.5m, 3), r.RenewalCost);
    }

    [Fact]
    public void Years_at_renewal_are_not_capped_and_the_salary_is_the_scales_last_step_at_or_below_them()
    {
        Assert.Equal(35, RenewalCost.ServiceYearsAtRenewal(32, 3));
        var scale = new[] { Step(0, 3_000_000m), Step(2, 3_100_000m), Step(32, 4_900_000m), Step(33, 5_000_000m), new SalaryScaleEntry { Grade = 10, ServiceYears = 0, MonthlySalary = 9m } }.AsQueryable();
        Assert.Equal(5_000_000m, scale.MonthlySalary(9, 35).First());
        Assert.Equal(3_100_000m, scale.MonthlySalary(9, 3).First());
        Assert.Null(scale.MonthlySalary(11, 3).FirstOrDefault());
    }

    private static SalaryScaleEntry Step(int years, decimal salary) => new() { Grade = 9, ServiceYears = years, MonthlySalary = salary };
}
