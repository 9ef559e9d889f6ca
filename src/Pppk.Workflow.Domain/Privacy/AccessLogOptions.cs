namespace Pppk.Workflow.Domain.Privacy;

/// <summary>The <c>AccessLog</c> section: how long reads of personal data stay recorded.</summary>
public sealed class AccessLogOptions
{
    public const string Section = "AccessLog";

    /// <summary>
    /// Rows older than this are pruned daily. UU 27/2022 sets no period; two years covers the current and the previous
    /// year's contract evaluations and renewals and the annual audit of the previous year. Agency policy may choose otherwise.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(730);

    public bool IsValid => Retention >= TimeSpan.FromDays(1);

    public const string Invalid = "AccessLog:Retention must be at least one day (e.g. \"730.00:00:00\" for two years).";
}
