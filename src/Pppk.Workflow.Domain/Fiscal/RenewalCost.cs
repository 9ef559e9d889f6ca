namespace Pppk.Workflow.Domain.Fiscal;

/// <summary>
/// What a renewal costs, one rule for the renewals screen and the fiscal check (<see cref="FiscalCalculator"/>): the
/// scale's salary at the years of service the new term starts with, a year's pay with allowances rounded to the rupiah,
/// times the term's years.
/// </summary>
public static class RenewalCost
{
    /// <summary>Years of service when the new term starts: the employee's years at the contract's start plus the contract's years.</summary>
    public static int ServiceYearsAtRenewal(int serviceYears, int contractYears) => serviceYears + contractYears;

    /// <summary>The scale's salary for the grade: the highest step at or below the years (the scale, loaded as data, ends at 33).</summary>
    public static IQueryable<decimal?> MonthlySalary(this IQueryable<SalaryScaleEntry> scale, int grade, int serviceYears) =>
        scale.Where(s => s.Grade == grade && s.ServiceYears <= serviceYears).OrderByDescending(s => s.ServiceYears).Select(s => (decimal?)s.MonthlySalary);

    /// <summary>A year's pay with allowances, rounded to the rupiah (half away from zero): the first year's cost.</summary>
    public static decimal Yearly(decimal monthlySalary, int salaryMonthsPerYear, decimal allowancePercent) =>
        Math.Round(monthlySalary * salaryMonthsPerYear * (1 + allowancePercent / 100m), 0, MidpointRounding.AwayFromZero);

    /// <summary>The cost of the whole term: the rounded year times its years.</summary>
    public static decimal ForTerm(decimal monthlySalary, int salaryMonthsPerYear, decimal allowancePercent, int termYears) =>
        Yearly(monthlySalary, salaryMonthsPerYear, allowancePercent) * termYears;
}
