using Pppk.Workflow.Domain.Data;

namespace Pppk.Workflow.Domain.Documents.Signing;

/// <summary>Signs a stored draft's PDF and records the signed version (bytes, hash, signer) in the step's transaction.</summary>
internal static class SignedDocuments
{
    /// <summary>When it was signed; null when the draft was signed or revoked meanwhile (it is never signed twice).</summary>
    public static async Task<DateTimeOffset?> SignAsync(PppkDbContext db, IDocumentSigner signer, Guid draftId, GeneratedDocument document, DocumentFacts facts,
        CancellationToken ct)
    {
        var signed = await signer.SignAsync(document.Pdf, new SigningRequest(facts.Signer.Name, "Penetapan " + document.Title, facts.Place), ct);
        return await DocumentTable.RecordSignedVersionAsync(db, draftId, document, facts, signed, ct) ? signed.SignedAt : null;
    }
}
