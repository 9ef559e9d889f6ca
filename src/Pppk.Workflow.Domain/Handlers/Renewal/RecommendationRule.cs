using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Runtime.Decisions;

namespace Pppk.Workflow.Domain.Handlers.Renewal;

/// <summary>
/// The rule of <c>rekomendasi-perpanjangan</c> that decided a renewal's recommendation, as the employee's decision email
/// quotes it ("aturan 2 tabel Rekomendasi perpanjangan kontrak versi 3: …"), read from the case's recorded evaluations.
/// </summary>
internal static class RecommendationRule
{
    public const string Decision = "rekomendasi-perpanjangan";

    public static async Task<string?> QuoteAsync(NpgsqlDataSource db, Guid instanceId, CancellationToken ct)
    {
        var evaluation = (await DecisionEvaluationTable.OfInstanceAsync(db, instanceId, 200, ct)).LastOrDefault(e => e.DecisionKey == Decision);
        return evaluation is null ? null : Quote(evaluation.DecisionName, evaluation.DecisionVersion, evaluation.EvaluatedDecisions, evaluation.Output);
    }

    /// <summary>The first rule of the table that matched in an evaluation's trace; null when none did.</summary>
    internal static JsonNode? MatchedRule(JsonNode? evaluated) =>
        ((evaluated as JsonArray)?.FirstOrDefault(d => (string?)d?["decisionKey"] == Decision)?["matchedRules"] as JsonArray)?.FirstOrDefault();

    /// <summary>"aturan N tabel {name} versi {v}: {alasan}"; without a matched rule, that none matched.</summary>
    internal static string Quote(string? name, int version, JsonNode? evaluated, JsonNode? output)
    {
        var rule = MatchedRule(evaluated);
        var table = $"tabel {name ?? "Rekomendasi perpanjangan kontrak"} versi {version.ToString(CultureInfo.InvariantCulture)}";
        if (rule?["ruleIndex"] is not JsonValue index) return $"tidak ada aturan {table} yang cocok";
        var reason = output?["alasan"] is JsonValue a && a.TryGetValue<string>(out var text) ? text : null;
        return reason is null ? $"aturan {index} {table}" : $"aturan {index} {table}: {reason}";
    }
}
