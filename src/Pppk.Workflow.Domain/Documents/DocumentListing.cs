using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>A document as lists show it: what it is, its state, who signed it, where to check it; never the PDF.</summary>
public sealed record DocumentListItem(Guid Id, string Kind, string Title, string Number, DateOnly Date, string SubjectName, string State,
    string SignedBy, string SignerTitle, DateTimeOffset? SignedAt, DateTimeOffset? RevokedAt, string? RevokeReason, string Sha256,
    string VerificationCode, Guid? InstanceId, DateTimeOffset CreatedAt);

/// <summary>The reads behind the download and the lists (a case's documents, a person's): who may see one is decided by the caller.</summary>
public static class DocumentListing
{
    /// <summary>The case and the person of a document, to decide who may see it before anything else is read; null when unknown.</summary>
    public static async Task<(Guid? InstanceId, string? SubjectNik)?> OwnerAsync(PppkDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<DocumentRecord>().AsNoTracking().Where(d => d.Id == id).Select(d => new { d.InstanceId, d.SubjectNik }).SingleOrDefaultAsync(ct)
            is { } o ? (o.InstanceId, o.SubjectNik) : null;

    public static async Task<(string FileName, byte[] Pdf)?> PdfAsync(PppkDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<DocumentRecord>().AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Kind, d.Number, d.Pdf }).SingleOrDefaultAsync(ct)
            is { } f ? (DocumentFiles.FileName(f.Kind, f.Number), f.Pdf) : null;

    public static Task<List<DocumentListItem>> OfCaseAsync(PppkDbContext db, Guid instanceId, CancellationToken ct) =>
        ItemsAsync(db.Set<DocumentRecord>().Where(d => d.InstanceId == instanceId), ct);

    /// <summary>A person's documents (at most <paramref name="cap"/>, newest first) with their case, for the caller to filter by who sees it.</summary>
    public static Task<List<(Guid Id, Guid? InstanceId)>> OfPersonAsync(PppkDbContext db, string nik, int cap, CancellationToken ct) =>
        db.Set<DocumentRecord>().AsNoTracking().Where(d => d.SubjectNik == nik).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(cap).Select(d => new ValueTuple<Guid, Guid?>(d.Id, d.InstanceId)).ToListAsync(ct);

    public static Task<List<DocumentListItem>> ByIdsAsync(PppkDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ItemsAsync(db.Set<DocumentRecord>().Where(d => ids.Contains(d.Id)), ct);

    private static async Task<List<DocumentListItem>> ItemsAsync(IQueryable<DocumentRecord> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Select(d => new { d.Id, d.Kind, d.Title, d.Number, d.DocumentDate, d.SubjectName, d.SignerName, d.SignerTitle, d.SignedAt, d.RevokedAt, d.RevokeReason,
                d.Sha256, d.VerificationCode, d.InstanceId, d.CreatedAt })
            .ToListAsync(ct);
        return [.. rows.Select(d => new DocumentListItem(d.Id, d.Kind, d.Title, d.Number, d.DocumentDate, d.SubjectName,
            d.RevokedAt is not null ? "revoked" : d.SignedAt is not null ? "signed" : "draft", d.SignerName, d.SignerTitle, d.SignedAt, d.RevokedAt, d.RevokeReason,
            Convert.ToHexStringLower(d.Sha256), d.VerificationCode, d.InstanceId, d.CreatedAt))];
    }
}
