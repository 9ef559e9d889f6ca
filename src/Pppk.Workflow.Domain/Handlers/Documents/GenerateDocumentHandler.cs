using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Domain.Documents;
using Pppk.Workflow.Domain.Documents.Signing;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Documents;

/// <summary>
/// <c>pppk.document</c>: generates a document (header <c>documentKind</c>) from the records and stores it with its PDF in
/// the step's transaction, from the kind's current template (the newest uploaded version, else the built-in file).
/// An employee's document (<c>sk</c>, <c>perjanjian-kerja</c>, <c>spmt</c>, <c>sk-perpanjangan</c>,
/// <c>pemberitahuan-tidak-diperpanjang</c>, <c>sk-paruh-waktu</c>) reads the employee, their SK, their latest contract
/// and the salary scale (<see cref="EmployeeDocumentFacts"/>); the ranking announcement (<c>pengumuman-peringkat</c>)
/// reads the formation's stored ranking (<see cref="AnnouncementFacts"/>). Numbers are not inputs (they would collide
/// with the previous document task's output). Output: <c>documentId</c>, <c>documentNumber</c>, <c>verificationCode</c>
/// (map them to names of their own when a process makes several documents). With the header <c>sign</c> = <c>ya</c> the
/// document is signed at once (a decision taken before it, like the PPK's renewal decision). Before the SK is numbered, its SK, perjanjian
/// kerja and SPMT are drafts (<see cref="EmployeeDocumentFacts.DraftNumber"/>) that <c>pppk.sign-document</c> numbers and signs.
/// </summary>
public sealed class GenerateDocumentHandler(DocumentGenerator generator, IDocumentSigner signer, IOptions<DocumentsOptions> documents, IOptions<PppkOptions> pppk,
    TimeProvider clock) : IDescribedJobHandler
{
    public string Type => "pppk.document";

    public JobDescription Description { get; } = new("Buat dokumen pegawai", "Membuat SK, perjanjian kerja, SPMT, SK perpanjangan, pemberitahuan tidak diperpanjang, SK paruh waktu atau pengumuman peringkat dari datanya, lengkap dengan PDF dan kode verifikasi.")
    {
        Inputs = [
            new("employeeId", "Pegawai (id; semua jenis kecuali pengumuman)", JobValueType.Number, Required: false),
            new("skId", "SK (id; bawaan SK terakhir)", JobValueType.Number, Required: false),
            new("formationCode", "Kode formasi (pengumuman peringkat)", JobValueType.Text, Required: false),
            new("reason", "Alasan tidak diperpanjang (pemberitahuan)", JobValueType.Text, Required: false),
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
            new("documentKind", "Jenis dokumen")
            {
                Choices = [
                    new("sk", "SK pengangkatan"), new("perjanjian-kerja", "Perjanjian kerja"), new("spmt", "SPMT"),
                    new("sk-perpanjangan", "SK perpanjangan"), new("pemberitahuan-tidak-diperpanjang", "Pemberitahuan tidak diperpanjang"),
                    new("sk-paruh-waktu", "SK PPPK paruh waktu"), new("pengumuman-peringkat", "Pengumuman peringkat formasi"),
                ],
                Default = "sk",
            },
            new("sign", "Tanda tangani saat dibuat") { Choices = [new("tidak", "Tidak (draf untuk tugas tanda tangan)"), new("ya", "Ya (keputusan sudah diambil)")], Default = "tidak" },
        ],
    };
    public bool Inline => true;

    private static readonly DocumentKind[] Generated = [DocumentKind.Sk, DocumentKind.PerjanjianKerja, DocumentKind.Spmt,
        DocumentKind.SkPerpanjangan, DocumentKind.PemberitahuanTidakDiperpanjang, DocumentKind.SkParuhWaktu, DocumentKind.PengumumanPeringkat];

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var kindCode = context.Headers.GetValueOrDefault("documentKind") ?? context.OptionalString("documentKind") ?? "";
        if (DocumentKinds.FromCode(kindCode) is not { } kind || !Generated.Contains(kind))
            return new JobResult.Failure($"The header 'documentKind' must be one of {string.Join(", ", Generated.Select(k => k.Code()))}, not '{kindCode}'.");
        var db = await context.DomainAsync(ct);
        var defaults = new FactDefaults(documents.Value.Place, pppk.Value.SkSigner, DocumentDates.Today(clock));
        DocumentFacts? facts;
        if (kind == DocumentKind.PengumumanPeringkat)
        {
            facts = await AnnouncementFacts.ReadAsync(db, context, defaults, ct);
            if (facts is null) return new JobResult.Failure($"Formation {context.OptionalString("formationCode")} has no stored ranking to announce (run pppk.rank-formation first).");
        }
        else
        {
            facts = await EmployeeDocumentFacts.ReadAsync(db, kind, context.Int("employeeId"), context.OptionalInt("skId"),
                new SignerInputs(context.OptionalString("signerName"), context.OptionalString("signerTitle"), context.OptionalString("onBehalfLine"), defaults.Place),
                (defaults.Today, defaults.Signer), context.OptionalString("reason"), ct);
            if (facts is null) return new JobResult.Failure($"Employee {context.OptionalInt("employeeId")} has no contract (or not the SK named by skId) to generate the {kindCode} from.");
        }
        var document = generator.Generate(facts, VerificationCodes.New(), await CurrentTemplates.ForAsync(db, kind, ct));
        var record = DocumentTable.Add(db, document, facts, context.InstanceId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        // A document whose decision was taken before it is made (the PPK's renewal decision) is signed in the same step.
        if (context.Headers.GetValueOrDefault("sign") == "ya")
            await SignedDocuments.SignAsync(db, signer, record.Id, document, facts, ct);
        return new JobResult.Completed(new JsonObject
        {
            ["documentId"] = record.Id.ToString(), ["documentNumber"] = record.Number, ["verificationCode"] = record.VerificationCode,
        });
    });
}

/// <summary>What a document falls back to when the process gives nothing: where it is set, who signs, and today (WITA).</summary>
internal sealed record FactDefaults(string Place, string Signer, DateOnly Today);
