using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Tests.Feel;

/// <summary>
/// Shared fixture: a fixed clock (Monday 2026-01-05 10:00 WITA = 02:00Z), the real national holiday calendar
/// from workflows/calendars, and a set of HR-like variables.
/// </summary>
internal static class FeelTestHost
{
    public static readonly DateTimeOffset FixedNow = new(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);

    public static readonly WorkingCalendar NationalCalendar =
        WorkingCalendar.LoadFile(Path.Combine(RepositoryRoot(), "workflows", "calendars", "id-national.json"));

    public static readonly FeelEnvironment Environment =
        new(new FixedClock(FixedNow), TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar"), NationalCalendar);

    public const string VariablesJson = """
        {
          "score": 85, "predicate": "Baik", "fiscalOk": true, "notOk": false, "nothing": null,
          "name": "Siti Aminah", "contractEnd": "2026-03-31", "contract end": "2026-03-31",
          "xs": [1, 2, 3, 4, 5], "empty": [], "words": ["b", "a", "c"],
          "employees": [
            { "name": "Ani", "score": 90, "unit": "Dinas Kesehatan" },
            { "name": "Budi", "score": 70, "unit": "BKD" },
            { "name": "Citra", "score": 82, "unit": "BKD" }
          ],
          "person": { "name": "Dewi", "address": { "city": "Makassar" }, "age": 34 },
          "half": 0.5, "big": 12345678.9, "eligible?": true, "masa kerja": 6
        }
        """;

    public static FeelValue Evaluate(string expression) =>
        FeelExpression.Parse(expression).Evaluate(new JsonFeelScope(JsonNode.Parse(VariablesJson)!.AsObject()), Environment);

    /// <summary>Evaluates and renders the result as FEEL text, the form the tables state expectations in.</summary>
    public static string Render(string expression) => Evaluate(expression).ToString();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pppk.Workflow.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root (Pppk.Workflow.sln) not found.");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
