using Npgsql;
using Pppk.Workflow.Domain.Handlers.Renewal;
using Pppk.Workflow.Runtime.Decisions;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Domain.Api;

/// <summary>
/// The renewal table's verdict on each listed contract, read for a whole page at once: the contract's latest
/// <c>perpanjangan-kontrak</c> case the caller sees (its business key is the contract id) and that case's latest
/// evaluation of <c>rekomendasi-perpanjangan</c>, quoted as the employee's decision email quotes it.
/// </summary>
internal static class RenewalRecommendations
{
    public static async Task<List<RenewalsApi.RenewalDto>> AddAsync(List<RenewalsApi.RenewalDto> rows, NpgsqlDataSource data, Actor actor, GroupScopes scopes,
        DateTimeOffset now, CancellationToken ct)
    {
        var keys = rows.Select(r => r.ContractId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var found = await DecisionEvaluationTable.LatestOfCasesAsync(data, DueRenewals.Process, RecommendationRule.Decision, keys, actor, scopes, now, ct);
        return [.. rows.Select((r, i) => found.TryGetValue(keys[i], out var c) ? r with { Recommendation = Of(c) } : r)];
    }

    private static RenewalsApi.RecommendationDto Of(CaseDecisionItem c)
    {
        if (c.DecisionVersion is not { } version) return new(c.InstanceId, null, null, null, null);
        var rule = RecommendationRule.MatchedRule(c.EvaluatedDecisions);
        return new(c.InstanceId, (string?)c.Output?["rekomendasi"], RecommendationRule.Quote(c.DecisionName, version, c.EvaluatedDecisions, c.Output),
            (string?)rule?["annotation"], version);
    }
}
