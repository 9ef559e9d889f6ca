namespace Pppk.Workflow.Engine.Tests.Feel;

public class FeelSmokeTests
{
    [Theory]
    [InlineData("1 + 2", "3")]
    [InlineData("score > 80 and fiscalOk", "true")]
    [InlineData("predicate in [\"Sangat Baik\", \"Baik\"]", "true")]
    [InlineData("date(\"2025-01-31\") + duration(\"P1M\")", "date(\"2025-02-28\")")]
    [InlineData("xs[item > 2]", "[3, 4, 5]")]
    [InlineData("employees[score > 80].name", "[\"Ani\", \"Citra\"]")]
    [InlineData("string length(name)", "11")]
    [InlineData("date and time(\"2026-01-05T08:00:00@Asia/Makassar\")", "date and time(\"2026-01-05T08:00:00@Asia/Makassar\")")]
    [InlineData("add working days(date(\"2025-03-27\"), 3)", "date(\"2025-04-10\")")]
    [InlineData("contract end", "\"2026-03-31\"")]
    [InlineData("for i in 1..3 return i * 2", "[2, 4, 6]")]
    [InlineData("x in (< 5, > 10)", "null")]
    [InlineData("today() < date(contractEnd) - duration(\"P30D\")", "true")]
    public void Evaluates(string expression, string expected) => Assert.Equal(expected, FeelTestHost.Render(expression));
}
