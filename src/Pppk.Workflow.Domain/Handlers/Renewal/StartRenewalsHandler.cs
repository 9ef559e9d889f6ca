using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Renewal;

/// <summary>
/// <c>pppk.start-renewals</c> (external): starts <c>perpanjangan-kontrak</c> for every active contract ending within the
/// lead time (setting, default 6 months; part-time contracts: <c>Pppk:PartTime:RenewalLeadMonths</c>) that has none
/// running, as one batch (business key: the contract id). Each start carries <c>partTime</c>, its <c>termYears</c> default
/// and <c>fiscalCheckRequired</c>, so the workflow can follow the part-time rules (<see cref="DueRenewals"/>).
/// </summary>
public sealed class StartRenewalsHandler(IOptions<PppkOptions> pppk, InstanceService instances, IServiceScopeFactory scopes) : IDescribedJobHandler
{
    public string Type => "pppk.start-renewals";

    public JobDescription Description { get; } = new("Mulai perpanjangan kontrak massal", "Memulai perpanjangan untuk setiap kontrak aktif yang akan berakhir dalam tenggang waktu.")
    {
        Inputs = [
            new("leadMonths", "Tenggang (bulan)", JobValueType.Number, Required: false),
            new("partTimeLeadMonths", "Tenggang paruh waktu (bulan)", JobValueType.Number, Required: false),
            new("renewalProcess", "Proses perpanjangan", JobValueType.Text, Required: false),
        ],
        Outputs = [
            new("renewalsStarted", "Jumlah yang dimulai"),
            new("renewalsAlreadyRunning", "Jumlah yang sudah berjalan"),
        ],
    };
    public bool Inline => false;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PppkDbContext>();
        var items = await DueRenewals.ItemsAsync(db, pppk.Value, context.OptionalInt("leadMonths"), context.OptionalInt("partTimeLeadMonths"), ct);
        var result = items.Count == 0
            ? new InstanceService.BatchResult([], [])
            : await instances.StartBatchAsync(context.OptionalString("renewalProcess") ?? DueRenewals.Process, items, uniqueBusinessKey: true, "system", ct);
        return new JobResult.Completed(new JsonObject { ["renewalsStarted"] = result.Started.Count, ["renewalsAlreadyRunning"] = result.Skipped.Count });
    });
}
