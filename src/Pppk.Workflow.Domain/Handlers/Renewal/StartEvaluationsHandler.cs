using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;
using Pppk.Workflow.Runtime.Operations;

namespace Pppk.Workflow.Domain.Handlers.Renewal;

/// <summary>
/// <c>pppk.start-evaluations</c> (external): starts <c>evaluasi-kinerja</c> for every employee with an active contract, for
/// the period (business key employee:year:period; <see cref="DueEvaluations"/>), as a streamed <c>start-evaluations</c>
/// batch operation read a chunk of employees at a time. The job completes once the operation is queued (its progress is
/// on <c>/api/operations/{id}</c>); the same job run again (after a crash) answers the same operation.
/// </summary>
public sealed class StartEvaluationsHandler(StartStreams streams) : IDescribedJobHandler
{
    public string Type => "pppk.start-evaluations";

    public JobDescription Description { get; } = new("Mulai penilaian kinerja massal", "Memulai penilaian kinerja untuk setiap pegawai dengan kontrak aktif pada periode itu, sebagai operasi massal yang berjalan di latar belakang.")
    {
        Inputs = [
            new("year", "Tahun", JobValueType.Number),
            new("period", "Periode (annual, Q1-Q4)", JobValueType.Text),
            new("evaluationProcess", "Proses penilaian", JobValueType.Text, Required: false),
        ],
        Outputs = [
            new("evaluationsOperationId", "Operasi massal yang memulainya"),
            new("evaluationsDue", "Jumlah pegawai yang dinilai"),
        ],
    };
    public bool Inline => false;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var (year, period) = (context.Int("year"), context.String("period"));
        var process = context.OptionalString("evaluationProcess") ?? DueEvaluations.Process;
        var op = await streams.CreateAsync(new StreamedStartRequest(EvaluationStarts.OperationType, new JsonObject { ["year"] = year, ["period"] = period },
            process, $"{Type}:{context.JobKey}", $"Mulai evaluasi kinerja {period} {year} ({process})"), "system", ct);
        return new JobResult.Completed(new JsonObject { ["evaluationsOperationId"] = op.Id.ToString(), ["evaluationsDue"] = op.Total });
    });
}
