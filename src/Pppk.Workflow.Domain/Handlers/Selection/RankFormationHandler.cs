using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Selection;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Selection;

/// <summary>
/// <c>pppk.rank-formation</c>: ranks the eligible (MS) applicants of a formation with their CAT scores (see
/// <see cref="FormationRanking"/>) and the <c>ambang-batas-seleksi</c> table's verdict on each (<c>thresholdResults</c>,
/// from <c>pppk.formation-scores</c> and the workflow's business rule task), records each result with the scores it was ranked on, marks applicants passed or
/// not. Fails, naming who it waits for, while the formation is not complete (<see cref="RankingReadiness"/>). On a
/// formation ranked before, each result says what it was (<c>previousRank</c>, <c>previousPassed</c>, <c>changed</c>)
/// and <c>correctionReason</c> says why the ranking changed, for <c>pppk.announce-ranking</c>.
/// </summary>
public sealed class RankFormationHandler : IDescribedJobHandler
{
    public string Type => "pppk.rank-formation";

    public JobDescription Description { get; } = new("Susun peringkat formasi", "Menyusun peringkat pelamar MS satu formasi dari nilai CAT dan menandai yang lulus.")
    {
        Inputs = [
            new("formationCode", "Kode formasi", JobValueType.Text),
            new("thresholdResults", "Hasil cek ambang batas per pelamar", JobValueType.List),
        ],
        Outputs = [
            new("unitCode", "Kode unit"),
            new("formationPosition", "Jabatan formasi"),
            new("roundYear", "Tahun seleksi"),
            new("rankedCount", "Jumlah diperingkat"),
            new("passedCount", "Jumlah lulus"),
            new("quota", "Kuota"),
            new("rankingResults", "Hasil peringkat"),
            new("rankingVersion", "Versi peringkat"),
            new("correction", "Koreksi"),
            new("correctionReason", "Alasan koreksi"),
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var code = context.String("formationCode");
        var db = await context.DomainAsync(ct);
        // One ranking of a formation at a time: a second one waits here, then compares with the first one's rows.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM pppk.formations WHERE code = {code} FOR UPDATE", ct);
        var formation = await db.Formations.SingleOrDefaultAsync(f => f.Code == code, ct);
        if (formation is null) return new JobResult.Failure($"No formation with code {code}.");
        var facts = (await RankingFacts.LoadAsync(db, [code], ct)).GetValueOrDefault(code) ?? [];
        if (NotReady(code, facts) is { } notReady) return new JobResult.Failure(notReady);
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == formation.RoundId, ct);
        var eligible = RankingReadiness.Eligible(facts);
        var verdicts = ThresholdVerdicts.Read(context.Variables["thresholdResults"]);
        if (eligible.FirstOrDefault(a => !verdicts.ContainsKey(a.RegistrationNumber)) is { } unjudged)
            return new JobResult.Failure($"thresholdResults has no verdict for applicant {unjudged.RegistrationNumber}; run the ambang-batas-seleksi table on every applicant of the formation again.");
        var applicants = await db.Applicants.Where(a => a.FormationCode == code).ToDictionaryAsync(a => a.Id, ct);
        var ranked = FormationRanking.Rank(eligible.Select(a => Candidate(applicants[a.ApplicantId], a.Scores!)), formation.Quota, c => verdicts[c.RegistrationNumber]);

        var previous = facts.Where(a => a.Ranked is not null).ToDictionary(a => a.ApplicantId, a => a.Ranked!);
        var reason = previous.Count == 0 ? null : CorrectionReason(facts, previous);

        var ids = facts.Select(a => a.ApplicantId).ToList();
        await db.Rankings.Where(r => r.FormationId == formation.Id || ids.Contains(r.ApplicantId)).ExecuteDeleteAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var results = new JsonArray();
        foreach (var r in ranked)
        {
            var c = r.Candidate;
            db.Rankings.Add(new RankingResult
            {
                FormationId = formation.Id, ApplicantId = c.ApplicantId, Rank = r.Rank, Passed = r.Passed, Reason = r.Reason, RankedAt = now,
                Technical = c.Technical, ManagerialSocioCultural = c.ManagerialSocioCultural, Interview = c.Interview,
            });
            var applicant = applicants[c.ApplicantId];
            applicant.Status = r.Passed ? "passed" : "not-passed";
            var before = previous.GetValueOrDefault(c.ApplicantId);
            results.Add(new JsonObject
            {
                ["registrationNumber"] = c.RegistrationNumber, ["rank"] = r.Rank, ["passed"] = r.Passed, ["reason"] = r.Reason, ["total"] = c.Total,
                ["previousRank"] = before?.Rank, ["previousPassed"] = before?.Passed,
                // Rank, result or their own score (the total the email shows) differs from what they were told.
                ["changed"] = before is not null && (before.Rank != r.Rank || before.Passed != r.Passed
                    || before.Technical != c.Technical || before.ManagerialSocioCultural != c.ManagerialSocioCultural || before.Interview != c.Interview),
            });
        }
        await db.SaveChangesAsync(ct);
        return new JobResult.Completed(new JsonObject
        {
            ["unitCode"] = formation.UnitCode, ["formationPosition"] = formation.Position, ["roundYear"] = round.Year,
            ["rankedCount"] = ranked.Count, ["passedCount"] = ranked.Count(r => r.Passed), ["quota"] = formation.Quota, ["rankingResults"] = results,
            ["rankingVersion"] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["correction"] = previous.Count > 0, ["correctionReason"] = reason,
        });
    });

    /// <summary>Why the formation can't be ranked yet (naming whom it waits for), or null when it can.</summary>
    internal static string? NotReady(string code, IReadOnlyCollection<ApplicantRankingFacts> facts)
    {
        if (RankingReadiness.Complete(facts)) return null;
        var waiting = facts.Where(a => RankingReadiness.WaitingFor(a) != RankingWait.None)
            .Select(a => $"{a.RegistrationNumber} ({RankingReadiness.Code(RankingReadiness.WaitingFor(a))})").ToList();
        return waiting.Count == 0
            ? $"Formation {code} can't be ranked: it has no eligible (MS) applicant."
            : $"Formation {code} can't be ranked yet: {waiting.Count} applicant(s) may still change it: {string.Join(", ", waiting.Take(10))}.";
    }

    private static RankingCandidate Candidate(Applicant a, CatScore s) =>
        new(a.Id, a.RegistrationNumber, a.PriorityCategory, a.BirthDate, s.Technical, s.ManagerialSocioCultural, s.Interview);

    /// <summary>Why a ranked formation was ranked again, in the applicants' language (no other applicant named).</summary>
    private static string CorrectionReason(IReadOnlyCollection<ApplicantRankingFacts> facts, Dictionary<int, RankingResult> previous)
    {
        var eligible = RankingReadiness.Eligible(facts);
        var added = eligible.Count(a => !previous.ContainsKey(a.ApplicantId));
        var rescored = eligible.Count(a => previous.TryGetValue(a.ApplicantId, out var p) && !RankingReadiness.SameScores(p, a.Scores!));
        var removed = previous.Keys.Count(id => eligible.All(a => a.ApplicantId != id));
        var parts = new List<string>();
        if (added > 0) parts.Add($"{added} pelamar yang sanggahnya diterima setelah pengumuman masuk ke peringkat");
        if (rescored > 0) parts.Add($"nilai CAT {rescored} pelamar dikoreksi");
        if (removed > 0) parts.Add($"{removed} pelamar tidak lagi memenuhi syarat");
        return parts.Count == 0 ? "peringkat formasi disusun ulang" : string.Join("; ", parts);
    }
}
