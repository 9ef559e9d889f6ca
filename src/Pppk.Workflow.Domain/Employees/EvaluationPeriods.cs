namespace Pppk.Workflow.Domain.Employees;

/// <summary>The evaluation periods (Q1..Q4 quarterly monitoring, <c>annual</c>) and the dates each covers.</summary>
public static class EvaluationPeriods
{
    public const string Annual = "annual";

    public static readonly IReadOnlyList<string> All = ["Q1", "Q2", "Q3", "Q4", Annual];

    public static bool IsKnown(string period) => All.Contains(period);

    /// <summary>The first and last day of the period in <paramref name="year"/>.</summary>
    public static (DateOnly Start, DateOnly End) Range(int year, string period)
    {
        if (period == Annual) return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var quarter = period[1] - '0';
        var start = new DateOnly(year, 3 * quarter - 2, 1);
        return (start, start.AddMonths(3).AddDays(-1));
    }
}
