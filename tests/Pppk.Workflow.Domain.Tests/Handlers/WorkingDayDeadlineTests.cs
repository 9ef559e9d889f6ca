using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Domain.Tests.Handlers;

/// <summary>Deadlines in working days over the holiday calendar the host loads from workflows/calendars.</summary>
public sealed class WorkingDayDeadlineTests
{
    private static readonly FeelEnvironment Environment = new(TimeProvider.System, calendar: WorkingCalendar.LoadFile(CalendarFile()));

    private static string Eval(string expression) => FeelExpression.Parse(expression).Evaluate(FeelScope.Empty, Environment).ToJson()!.ToString();

    [Fact]
    public void A_three_working_day_verification_deadline_skips_the_idul_fitri_holidays_and_cuti_bersama()
    {
        // Thursday 27 March 2025 + 3 working days: 28 Mar is cuti bersama Nyepi, 29-30 the weekend (29 Nyepi),
        // 31 Mar-1 Apr Idul Fitri, 2-4 and 7 Apr cuti bersama, 5-6 the weekend; 8, 9 and 10 April count.
        Assert.Equal("2025-04-10", Eval("""add working days(date("2025-03-27"), 3)"""));
    }

    [Fact]
    public void An_appeal_window_over_a_weekend_counts_only_working_days()
    {
        Assert.Equal("2024-11-05", Eval("""add working days(date("2024-11-01"), 2)"""));
        Assert.Equal(2m, decimal.Parse(Eval("""working days between(date("2024-11-01"), date("2024-11-05"))""")));
    }

    private static string CalendarFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pppk.Workflow.sln"))) return Path.Combine(dir.FullName, "workflows", "calendars", "id-national.json");
        throw new DirectoryNotFoundException("Repository root not found.");
    }
}
