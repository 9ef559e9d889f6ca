using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Jobs;
using Pppk.Workflow.Runtime.Messages;

namespace Pppk.Workflow.Domain.Handlers.Selection;

/// <summary>
/// <c>pppk.announce-ranking</c> (external): correlates each applicant's result to their <c>seleksi-pppk</c> instance as
/// the message <c>hasil-seleksi</c> (correlation key: registration number, with the round's year). On a re-ranking only
/// new and changed results go out: a changed result the instance has not taken yet replaces the old message; one it
/// already took becomes a correction (<c>corrections</c>, emailed by the process), and then a now-passed applicant gets
/// their <c>penerbitan-sk</c> started here and a no-longer-passed one is listed in <c>displaced</c> and
/// <c>displacedSummary</c> (a task for hr-admin: their SK issuance is under way on a result that no longer holds). Message ids (per ranking version) make
/// a re-run after a crash harmless; the time to live keeps a result for an instance that is not waiting yet.
/// </summary>
public sealed class AnnounceRankingHandler(MessageService messages, InstanceService instances, IServiceScopeFactory scopes) : IDescribedJobHandler
{
    public const string MessageName = "hasil-seleksi";

    public string Type => "pppk.announce-ranking";

    public JobDescription Description { get; } = new("Umumkan hasil peringkat", "Mengumumkan hasil peringkat formasi ke setiap pelamar; pada koreksi, memberi tahu yang berubah.")
    {
        Inputs = [
            new("formationCode", "Kode formasi", JobValueType.Text),
            new("rankingResults", "Hasil peringkat", JobValueType.List),
            new("rankingVersion", "Versi peringkat", JobValueType.Text, Required: false),
            new("roundYear", "Tahun seleksi", JobValueType.Number, Required: false),
            new("unitCode", "Kode unit", JobValueType.Text, Required: false),
            new("formationPosition", "Jabatan formasi", JobValueType.Text, Required: false),
            new("correctionReason", "Alasan koreksi", JobValueType.Text, Required: false),
            new("resultTtlDays", "Masa simpan hasil (hari)", JobValueType.Number, Required: false),
            new("skProcess", "Proses penerbitan SK", JobValueType.Text, Required: false),
        ],
        Outputs = [
            new("announcedCount", "Jumlah diumumkan"),
            new("correlatedNow", "Jumlah diteruskan"),
            new("unchangedCount", "Jumlah tidak berubah"),
            new("corrections", "Koreksi"),
            new("displaced", "Tergeser"),
            new("displacedSummary", "Ringkasan yang tergeser"),
            new("skStartedByCorrection", "SK dimulai karena koreksi"),
        ],
    };
    public bool Inline => false;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var results = context.Variables["rankingResults"] as JsonArray ?? throw new HandlerInput.MissingInputException("The task needs 'rankingResults' (from pppk.rank-formation).");
        var ttl = (int)TimeSpan.FromDays(context.OptionalInt("resultTtlDays") ?? 60).TotalSeconds;
        var formation = context.String("formationCode");
        var version = context.OptionalString("rankingVersion") ?? "1";
        var year = context.OptionalInt("roundYear");
        var (correlated, announced, unchanged) = (0, 0, 0);
        var corrections = new JsonArray();
        var displaced = new JsonArray();
        var promoted = new List<JsonObject>();
        foreach (var r in results.OfType<JsonObject>())
        {
            var regNo = (string)r["registrationNumber"]!;
            var messageId = $"{MessageName}:{formation}:{regNo}:{version}";
            var rankedBefore = r["previousRank"] is not null;
            if (rankedBefore && r["changed"]?.GetValue<bool>() != true)
            {
                unchanged++;
                continue;
            }
            if (rankedBefore && !await messages.WithdrawUntakenAsync(MessageName, regNo, messageId, ct))
            {
                // The instance already acted on the old result: tell the applicant, and put right what it started.
                var correction = Correction(context, r, formation, year, await PersonAsync(regNo, ct));
                corrections.Add(correction);
                var (was, now) = (r["previousPassed"]?.GetValue<bool>() == true, r["passed"]?.GetValue<bool>() == true);
                if (was && !now) displaced.Add(correction.DeepClone());
                if (!was && now) promoted.Add(correction);
                continue;
            }
            var result = await messages.PublishAsync(new MessageService.Publish(MessageName, regNo,
                new JsonObject
                {
                    ["passed"] = r["passed"]?.DeepClone(), ["rank"] = r["rank"]?.DeepClone(), ["rankReason"] = r["reason"]?.DeepClone(),
                    ["totalScore"] = r["total"]?.DeepClone(), ["roundYear"] = year,
                },
                messageId, ttl), "system", ct);
            correlated += result.CorrelatedInstanceIds.Count;
            announced++;
        }
        var skStarted = promoted.Count == 0 ? 0 : (await instances.StartBatchAsync(
            context.OptionalString("skProcess") ?? "penerbitan-sk",
            promoted.Select(p => new InstanceService.BatchItem((string)p["registrationNumber"]!, SkVariables(context, p))).ToList(),
            uniqueBusinessKey: true, "system", ct)).Started.Count;
        return new JobResult.Completed(new JsonObject
        {
            ["announcedCount"] = announced, ["correlatedNow"] = correlated, ["unchangedCount"] = unchanged,
            ["corrections"] = corrections, ["displaced"] = displaced, ["skStartedByCorrection"] = skStarted,
            // The hr-admin task's form shows this list (a task sees the instance's variables).
            ["displacedSummary"] = string.Join("\n", displaced.OfType<JsonObject>().Select(d =>
                $"- {d["registrationNumber"]} {d["name"]}: sebelumnya peringkat {d["previousRank"]} LULUS, kini peringkat {d["rank"]} TIDAK LULUS")),
        });
    });

    /// <summary>Name, email and NIK of one applicant, read only for a correction (the ranking's variables carry no personal data).</summary>
    private async Task<(string Name, string? Email, string Nik)> PersonAsync(string regNo, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PppkDbContext>();
        var a = await db.Applicants.AsNoTracking().Where(x => x.RegistrationNumber == regNo).Select(x => new { x.Name, x.Email, x.Nik }).SingleAsync(ct);
        return (a.Name, a.Email, a.Nik);
    }

    private static JsonObject Correction(JobContext context, JsonObject r, string formation, int? year, (string Name, string? Email, string Nik) person) => new()
    {
        ["registrationNumber"] = r["registrationNumber"]?.DeepClone(), ["name"] = person.Name, ["email"] = person.Email,
        ["nik"] = person.Nik, ["formationCode"] = formation, ["roundYear"] = year,
        ["passed"] = r["passed"]?.DeepClone(), ["rank"] = r["rank"]?.DeepClone(), ["totalScore"] = r["total"]?.DeepClone(), ["rankReason"] = r["reason"]?.DeepClone(),
        ["previousPassed"] = r["previousPassed"]?.DeepClone(), ["previousRank"] = r["previousRank"]?.DeepClone(),
        ["correctionReason"] = context.OptionalString("correctionReason") ?? "peringkat formasi disusun ulang",
    };

    /// <summary>What <c>penerbitan-sk</c> reads, as the selection instance would have passed it.</summary>
    private static JsonObject SkVariables(JobContext context, JsonObject c) => new()
    {
        ["registrationNumber"] = c["registrationNumber"]?.DeepClone(), ["nik"] = c["nik"]?.DeepClone(), ["name"] = c["name"]?.DeepClone(),
        ["email"] = c["email"]?.DeepClone(), ["formationCode"] = c["formationCode"]?.DeepClone(), ["roundYear"] = c["roundYear"]?.DeepClone(),
        ["unitCode"] = context.OptionalString("unitCode"), ["formationPosition"] = context.OptionalString("formationPosition"),
        ["passed"] = true, ["rank"] = c["rank"]?.DeepClone(), ["totalScore"] = c["totalScore"]?.DeepClone(), ["startedByCorrection"] = true,
    };
}
