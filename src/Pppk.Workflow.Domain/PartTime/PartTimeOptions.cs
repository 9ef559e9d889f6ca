namespace Pppk.Workflow.Domain.PartTime;

/// <summary><c>Pppk:PartTime</c>: part-time (paruh waktu) contracts have their own term, renewal lead time and fiscal rule.</summary>
public sealed class PartTimeOptions
{
    /// <summary>Term of a part-time contract and of its renewal, in years (1-5).</summary>
    public int TermYears { get; set; } = 1;

    /// <summary>Start the renewal of a part-time contract this long before it ends.</summary>
    public int RenewalLeadMonths { get; set; } = 3;

    /// <summary>Whether a part-time renewal goes through the fiscal check (passed to the renewal as <c>fiscalCheckRequired</c>).</summary>
    public bool FiscalCheck { get; set; } = true;

    /// <summary>Weekly working hours when the contract task gives none.</summary>
    public int DefaultWeeklyHours { get; set; } = 20;

    /// <summary>Most weekly hours a part-time contract may have (full time is 37.5).</summary>
    public int MaxWeeklyHours { get; set; } = 36;

    /// <summary>
    /// Accepted pay bases: <c>upah-non-asn</c> (at least the pay received as non-ASN) or <c>ump</c> (the regional minimum
    /// wage), as KepmenPANRB 16/2025 allows. The first is the default.
    /// </summary>
    public string[]? PayBases { get; set; }

    /// <summary>The configured pay bases, or the two of the regulation (the configuration binder would append to a default list).</summary>
    public IReadOnlyList<string> AcceptedPayBases => PayBases is { Length: > 0 } configured ? configured : ["upah-non-asn", "ump"];
}
