namespace Pppk.Workflow.Domain.Documents;

/// <summary>A document's date is the day in the region where it is set (Kukar: WITA), not the server's UTC day.</summary>
public static class DocumentDates
{
    private static readonly TimeZoneInfo Wita = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Wita).DateTime);
}
