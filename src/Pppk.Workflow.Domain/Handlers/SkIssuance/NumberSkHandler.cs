using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.SkIssuance;

/// <summary>
/// <c>pppk.sk-number</c>: issues an SK (appointment or extension) with the next gapless number of its year, from the
/// configured pattern. The sequence row is taken in the step's transaction, so concurrent steps queue on it and a
/// rolled-back step gives its number back.
/// </summary>
public sealed class NumberSkHandler(IOptions<PppkOptions> pppk) : IDescribedJobHandler
{
    public string Type => "pppk.sk-number";

    public JobDescription Description { get; } = new("Beri nomor SK", "Menerbitkan SK pengangkatan atau perpanjangan dengan nomor urut berikutnya pada tahunnya.")
    {
        Inputs = [
            new("employeeId", "Pegawai (id)", JobValueType.Number),
            new("skKind", "Jenis SK (pengangkatan, perpanjangan)", JobValueType.Text, Required: false),
            new("skDate", "Tanggal SK", JobValueType.Date, Required: false),
            new("skSigner", "Penandatangan SK", JobValueType.Text, Required: false),
        ],
        Outputs = [
            new("skId", "SK (id)"),
            new("skNumber", "Nomor SK"),
            new("skDate", "Tanggal SK"),
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var options = pppk.Value;
        var employeeId = context.Int("employeeId");
        var kind = context.OptionalString("skKind") ?? "pengangkatan";
        var date = context.OptionalDate("skDate") ?? DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var (id, number) = await IssueAsync(context.RequireStep(), options, employeeId, kind, date, context.OptionalString("skSigner") ?? options.SkSigner, ct);
        return new JobResult.Completed(new JsonObject { ["skId"] = id, ["skNumber"] = number, ["skDate"] = date.Iso() });
    });

    public static async Task<(int Id, string Number)> IssueAsync(StepUnitOfWork step, PppkOptions options,
        int employeeId, string kind, DateOnly date, string signer, CancellationToken ct)
    {
        await using var next = step.Command(SkNumbering.NextSql);
        next.Parameters.AddWithValue("year", date.Year);
        var seq = (int)(await next.ExecuteScalarAsync(ct))!;
        var number = SkNumbering.Format(options.SkNumberPattern, seq, options.SkSequenceDigits, date, kind);
        await using var insert = step.Command("INSERT INTO pppk.sks (employee_id, number, date, signer, kind) VALUES (@e, @n, @d, @s, @k) RETURNING id");
        insert.Parameters.AddWithValue("e", employeeId);
        insert.Parameters.AddWithValue("n", number);
        insert.Parameters.AddWithValue("d", date);
        insert.Parameters.AddWithValue("s", signer);
        insert.Parameters.AddWithValue("k", kind);
        return ((int)(await insert.ExecuteScalarAsync(ct))!, number);
    }
}
