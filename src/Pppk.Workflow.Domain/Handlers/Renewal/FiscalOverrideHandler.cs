using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Domain.Fiscal;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Renewal;

/// <summary><c>pppk.fiscal-override</c>: finance's confirmation or override of a failed fiscal check, with its reason, on the recorded check.</summary>
public sealed class FiscalOverrideHandler : IDescribedJobHandler
{
    public string Type => "pppk.fiscal-override";

    public JobDescription Description { get; } = new("Catat keputusan atas cek anggaran", "Mencatat keputusan PPK untuk tetap memperpanjang meski anggaran tidak cukup, dengan alasannya.")
    {
        Inputs = [
            new("fiscalCheckId", "Cek fiskal (id)", JobValueType.Number),
            new("fiscalOverride", "Tetap diperpanjang", JobValueType.Boolean, Required: false),
            new("fiscalOverrideReason", "Alasan", JobValueType.Text, Required: false),
        ],
        Outputs = [
            new("fiscalOk", "Anggaran dianggap cukup"),
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var overridden = context.Variables["fiscalOverride"]?.GetValue<bool>() ?? false;
        var reason = context.OptionalString("fiscalOverrideReason");
        if (overridden && string.IsNullOrWhiteSpace(reason)) return new JobResult.Failure("An override of the fiscal check needs a reason (fiscalOverrideReason).");
        var db = await context.DomainAsync(ct);
        var check = await db.FiscalChecks.FindAsync([context.Int("fiscalCheckId")], ct);
        if (check is null) return new JobResult.Failure($"No fiscal check {context.Int("fiscalCheckId")}.");
        check.OverriddenByFinance = overridden;
        check.OverrideReason = reason;
        await db.SaveChangesAsync(ct);
        return new JobResult.Completed(new JsonObject { ["fiscalOk"] = overridden || check.Passed });
    });
}
