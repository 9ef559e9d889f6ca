using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Renewal;

/// <summary><c>pppk.start-evaluations</c> (external): starts <c>evaluasi-kinerja</c> for every employee with an active contract, for the period (business key employee:year:period; <see cref="DueEvaluations"/>).</summary>
public sealed class StartEvaluationsHandler(InstanceService instances, IServiceScopeFactory scopes) : IDescribedJobHandler
{
    public string Type => "pppk.start-evaluations";

    public JobDescription Description { get; } = new("Mulai penilaian kinerja massal", "Memulai penilaian kinerja untuk setiap pegawai dengan kontrak aktif pada periode itu.")
    {
        Inputs = [
            new("year", "Tahun", JobValueType.Number),
            new("period", "Periode (annual, Q1-Q4)", JobValueType.Text),
            new("evaluationProcess", "Proses penilaian", JobValueType.Text, Required: false),
        ],
        Outputs = [
            new("evaluationsStarted", "Jumlah yang dimulai"),
            new("evaluationsAlreadyRunning", "Jumlah yang sudah berjalan"),
        ],
    };
    public bool Inline => false;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PppkDbContext>();
        var items = await DueEvaluations.ItemsAsync(db, context.Int("year"), context.String("period"), ct);
        var result = items.Count == 0
            ? new InstanceService.BatchResult([], [])
            : await instances.StartBatchAsync(context.OptionalString("evaluationProcess") ?? DueEvaluations.Process, items, uniqueBusinessKey: true, "system", ct);
        return new JobResult.Completed(new JsonObject { ["evaluationsStarted"] = result.Started.Count, ["evaluationsAlreadyRunning"] = result.Skipped.Count });
    });
}
