using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Domain.Handlers.SkIssuance;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Renewal;

/// <summary><c>pppk.end-contract</c>: the contract is not renewed; it ends honourably at its end date and the written notice is recorded.</summary>
public sealed class EndContractHandler(NpgsqlDataSource runtimeDb) : IDescribedJobHandler
{
    public string Type => "pppk.end-contract";

    public JobDescription Description { get; } = new("Akhiri kontrak", "Kontrak tidak diperpanjang: berakhir dengan hormat pada tanggal akhirnya.")
    {
        Inputs = [
            new("contractId", "Kontrak (id)", JobValueType.Number),
        ],
        Outputs = [
            new("renewed", "Diperpanjang"),
            new("contractEnd", "Akhir kontrak"),
            new("recommendationRule", "Aturan yang menyusun rekomendasi"),
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var db = await context.DomainAsync(ct);
        var contract = await db.Contracts.FindAsync([context.Int("contractId")], ct);
        if (contract is null) return new JobResult.Failure($"No contract {context.Int("contractId")}.");
        contract.Status = "ended";
        contract.NoticeSentAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(ct);
        return new JobResult.Completed(new JsonObject { ["renewed"] = false, ["contractEnd"] = contract.End.Iso(),
            ["recommendationRule"] = await RecommendationRule.QuoteAsync(runtimeDb, context.InstanceId, ct) });
    });
}
