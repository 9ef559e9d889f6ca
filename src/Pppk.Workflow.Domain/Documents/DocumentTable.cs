using System.Linq.Expressions;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>
/// A generated document (<c>pppk.documents</c>). The PDF itself is kept in the row (bytea): a few tens of kilobytes
/// (a few hundred for a collective SK), written in the same transaction as the step that made it, backed up with the
/// rest, and readable by every web process without a shared disk.
/// </summary>
public sealed class DocumentRecord
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public Guid? InstanceId { get; set; }
    /// <summary>The appointee's NIK for an individual document; null for a collective one.</summary>
    public string? SubjectNik { get; set; }
    /// <summary>The name printed on the page: the appointee, or "500 pegawai" for a collective document.</summary>
    public string SubjectName { get; set; } = "";
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public DateOnly DocumentDate { get; set; }
    public byte[] Pdf { get; set; } = [];
    /// <summary>SHA-256 of <see cref="Pdf"/>, for "is this exactly the document" without comparing bytes.</summary>
    public byte[] Sha256 { get; set; } = [];
    public string VerificationCode { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SignedAt { get; set; }
    public string SignerName { get; set; } = "";
    public string SignerTitle { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public string? RevokeReason { get; set; }
}

/// <summary>What a verification shows: what is printed on the document, and whether it still stands. Never the PDF, never the NIK.</summary>
public sealed record DocumentSummary(Guid Id, string Kind, string Title, string Number, DateOnly Date, string SubjectName,
    string SignerName, string SignerTitle, DateTimeOffset? SignedAt, DateTimeOffset? RevokedAt, string? RevokeReason);

/// <summary>The owner of <c>pppk.documents</c>: its mapping, and every read and write of it.</summary>
public static class DocumentTable
{
    public static void Configure(ModelBuilder b) => b.Entity<DocumentRecord>(e =>
    {
        e.ToTable("documents");
        e.HasIndex(d => d.VerificationCode).IsUnique();
        e.HasIndex(d => d.Sha256);
        e.HasIndex(d => d.SubjectNik).HasFilter("subject_nik IS NOT NULL");
        e.HasIndex(d => d.InstanceId).HasFilter("instance_id IS NOT NULL");
        e.Property(d => d.Kind).HasMaxLength(40);
        e.Property(d => d.Number).HasMaxLength(200);
        e.Property(d => d.VerificationCode).HasMaxLength(VerificationCodes.Length);
    });

    /// <summary>Adds a generated document to <paramref name="db"/> (saved with the caller's next SaveChanges: in a step, with the step).</summary>
    public static DocumentRecord Add(PppkDbContext db, GeneratedDocument document, DocumentFacts facts, Guid? instanceId, DateTimeOffset now)
    {
        var individual = facts.Appointees.Count == 1;
        var record = new DocumentRecord
        {
            Id = Guid.CreateVersion7(now),
            Kind = document.Kind.Code(),
            InstanceId = instanceId,
            SubjectNik = individual ? facts.Appointees[0].Nik : null,
            SubjectName = facts.Subject ?? (individual ? facts.Appointees[0].Name : $"{facts.Appointees.Count} pegawai"),
            Number = document.Number,
            Title = document.Title,
            DocumentDate = facts.Date,
            Pdf = document.Pdf,
            Sha256 = SHA256.HashData(document.Pdf),
            VerificationCode = document.VerificationCode,
            CreatedAt = now,
            SignerName = facts.Signer.Name,
            SignerTitle = facts.Signer.Title,
        };
        db.Set<DocumentRecord>().Add(record);
        return record;
    }

    public static Task<DocumentSummary?> FindByCodeAsync(PppkDbContext db, string code, CancellationToken ct) =>
        Rows(db).Where(d => d.VerificationCode == code).Select(Summary).SingleOrDefaultAsync(ct);

    /// <summary>The document whose PDF is exactly <paramref name="pdf"/>: same hash, and the same bytes (a hash match alone is not proof enough to print).</summary>
    public static async Task<DocumentSummary?> FindExactAsync(PppkDbContext db, byte[] pdf, CancellationToken ct)
    {
        var hash = SHA256.HashData(pdf);
        var candidates = await Rows(db).Where(d => d.Sha256 == hash).Select(d => new { d.Id, d.Pdf }).ToListAsync(ct);
        var match = candidates.FirstOrDefault(c => c.Pdf.AsSpan().SequenceEqual(pdf));
        return match is null ? null : await FindAsync(db, match.Id, ct);
    }

    public static Task<DocumentSummary?> FindAsync(PppkDbContext db, Guid id, CancellationToken ct) =>
        Rows(db).Where(d => d.Id == id).Select(Summary).SingleOrDefaultAsync(ct);

    /// <summary>Replaces the draft PDF by the signed one (its hash with it) and records when; false when the document is unknown, signed or revoked.</summary>
    public static async Task<bool> RecordSignatureAsync(PppkDbContext db, Guid id, Signing.SignedPdf signed, CancellationToken ct)
    {
        var hash = SHA256.HashData(signed.Pdf);
        return await db.Set<DocumentRecord>().Where(d => d.Id == id && d.SignedAt == null && d.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Pdf, signed.Pdf).SetProperty(d => d.Sha256, hash).SetProperty(d => d.SignedAt, signed.SignedAt), ct) == 1;
    }

    /// <summary>
    /// Replaces a draft by its final version, signed: the number, title, date and signer it now prints, the signed PDF and its
    /// hash; false when the document is unknown, signed or revoked (so a repeated step cannot record a second signature).
    /// </summary>
    public static async Task<bool> RecordSignedVersionAsync(PppkDbContext db, Guid id, GeneratedDocument document, DocumentFacts facts, Signing.SignedPdf signed, CancellationToken ct)
    {
        var hash = SHA256.HashData(signed.Pdf);
        return await db.Set<DocumentRecord>().Where(d => d.Id == id && d.SignedAt == null && d.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Number, document.Number).SetProperty(d => d.Title, document.Title).SetProperty(d => d.DocumentDate, facts.Date)
                .SetProperty(d => d.SignerName, facts.Signer.Name).SetProperty(d => d.SignerTitle, facts.Signer.Title)
                .SetProperty(d => d.Pdf, signed.Pdf).SetProperty(d => d.Sha256, hash).SetProperty(d => d.SignedAt, signed.SignedAt), ct) == 1;
    }

    /// <summary>The case's documents not signed yet (nor revoked), oldest first, tracked for no one: what a signing step signs.</summary>
    public static Task<List<DocumentRecord>> DraftsOfAsync(PppkDbContext db, Guid instanceId, CancellationToken ct) =>
        Rows(db).Where(d => d.InstanceId == instanceId && d.SignedAt == null && d.RevokedAt == null).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).ToListAsync(ct);

    /// <summary>Revokes a standing document; false when it is unknown or already revoked (the first reason stays).</summary>
    public static async Task<bool> RevokeAsync(PppkDbContext db, Guid id, string reason, string? user, DateTimeOffset now, CancellationToken ct) =>
        await db.Set<DocumentRecord>().Where(d => d.Id == id && d.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.RevokedAt, now).SetProperty(d => d.RevokeReason, reason).SetProperty(d => d.RevokedBy, user), ct) == 1;

    private static IQueryable<DocumentRecord> Rows(PppkDbContext db) => db.Set<DocumentRecord>().AsNoTracking();

    private static readonly Expression<Func<DocumentRecord, DocumentSummary>> Summary = d =>
        new DocumentSummary(d.Id, d.Kind, d.Title, d.Number, d.DocumentDate, d.SubjectName, d.SignerName, d.SignerTitle, d.SignedAt, d.RevokedAt, d.RevokeReason);
}
