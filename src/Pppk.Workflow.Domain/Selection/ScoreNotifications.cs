using System.ComponentModel;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.Extensions.Logging;
using Npgsql;
using Pppk.Workflow.Runtime.Messages;

namespace Pppk.Workflow.Domain.Selection;

/// <summary>
/// After a CAT score import: each applicant's <c>seleksi-pppk</c> instance is told its scores are in (message
/// <c>nilai-cat</c>, kept for its time to live if the instance is not waiting yet), and every formation whose
/// applicants are all verified and every eligible one scored starts its <c>penetapan-kelulusan</c> (message start
/// <c>nilai-formasi-lengkap</c>). Message ids make a re-run harmless.
/// </summary>
public sealed class ScoreNotifications(NpgsqlDataSource db, MessageService messages, ILogger<ScoreNotifications> logger)
{
    public const string ScoresMessage = "nilai-cat";
    public const string FormationCompleteMessage = "nilai-formasi-lengkap";
    private static readonly int ScoresTtlSeconds = (int)TimeSpan.FromDays(90).TotalSeconds;

    [DisplayName("Notify imported CAT scores")]
    [AutomaticRetry(Attempts = 3)]
    public async Task PublishAsync(DateTimeOffset importedSince, CancellationToken ct)
    {
        var scored = new List<(string RegistrationNumber, long Stamp)>();
        await using (var cmd = db.CreateCommand("""
            SELECT a.registration_number, (extract(epoch FROM s.imported_at) * 1000)::bigint
            FROM pppk.cat_scores s JOIN pppk.applicants a ON a.id = s.applicant_id WHERE s.imported_at >= @since
            """))
        {
            cmd.Parameters.AddWithValue("since", importedSince);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) scored.Add((r.GetString(0), r.GetInt64(1)));
        }
        foreach (var (number, stamp) in scored)
            await messages.PublishAsync(new MessageService.Publish(ScoresMessage, number, null, $"{ScoresMessage}:{number}:{stamp}", ScoresTtlSeconds), "system", ct);

        var complete = new List<(string Code, string Unit)>();
        await using (var cmd = db.CreateCommand("""
            SELECT f.code, f.unit_code FROM pppk.formations f
            WHERE EXISTS (SELECT 1 FROM pppk.applicants a WHERE a.formation_code = f.code AND a.admin_verdict = 'MS')
              AND NOT EXISTS (SELECT 1 FROM pppk.applicants a WHERE a.formation_code = f.code AND a.admin_verdict IS NULL)
              AND NOT EXISTS (SELECT 1 FROM pppk.applicants a LEFT JOIN pppk.cat_scores s ON s.applicant_id = a.id
                              WHERE a.formation_code = f.code AND a.admin_verdict = 'MS' AND s.applicant_id IS NULL)
              AND NOT EXISTS (SELECT 1 FROM pppk.ranking_results r WHERE r.formation_id = f.id)
            ORDER BY f.code
            """))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) complete.Add((r.GetString(0), r.GetString(1)));
        foreach (var (code, unit) in complete)
            await messages.PublishAsync(new MessageService.Publish(FormationCompleteMessage, code, new JsonObject { ["formationCode"] = code, ["unitCode"] = unit },
                $"{FormationCompleteMessage}:{code}", null), "system", ct);
        logger.LogInformation("CAT scores: told {Applicants} applicants, {Formations} formations ready for ranking", scored.Count, complete.Count);
    }
}
