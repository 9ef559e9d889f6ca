using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;
using Pppk.Workflow.Runtime.Messages;

namespace Pppk.Workflow.Domain.Handlers.Selection;

/// <summary>
/// <c>pppk.announce-ranking</c> (external): correlates each applicant's result to their <c>seleksi-pppk</c> instance as
/// the message <c>hasil-seleksi</c> (correlation key: registration number). Message ids make a re-run after a crash
/// harmless; the time to live keeps the result for an applicant whose instance is not waiting yet.
/// </summary>
public sealed class AnnounceRankingHandler : IJobHandler
{
    public const string MessageName = "hasil-seleksi";

    public string Type => "pppk.announce-ranking";
    public bool Inline => false;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var messages = context.Services.GetRequiredService<MessageService>();
        var results = context.Variables["rankingResults"] as JsonArray ?? throw new HandlerInput.MissingInputException("The task needs 'rankingResults' (from pppk.rank-formation).");
        var ttl = (int)TimeSpan.FromDays(context.OptionalInt("resultTtlDays") ?? 60).TotalSeconds;
        var formation = context.String("formationCode");
        var correlated = 0;
        foreach (var r in results.OfType<JsonObject>())
        {
            var regNo = (string)r["registrationNumber"]!;
            var result = await messages.PublishAsync(new MessageService.Publish(MessageName, regNo,
                new JsonObject { ["passed"] = r["passed"]?.DeepClone(), ["rank"] = r["rank"]?.DeepClone(), ["rankReason"] = r["reason"]?.DeepClone(), ["totalScore"] = r["total"]?.DeepClone() },
                $"{MessageName}:{formation}:{regNo}", ttl), "system", ct);
            correlated += result.CorrelatedInstanceIds.Count;
        }
        return new JobResult.Completed(new JsonObject { ["announcedCount"] = results.Count, ["correlatedNow"] = correlated });
    });
}
