namespace Pppk.Workflow.Domain.Fiscal;

/// <summary>A unit (OPD) of the region.</summary>
public sealed class Unit
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? HeadUserName { get; set; }
}

/// <summary>A unit's personnel-spending ceiling for a fiscal year; renewals are checked against what is left.</summary>
public sealed class UnitBudget
{
    public int Id { get; set; }
    public required string UnitCode { get; set; }
    public int FiscalYear { get; set; }
    public decimal PersonnelCeiling { get; set; }

    /// <summary>Already committed to current contracts in this year.</summary>
    public decimal Committed { get; set; }
}

/// <summary>The region's fiscal position for a year: APBD total, personnel spending, and the cap (30% by law, a setting).</summary>
public sealed class RegionalFiscalSetting
{
    public int FiscalYear { get; set; }
    public decimal BudgetTotal { get; set; }
    public decimal PersonnelSpending { get; set; }
    public decimal CapPercent { get; set; } = 30m;
}

/// <summary>Monthly base salary by grade (1-17) and years of service (Perpres 11/2024 table, loaded as data).</summary>
public sealed class SalaryScaleEntry
{
    public int Grade { get; set; }
    public int ServiceYears { get; set; }
    public decimal MonthlySalary { get; set; }
}

/// <summary>A fiscal check of a renewal, with every input, so the decision can be audited later.</summary>
public sealed class FiscalCheck
{
    public int Id { get; set; }
    public int ContractId { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
    public decimal RenewalCost { get; set; }
    public decimal UnitRemaining { get; set; }
    public decimal RegionalRatioPercent { get; set; }
    public bool Passed { get; set; }
    public required string Reason { get; set; }

    /// <summary>All inputs as JSON (grade, years, salary, allowances, term, ceiling, committed, APBD, cap).</summary>
    public required string Inputs { get; set; }
    public bool? OverriddenByFinance { get; set; }
    public string? OverrideReason { get; set; }
}

/// <summary>The last SK number used per year: numbering is gapless because the row is taken in the step's transaction.</summary>
public sealed class SkSequence
{
    public int Year { get; set; }
    public int Last { get; set; }
}
