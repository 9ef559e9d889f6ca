using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Runtime.Messages;

namespace Pppk.Workflow.Domain.Selection;

/// <summary>
/// Starts <c>penetapan-kelulusan</c> (message start <c>nilai-formasi-lengkap</c>) for every formation that
/// <see cref="RankingReadiness.ShouldRank"/>: complete, and not ranked or ranked on another eligible set or other
/// scores (a re-ranking: late-accepted appeal, corrected score). The message id is the formation's state key, so the
/// checks after an import, an appeal answer and a closed appeal window start one ranking per state.
/// </summary>
public sealed class RankingTrigger(PppkDbContext db, MessageService messages, ILogger<RankingTrigger> logger)
{
    public const string FormationCompleteMessage = "nilai-formasi-lengkap";

    /// <param name="formationCodes">The formations to check; null for all.</param>
    /// <returns>The codes of the formations whose (re)ranking was asked for.</returns>
    public async Task<IReadOnlyList<string>> PublishReadyAsync(IReadOnlyCollection<string>? formationCodes, CancellationToken ct)
    {
        var facts = await RankingFacts.LoadAsync(db, formationCodes, ct);
        var ready = facts.Where(f => RankingReadiness.ShouldRank(f.Value)).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        if (ready.Count == 0) return [];
        var codes = ready.Select(f => f.Key).ToList();
        var units = await db.Formations.AsNoTracking().Where(f => codes.Contains(f.Code)).ToDictionaryAsync(f => f.Code, f => f.UnitCode, ct);
        foreach (var (code, applicants) in ready)
        {
            var rerank = applicants.Any(a => a.Ranked is not null);
            await messages.PublishAsync(new MessageService.Publish(FormationCompleteMessage, code,
                new JsonObject { ["formationCode"] = code, ["unitCode"] = units[code], ["rerank"] = rerank },
                $"{FormationCompleteMessage}:{code}:{RankingReadiness.StateKey(applicants)}", null), "system", ct);
            logger.LogInformation("Formation {Formation} is complete: {What} asked for", code, rerank ? "a re-ranking" : "its ranking");
        }
        return codes;
    }
}
