namespace Pppk.Workflow.Domain;

/// <summary>The <c>Pppk</c> section: every rule that changes by year or region.</summary>
public sealed class PppkOptions
{
    public const string Section = "Pppk";

    /// <summary>SK number pattern: <c>{seq}</c> (zero-padded to <see cref="SkSequenceDigits"/>), <c>{year}</c>, <c>{month}</c>, <c>{kind}</c>.</summary>
    public string SkNumberPattern { get; set; } = "800.1.2.2/{seq}/{kind}/BKPSDM/{year}";

    public int SkSequenceDigits { get; set; } = 4;

    /// <summary>Start the renewal review this long before a contract ends.</summary>
    public int RenewalLeadMonths { get; set; } = 6;

    /// <summary>Default renewal term in years (1-5). Kukar uses 1.</summary>
    public int DefaultTermYears { get; set; } = 1;

    /// <summary>Allowances on top of the base salary for the renewal cost, in percent of it.</summary>
    public decimal AllowancePercent { get; set; } = 20m;

    /// <summary>Salary months paid per year (12 plus the 13th and holiday pay).</summary>
    public int SalaryMonthsPerYear { get; set; } = 14;

    /// <summary>Who signs SKs (shown on the SK): the Bupati or the Sekda acting for them.</summary>
    public string SkSigner { get; set; } = "Bupati Kutai Kartanegara";

    /// <summary>The <c>Pppk:PartTime</c> section: the rules of part-time (paruh waktu) contracts.</summary>
    public PartTime.PartTimeOptions PartTime { get; set; } = new();
}
