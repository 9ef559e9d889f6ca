using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;
using Pppk.Workflow.Runtime.Operations;

namespace Pppk.Workflow.Domain.Handlers.Renewal;

/// <summary>
/// <c>pppk.start-renewals</c> (external): starts <c>perpanjangan-kontrak</c> for every active contract ending within the
/// lead time (setting, default 6 months; part-time contracts: <c>Pppk:PartTime:RenewalLeadMonths</c>) that has none
/// running (business key: the contract id), as a streamed <c>start-renewals</c> batch operation read a chunk of contracts
/// at a time. Each start carries <c>partTime</c>, its <c>termYears</c> default and <c>fiscalCheckRequired</c>, so the
/// workflow can follow the part-time rules (<see cref="DueRenewals"/>). The job completes once the operation is queued;
/// the same job run again (after a crash) answers the same operation.
/// </summary>
public sealed class StartRenewalsHandler(IOptions<PppkOptions> pppk, StartStreams streams) : IDescribedJobHandler
{
    public string Type => "pppk.start-renewals";

    public JobDescription Description { get; } = new("Mulai perpanjangan kontrak massal", "Memulai perpanjangan untuk setiap kontrak aktif yang akan berakhir dalam tenggang waktu, sebagai operasi massal yang berjalan di latar belakang.")
    {
        Inputs = [
            new("leadMonths", "Tenggang (bulan)", JobValueType.Number, Required: false),
            new("partTimeLeadMonths", "Tenggang paruh waktu (bulan)", JobValueType.Number, Required: false),
            new("renewalProcess", "Proses perpanjangan", JobValueType.Text, Required: false),
        ],
        Outputs = [
            new("renewalsOperationId", "Operasi massal yang memulainya"),
            new("renewalsDue", "Jumlah kontrak yang ditinjau"),
        ],
    };
    public bool Inline => false;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var horizon = DueRenewals.Horizon.From(pppk.Value, context.OptionalInt("leadMonths"), context.OptionalInt("partTimeLeadMonths"));
        var process = context.OptionalString("renewalProcess") ?? DueRenewals.Process;
        var op = await streams.CreateAsync(new StreamedStartRequest(RenewalStarts.OperationType, horizon.ToArgs(), process, $"{Type}:{context.JobKey}",
            $"Mulai perpanjangan kontrak yang berakhir s.d. {horizon.FullTime:dd-MM-yyyy} ({process})"), "system", ct);
        return new JobResult.Completed(new JsonObject { ["renewalsOperationId"] = op.Id.ToString(), ["renewalsDue"] = op.Total });
    });
}
