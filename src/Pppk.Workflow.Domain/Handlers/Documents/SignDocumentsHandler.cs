using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Documents;
using Pppk.Workflow.Domain.Documents.Signing;
using Pppk.Workflow.Domain.Handlers.SkIssuance;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Domain.Handlers.Documents;

/// <summary>
/// <c>pppk.sign-document</c>: signs the case's drafts (the documents <c>pppk.document</c> made in this case and nobody signed
/// yet), after the PPK's signing task. With the header <c>drawSkNumber</c> (the default) it first issues the SK with the next
/// number of its year, then makes each draft again with that number on it, so the number appears on the signed document
/// and is taken only when the PPK signs. Everything (the number, the new PDFs, the signatures and their hashes) is
/// written in the step's transaction: a step that does not commit leaves no number, no signature; a step repeated after a
/// crash finds the drafts still unsigned and signs them once; a document signed already is never signed again.
/// </summary>
public sealed class SignDocumentsHandler(DocumentGenerator generator, IDocumentSigner signer, IOptions<DocumentsOptions> documents, IOptions<PppkOptions> pppk,
    TimeProvider clock) : IDescribedJobHandler
{
    public string Type => "pppk.sign-document";

    public JobDescription Description { get; } = new("Tanda tangani dokumen", "Memberi nomor SK lalu menandatangani secara elektronik dokumen kasus yang belum ditandatangani (SK, perjanjian kerja, SPMT).")
    {
        Inputs = [
            new("employeeId", "Pegawai (id)", JobValueType.Number),
            new("skKind", "Jenis SK (pengangkatan, perpanjangan)", JobValueType.Text, Required: false),
            new("signerName", "Nama penandatangan", JobValueType.Text, Required: false),
            new("signerTitle", "Jabatan penandatangan", JobValueType.Text, Required: false),
            new("onBehalfLine", "Baris a.n./Plh.", JobValueType.Text, Required: false),
        ],
        Outputs = [
            new("skId", "SK (id)"),
            new("skNumber", "Nomor SK"),
            new("skDate", "Tanggal SK"),
            new("signedDocumentIds", "Dokumen yang ditandatangani (id)"),
            new("signedAt", "Waktu tanda tangan"),
        ],
        Headers = [
            new("drawSkNumber", "Beri nomor SK saat menandatangani") { Choices = [new("ya", "Ya"), new("tidak", "Tidak (dokumen sudah bernomor)")], Default = "ya" },
        ],
    };
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct) => HandlerInput.Guard(async () =>
    {
        var db = await context.DomainAsync(ct);
        var drafts = await DocumentTable.DraftsOfAsync(db, context.InstanceId, ct);
        if (drafts.Count == 0) return new JobResult.Failure("The case has no unsigned document to sign; generate it first with a 'pppk.document' task.");
        var employeeId = context.Int("employeeId");
        var output = new JsonObject();
        int? skId = null;
        if ((context.Headers.GetValueOrDefault("drawSkNumber") ?? "ya") != "tidak")
        {
            var options = pppk.Value;
            var date = DocumentDates.Today(clock);
            var (id, number) = await NumberSkHandler.IssueAsync(context.RequireStep(), options, employeeId, context.OptionalString("skKind") ?? "pengangkatan", date,
                context.OptionalString("signerName") ?? options.SkSigner, ct);
            await db.Contracts.Where(c => c.EmployeeId == employeeId && c.SkId == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.SkId, id), ct);
            (skId, output["skId"], output["skNumber"], output["skDate"]) = (id, id, number, date.Iso());
        }
        var signed = new JsonArray();
        DateTimeOffset? signedAt = null;
        foreach (var draft in drafts)
        {
            if (await SignAsync(db, context, draft, employeeId, skId, ct) is not { } at)
                return new JobResult.Failure($"The document {draft.Id} ({draft.Kind}) could not be made again from employee {employeeId}'s records to be signed.");
            signed.Add(draft.Id.ToString());
            signedAt = at;
        }
        output["signedDocumentIds"] = signed;
        output["signedAt"] = signedAt?.ToString("O");
        return new JobResult.Completed(output);
    });

    /// <summary>Makes the draft again from the records (same verification code), signs it and records it; null when its facts are gone.</summary>
    private async Task<DateTimeOffset?> SignAsync(PppkDbContext db, JobContext context, DocumentRecord draft, int employeeId, int? skId, CancellationToken ct)
    {
        // An individual document of the employee's; a kind this step cannot make again (a collective one) is not signed here.
        if (Enum.GetValues<DocumentKind>().Where(k => k.Code() == draft.Kind).Cast<DocumentKind?>().FirstOrDefault() is not { } kind || draft.SubjectNik is null) return null;
        var place = documents.Value.Place;
        var facts = await EmployeeDocumentFacts.ReadAsync(db, kind, employeeId, skId,
            new SignerInputs(context.OptionalString("signerName"), context.OptionalString("signerTitle"), context.OptionalString("onBehalfLine"), place),
            (DocumentDates.Today(clock), pppk.Value.SkSigner), null, ct);
        if (facts is null || facts.Appointees[0].Nik != draft.SubjectNik) return null;
        var document = generator.Generate(facts, draft.VerificationCode, await CurrentTemplates.ForAsync(db, kind, ct));
        return await SignedDocuments.SignAsync(db, signer, draft.Id, document, facts, ct);
    }
}
