using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Documents;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Documents;

/// <summary>
/// <c>pppk.document</c>: generates an employee's document (header <c>documentKind</c>: <c>sk</c>,
/// <c>perjanjian-kerja</c> or <c>spmt</c>) from the records (the employee, their SK, their latest contract, the salary
/// scale) and stores it with its PDF in the step's transaction. Inputs: <c>employeeId</c>; optional <c>skId</c> (default:
/// the employee's latest SK), <c>signerName</c>, <c>signerTitle</c>, <c>onBehalfLine</c>. The number is the SK's, with
/// <c>/PK</c> or <c>/SPMT</c> after it for the other kinds (not an input: it would collide with the previous document
/// task's output). Before the SK is numbered it is a draft (<see cref="EmployeeDocumentFacts.DraftNumber"/>) that
/// <c>pppk.sign-document</c> numbers and signs. Output: <c>documentId</c>, <c>documentNumber</c>, <c>verificationCode</c> (map them to names of
/// their own when a process makes several documents).
/// </summary>
public sealed class GenerateDocumentHandler(DocumentGenerator generator, IOptions<DocumentsOptions> documents, IOptions<PppkOptions> pppk, TimeProvider clock) : IDescribedJobHandler
{
    public string Type => "pppk.document";

    public JobDescription Description { get; } = new("Buat dokumen pegawai", "Membuat SK, perjanjian kerja atau SPMT pegawai dari datanya, lengkap dengan PDF dan kode verifikasi.")
    {
        Inputs = [
            new("employeeId", "Pegawai (id)", JobValueType.Number),
            new("skId", "SK (id; bawaan SK terakhir)", JobValueType.Number, Required: false),
            new("signerName", "Nama penandatangan", JobValueType.Text, Required: false),
            new("signerTitle", "Jabatan penandatangan", JobValueType.Text, Required: false),
            new("onBehalfLine", "Baris a.n./Plh.", JobValueType.Text, Required: false),
        ],
        Outputs = [
            new("documentId", "Dokumen (id)"),
            new("documentNumber", "Nomor dokumen"),
            new("verificationCode", "Kode verifikasi"),
        ],
        Headers = [
            new("documentKind", "Jenis dokumen") { Choices = [new("sk", "SK pengangkatan"), new("perjanjian-kerja", "Perjanjian kerja"), new("spmt", "SPMT")], Default = "sk" },
        ],
    };
    public bool Inline => true;

    private static readonly DocumentKind[] Individual = [DocumentKind.Sk, DocumentKind.PerjanjianKerja, DocumentKind.Spmt];

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var kindCode = context.Headers.GetValueOrDefault("documentKind") ?? context.OptionalString("documentKind") ?? "";
        if (Individual.FirstOrDefault(k => k.Code() == kindCode) is var kind && kind.Code() != kindCode)
            return new JobResult.Failure($"The header 'documentKind' must be one of {string.Join(", ", Individual.Select(k => k.Code()))}, not '{kindCode}'.");
        var db = await context.DomainAsync(ct);
        var facts = await FactsAsync(db, context, kind, ct);
        if (facts is null) return new JobResult.Failure($"Employee {context.Int("employeeId")} has no contract (or not the SK named by skId) to generate the {kindCode} from.");
        var document = generator.Generate(facts, VerificationCodes.New());
        var record = DocumentTable.Add(db, document, facts, context.InstanceId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new JobResult.Completed(new JsonObject
        {
            ["documentId"] = record.Id.ToString(), ["documentNumber"] = record.Number, ["verificationCode"] = record.VerificationCode,
        });
    });

    private Task<DocumentFacts?> FactsAsync(PppkDbContext db, JobContext context, DocumentKind kind, CancellationToken ct) =>
        EmployeeDocumentFacts.ReadAsync(db, kind, context.Int("employeeId"), context.OptionalInt("skId"),
            new SignerInputs(context.OptionalString("signerName"), context.OptionalString("signerTitle"), context.OptionalString("onBehalfLine"), documents.Value.Place),
            (DocumentDates.Today(clock), pppk.Value.SkSigner), ct);
}
