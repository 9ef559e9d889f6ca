using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Tests.Feel;

/// <summary>Past the last year with holiday data a working-day function fails naming the year; it never counts weekends only.</summary>
public sealed class CalendarCoverageTests
{
    [Theory]
    [InlineData("add working days(date(\"2027-12-20\"), 10)")]
    [InlineData("add working days(date(\"2028-01-03\"), -1)")]
    [InlineData("working days between(date(\"2027-12-01\"), date(\"2028-01-10\"))")]
    [InlineData("working days between(date(\"2028-01-10\"), date(\"2027-12-01\"))")]
    [InlineData("is working day(date(\"2028-01-03\"))")]
    [InlineData("is working day(date(\"2028-01-03\"), \"kukar\")")]
    public void A_computation_reaching_2028_fails_naming_the_missing_year(string expression)
    {
        var error = Assert.Throws<FeelLimitException>(() => FeelTestHost.Render(expression));
        Assert.Equal("feel-calendar-year-missing", error.Code);
        Assert.StartsWith("kalender libur tahun 2028 belum diisi (data berakhir 2027-12-31)", error.Text.In(Language.Indonesian));
        Assert.Contains("2028", error.Message);
    }

    [Fact]
    public void The_last_days_with_data_still_count()
    {
        Assert.Equal("date(\"2027-12-31\")", FeelTestHost.Render("add working days(date(\"2027-12-30\"), 1)"));
        Assert.Equal("2", FeelTestHost.Render("working days between(date(\"2027-12-29\"), date(\"2027-12-31\"))"));
    }

    [Fact]
    public void Weekends_only_is_for_tools_and_checks_nothing() =>
        Assert.Equal("date(\"2031-01-06\")", FeelExpression.Parse("add working days(date(\"2031-01-03\"), 1)").Evaluate(FeelScope.Empty, FeelEnvironment.Default).ToString());

    [Fact]
    public void A_regional_holiday_closes_offices_only_where_the_region_is_named()
    {
        var calendar = new WorkingCalendar("test",
            [new Holiday(new DateOnly(2027, 9, 28), "Hari Jadi Kota Tenggarong", HolidayKind.Libur, "kukar", "Perbup contoh")],
            [new CalendarYear(2027, false, null)]);
        var environment = new FeelEnvironment(TimeProvider.System, calendar: calendar);
        string Eval(string e) => FeelExpression.Parse(e).Evaluate(FeelScope.Empty, environment).ToString();
        Assert.Equal("true", Eval("is working day(date(\"2027-09-28\"))"));
        Assert.Equal("false", Eval("is working day(date(\"2027-09-28\"), \"kukar\")"));
        Assert.Equal("false", Eval("is working day(date(\"2027-09-28\"), \"KUKAR\")"));
        Assert.Equal("true", Eval("is working day(date(\"2027-09-28\"), \"paser\")"));
        Assert.Equal("date(\"2027-09-29\")", Eval("add working days(date(\"2027-09-27\"), 1, \"kukar\")"));
        Assert.Equal("date(\"2027-09-28\")", Eval("add working days(date(\"2027-09-27\"), 1, null)"));
        Assert.Equal("0", Eval("working days between(date(\"2027-09-27\"), date(\"2027-09-28\"), \"kukar\")"));
        Assert.Equal("null", Eval("add working days(date(\"2027-09-27\"), 1, 5)"));
    }

    [Fact]
    public void A_swapped_calendar_answers_the_next_evaluation_of_the_same_expression()
    {
        var before = new WorkingCalendar("before", [], [new CalendarYear(2027, true, null)]);
        var environment = new FeelEnvironment(TimeProvider.System, calendar: before);
        var expression = FeelExpression.Parse("add working days(date(\"2027-03-08\"), 1)");
        Assert.Equal("date(\"2027-03-09\")", expression.Evaluate(FeelScope.Empty, environment).ToString());
        environment.UseCalendar(new WorkingCalendar("after", [new Holiday(new DateOnly(2027, 3, 9), "Nyepi", HolidayKind.Libur)], before.Years));
        Assert.Equal("date(\"2027-03-10\")", expression.Evaluate(FeelScope.Empty, environment).ToString());
    }

    [Fact]
    public void A_file_without_years_covers_the_years_of_its_national_holidays()
    {
        var calendar = WorkingCalendar.Load("""{"name":"x","source":"SKB","holidays":[{"date":"2026-01-01","name":"Tahun Baru"}]}""");
        Assert.Equal(new DateOnly(2026, 12, 31), calendar.LastDay);
        Assert.Equal("SKB", calendar.Years.Single().Source);
    }

    [Theory]
    [InlineData("{\"name\":\"x\",\"years\":[{\"year\":2027,\"status\":\"maybe\"}],\"holidays\":[]}", "status 'maybe'")]
    [InlineData("{\"name\":\"x\",\"years\":[{\"status\":\"confirmed\"}],\"holidays\":[]}", "no year")]
    public void A_bad_year_entry_is_named(string json, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => WorkingCalendar.Load(json)).Message);
}
