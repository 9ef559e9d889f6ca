namespace Pppk.Workflow.Domain.PartTime;

/// <summary>A part-time contract's working hours and pay basis, checked against <see cref="PartTimeOptions"/> (defaults when not given).</summary>
public static class PartTimeTerms
{
    /// <returns>The hours and basis to record, or the reason they can't be.</returns>
    public static (int Hours, string PayBasis, string? Error) Check(PartTimeOptions options, int? weeklyHours, string? payBasis)
    {
        var hours = weeklyHours ?? options.DefaultWeeklyHours;
        var basis = string.IsNullOrWhiteSpace(payBasis) ? options.AcceptedPayBases[0] : payBasis;
        if (hours < 1 || hours > options.MaxWeeklyHours)
            return (hours, basis, $"weeklyHours of a part-time contract must be 1 to {options.MaxWeeklyHours}, not {hours}.");
        if (!options.AcceptedPayBases.Contains(basis))
            return (hours, basis, $"payBasis must be one of {string.Join(", ", options.AcceptedPayBases)}, not '{basis}'.");
        return (hours, basis, null);
    }
}
