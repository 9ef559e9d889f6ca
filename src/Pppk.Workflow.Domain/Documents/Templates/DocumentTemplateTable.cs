using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Data;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>
/// An uploaded version of a kind's template (<c>pppk.document_templates</c>). Version 1 of every kind is the file
/// shipped in <c>workflows/documents/</c> and is not stored; uploads and restores count on from 2, and the highest
/// version is the one documents are generated from. Rows are never changed or removed: they are the audit of who
/// changed a template and when.
/// </summary>
public sealed class DocumentTemplateRecord
{
    public int Id { get; set; }
    public string Kind { get; set; } = "";
    public int Version { get; set; }
    public byte[] Docx { get; set; } = [];
    public byte[] Sha256 { get; set; } = [];
    public string FileName { get; set; } = "";
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>The version this one copies, when it was made by restoring an older one.</summary>
    public int? RestoredFrom { get; set; }
}

/// <summary>One version as lists show it (no file bytes).</summary>
public sealed record TemplateVersion(int Version, string FileName, string? UploadedBy, DateTimeOffset? UploadedAt, int? RestoredFrom, int Size);

/// <summary>The owner of <c>pppk.document_templates</c>: its mapping, and every read and write of it.</summary>
public static class DocumentTemplateTable
{
    /// <summary>The shipped file's version number: the first uploaded version is one more.</summary>
    public const int BuiltInVersion = 1;

    public static void Configure(ModelBuilder b) => b.Entity<DocumentTemplateRecord>(e =>
    {
        e.ToTable("document_templates");
        e.HasIndex(t => new { t.Kind, t.Version }).IsUnique();
        e.Property(t => t.Kind).HasMaxLength(40);
        e.Property(t => t.FileName).HasMaxLength(200);
        e.Property(t => t.UploadedBy).HasMaxLength(200);
    });

    /// <summary>The stored versions of a kind, newest first; without the built-in version 1.</summary>
    public static Task<List<TemplateVersion>> VersionsAsync(PppkDbContext db, DocumentKind kind, CancellationToken ct) =>
        Rows(db).Where(t => t.Kind == kind.Code()).OrderByDescending(t => t.Version)
            .Select(t => new TemplateVersion(t.Version, t.FileName, t.UploadedBy, t.UploadedAt, t.RestoredFrom, t.Docx.Length)).ToListAsync(ct);

    /// <summary>The newest stored version of each kind (kinds without uploads are absent).</summary>
    public static async Task<Dictionary<string, TemplateVersion>> LatestAsync(PppkDbContext db, CancellationToken ct) =>
        (await Rows(db).GroupBy(t => t.Kind).Select(g => g.OrderByDescending(t => t.Version)
                .Select(t => new { t.Kind, Version = new TemplateVersion(t.Version, t.FileName, t.UploadedBy, t.UploadedAt, t.RestoredFrom, t.Docx.Length) }).First())
            .ToListAsync(ct)).ToDictionary(x => x.Kind, x => x.Version);

    /// <summary>The newest stored version's number and hash, or null when the kind still uses its built-in file.</summary>
    public static async Task<(int Version, byte[] Sha256)?> CurrentAsync(PppkDbContext db, DocumentKind kind, CancellationToken ct)
    {
        var row = await Rows(db).Where(t => t.Kind == kind.Code()).OrderByDescending(t => t.Version)
            .Select(t => new { t.Version, t.Sha256 }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Version, row.Sha256);
    }

    /// <summary>A version's file: version 1 is the built-in one; null when the kind has no such version.</summary>
    public static async Task<byte[]?> BytesAsync(PppkDbContext db, DocumentKind kind, int version, CancellationToken ct) =>
        version == BuiltInVersion
            ? DefaultDocumentTemplates.Bytes(kind)
            : await Rows(db).Where(t => t.Kind == kind.Code() && t.Version == version).Select(t => t.Docx).SingleOrDefaultAsync(ct);

    /// <summary>Stores <paramref name="docx"/> (already checked) as the kind's next version; the unique (kind, version) index refuses a concurrent upload that took the same number.</summary>
    public static async Task<TemplateVersion> AddAsync(PppkDbContext db, DocumentKind kind, byte[] docx, string fileName, string user, DateTimeOffset now, int? restoredFrom, CancellationToken ct)
    {
        var latest = await Rows(db).Where(t => t.Kind == kind.Code()).MaxAsync(t => (int?)t.Version, ct) ?? BuiltInVersion;
        var record = new DocumentTemplateRecord
        {
            Kind = kind.Code(), Version = latest + 1, Docx = docx, Sha256 = SHA256.HashData(docx), FileName = fileName,
            UploadedBy = user, UploadedAt = now, RestoredFrom = restoredFrom,
        };
        db.Set<DocumentTemplateRecord>().Add(record);
        await db.SaveChangesAsync(ct);
        return new TemplateVersion(record.Version, record.FileName, record.UploadedBy, record.UploadedAt, record.RestoredFrom, docx.Length);
    }

    private static IQueryable<DocumentTemplateRecord> Rows(PppkDbContext db) => db.Set<DocumentTemplateRecord>().AsNoTracking();
}
