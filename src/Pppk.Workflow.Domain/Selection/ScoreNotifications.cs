using System.ComponentModel;
using Hangfire;
using Microsoft.Extensions.Logging;
using Npgsql;
using Pppk.Workflow.Runtime.Messages;

namespace Pppk.Workflow.Domain.Selection;

/// <summary>
/// After a CAT score import: each applicant's <c>seleksi-pppk</c> instance is told its scores are in (message
/// <c>nilai-cat</c>, kept for its time to live if the instance is not waiting yet), and every formation that can be
/// (re)ranked now starts its <c>penetapan-kelulusan</c> (<see cref="RankingTrigger"/>). Message ids make a re-run harmless.
/// </summary>
public sealed class ScoreNotifications(NpgsqlDataSource db, MessageService messages, RankingTrigger trigger, ILogger<ScoreNotifications> logger)
{
    public const string ScoresMessage = "nilai-cat";
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

        var ready = await trigger.PublishReadyAsync(null, ct);
        logger.LogInformation("CAT scores: told {Applicants} applicants, {Formations} formations ready for ranking", scored.Count, ready.Count);
    }
}
