using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Host.Summary;

/// <summary>
/// Evaluates a process's summary declaration (<see cref="SummaryEntry"/>) over an instance's variables and writes each
/// line for people. A line that fails shows <see cref="SummaryLine.Unshowable"/> and is logged; it never fails the page.
/// </summary>
public sealed class CaseSummary(FeelEnvironment environment, IUnitNames units, ILogger<CaseSummary> log)
{
    private static readonly IReadOnlyDictionary<string, string> NoNames = new Dictionary<string, string>();

    public async Task<IReadOnlyList<SummaryLine>> EvaluateAsync(string definitionKey, IReadOnlyList<SummaryEntry> entries, JsonObject variables, CancellationToken ct)
    {
        if (entries.Count == 0) return [];
        var scope = new JsonFeelScope(variables);
        var values = entries.Select(e => (Entry: e, Value: Evaluate(definitionKey, e, scope))).ToList();
        // Unit codes become names with one lookup for the whole summary (the domain's, not a join of the runtime's).
        var codes = values.SelectMany(v => UnitCodes(v.Entry, v.Value.Node)).ToHashSet(StringComparer.Ordinal);
        var names = codes.Count == 0 ? NoNames : await units.AllAsync(ct);
        return [.. values.Select(v => v.Value.Failed ? new SummaryLine(v.Entry.Label, SummaryLine.Unshowable, SummaryLine.Error) : Line(definitionKey, v.Entry, v.Value.Node, names))];
    }

    private (JsonNode? Node, bool Failed) Evaluate(string definitionKey, SummaryEntry entry, JsonFeelScope scope)
    {
        try
        {
            return (FeelExpression.Parse(entry.Expression.TrimStart()[1..], environment.Limits).Evaluate(scope, environment).ToJson(), false);
        }
        catch (Exception e) when (e is FeelSyntaxException or FeelLimitException)
        {
            log.LogWarning("The summary line summary.{Entry} of {DefinitionKey} could not be evaluated: {Problem}", entry.Name, definitionKey, e.Message);
            return (null, true);
        }
    }

    private SummaryLine Line(string definitionKey, SummaryEntry entry, JsonNode? value, IReadOnlyDictionary<string, string> names)
    {
        if (SummaryValues.IsEmpty(value)) return new SummaryLine(entry.Label, entry.EmptyText ?? SummaryLine.DefaultEmpty, SummaryLine.Empty);
        try
        {
            if (entry.Format != SummaryFormat.Table)
                return new SummaryLine(entry.Label, SummaryValues.Format(value!, entry.Format, environment.TimeZone, names), entry.Format.ToString().ToLowerInvariant());
            if (value is not JsonArray rows) throw new FormatException("A table needs a list of contexts.");
            var cells = rows.Select(row => (IReadOnlyList<string>)[.. entry.Columns.Select(c => Cell(row, c, names))]).ToList();
            return new SummaryLine(entry.Label, $"{rows.Count} baris", "table", [.. entry.Columns.Select(c => c.Label)], cells);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            log.LogWarning("The summary line summary.{Entry} of {DefinitionKey} could not be shown as {Format}: {Problem}", entry.Name, definitionKey, entry.Format, e.Message);
            return new SummaryLine(entry.Label, SummaryLine.Unshowable, SummaryLine.Error);
        }
    }

    private string Cell(JsonNode? row, SummaryColumn column, IReadOnlyDictionary<string, string> names) =>
        (row as JsonObject ?? throw new FormatException("A table row must be a context."))[column.Key] is { } cell && !SummaryValues.IsEmpty(cell)
            ? SummaryValues.Format(cell, column.Format, environment.TimeZone, names)
            : "–";

    private static IEnumerable<string> UnitCodes(SummaryEntry entry, JsonNode? value)
    {
        if (entry.Format == SummaryFormat.Unit && value is JsonValue v && v.TryGetValue<string>(out var code)) yield return code;
        if (entry.Format == SummaryFormat.Table && value is JsonArray rows)
            foreach (var column in entry.Columns.Where(c => c.Format == SummaryFormat.Unit))
                foreach (var row in rows)
                    if (row is JsonObject o && o[column.Key] is JsonValue cell && cell.TryGetValue<string>(out var c)) yield return c;
    }
}
