using Microsoft.EntityFrameworkCore;
using Npgsql;
using Pppk.Workflow.Domain.Data;

namespace Pppk.Workflow.Domain.CaseNotes;

/// <summary>A comment on a case (<c>pppk.case_comments</c>): written once, never edited or deleted, so the rows are their own audit.</summary>
public sealed class CaseComment
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    /// <summary>The task page it was written from, if any.</summary>
    public Guid? TaskId { get; set; }
    public string Author { get; set; } = "";
    /// <summary>The author's display name when they wrote it (a user renamed or removed later still reads as they were).</summary>
    public string AuthorName { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A file attached to a case (<c>pppk.case_attachments</c>): the bytes in the row (bytea, at most <c>Limits:AttachmentBytes</c>),
/// like the documents: backed up with the case and readable by every web process without a shared disk.
/// </summary>
public sealed class CaseAttachment
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid? TaskId { get; set; }
    public string FileName { get; set; } = "";
    /// <summary>The type sniffed from the bytes, never the one the client claimed.</summary>
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public byte[] Sha256 { get; set; } = [];
    public byte[] Content { get; set; } = [];
    public string UploadedBy { get; set; } = "";
    public string UploadedByName { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>A comment as the API shows it.</summary>
public sealed record CommentView(Guid Id, string Author, string AuthorName, string Text, DateTimeOffset CreatedAt, Guid? TaskId);

/// <summary>An attachment as the API shows it (without its bytes); <see cref="Sha256"/> in lower-case hex.</summary>
public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, string UploadedByName,
    DateTimeOffset UploadedAt, Guid? TaskId);

/// <summary>An attachment's file, for a download.</summary>
public sealed record AttachmentFile(Guid InstanceId, string FileName, string ContentType, byte[] Content);

/// <summary>The owner of <c>pppk.case_comments</c> and <c>pppk.case_attachments</c>: their mapping, and every read and write of them.</summary>
public static class CaseNoteTables
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<CaseComment>(e =>
        {
            e.ToTable("case_comments");
            e.HasIndex(c => new { c.InstanceId, c.CreatedAt });
            e.Property(c => c.Author).HasMaxLength(256);
            e.Property(c => c.AuthorName).HasMaxLength(256);
        });
        b.Entity<CaseAttachment>(e =>
        {
            e.ToTable("case_attachments");
            e.HasIndex(a => new { a.InstanceId, a.UploadedAt });
            e.Property(a => a.FileName).HasMaxLength(255);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.UploadedBy).HasMaxLength(256);
            e.Property(a => a.UploadedByName).HasMaxLength(256);
        });
    }

    public static async Task<CommentView> AddCommentAsync(PppkDbContext db, CaseComment comment, CancellationToken ct)
    {
        db.Set<CaseComment>().Add(comment);
        await db.SaveChangesAsync(ct);
        return new(comment.Id, comment.Author, comment.AuthorName, comment.Text, comment.CreatedAt, comment.TaskId);
    }

    public static async Task<AttachmentView> AddAttachmentAsync(PppkDbContext db, CaseAttachment attachment, CancellationToken ct)
    {
        db.Set<CaseAttachment>().Add(attachment);
        await db.SaveChangesAsync(ct);
        db.Entry(attachment).State = EntityState.Detached;
        return View(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size, attachment.Sha256, attachment.UploadedBy, attachment.UploadedByName,
            attachment.UploadedAt, attachment.TaskId);
    }

    /// <summary>A case's comments, oldest first (a case has tens, not thousands: no paging).</summary>
    public static Task<List<CommentView>> CommentsAsync(PppkDbContext db, Guid instanceId, CancellationToken ct) =>
        db.Set<CaseComment>().AsNoTracking().Where(c => c.InstanceId == instanceId).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentView(c.Id, c.Author, c.AuthorName, c.Text, c.CreatedAt, c.TaskId)).ToListAsync(ct);

    /// <summary>A case's attachments, oldest first, without their bytes.</summary>
    public static async Task<List<AttachmentView>> AttachmentsAsync(PppkDbContext db, Guid instanceId, CancellationToken ct) =>
        (await db.Set<CaseAttachment>().AsNoTracking().Where(a => a.InstanceId == instanceId).OrderBy(a => a.UploadedAt).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedBy, a.UploadedByName, a.UploadedAt, a.TaskId }).ToListAsync(ct))
        .Select(a => View(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedBy, a.UploadedByName, a.UploadedAt, a.TaskId)).ToList();

    /// <summary>The case an attachment belongs to, without reading its bytes (to decide who may download it first).</summary>
    public static Task<Guid?> InstanceOfAttachmentAsync(PppkDbContext db, Guid id, CancellationToken ct) =>
        db.Set<CaseAttachment>().AsNoTracking().Where(a => a.Id == id).Select(a => (Guid?)a.InstanceId).SingleOrDefaultAsync(ct);

    public static Task<AttachmentFile?> FileAsync(PppkDbContext db, Guid id, CancellationToken ct) =>
        db.Set<CaseAttachment>().AsNoTracking().Where(a => a.Id == id).Select(a => new AttachmentFile(a.InstanceId, a.FileName, a.ContentType, a.Content))
            .SingleOrDefaultAsync(ct);

    /// <summary>
    /// Whether the case has an attachment that belongs to a task: linked to it, or uploaded since it was opened. Read on
    /// the completing step's own connection and transaction (the task's rule is decided with the task row locked), or,
    /// for the task page, on any connection without one.
    /// </summary>
    public static async Task<bool> HasAttachmentForTaskAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid instanceId, Guid taskId,
        DateTimeOffset taskCreatedAt, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT EXISTS (SELECT 1 FROM pppk.case_attachments WHERE instance_id = @instance AND (task_id = @task OR uploaded_at >= @since))
            """, connection, transaction);
        cmd.Parameters.AddWithValue("instance", instanceId);
        cmd.Parameters.AddWithValue("task", taskId);
        cmd.Parameters.AddWithValue("since", taskCreatedAt);
        return await cmd.ExecuteScalarAsync(ct) is true;
    }

    private static AttachmentView View(Guid id, string fileName, string contentType, long size, byte[] sha256, string uploadedBy, string uploadedByName,
        DateTimeOffset uploadedAt, Guid? taskId) =>
        new(id, fileName, contentType, size, Convert.ToHexStringLower(sha256), uploadedBy, uploadedByName, uploadedAt, taskId);
}
