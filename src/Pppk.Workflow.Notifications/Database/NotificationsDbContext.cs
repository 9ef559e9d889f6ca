using Microsoft.EntityFrameworkCore;

namespace Pppk.Workflow.Notifications.Database;

/// <summary>The email outbox and the edited email template versions in schema <c>pppk</c>, with their own migrations history next to the runtime's.</summary>
public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public const string Schema = "pppk";
    public const string MigrationsHistoryTable = "__ef_migrations_history_notifications";

    public DbSet<EmailRecord> Emails => Set<EmailRecord>();

    public DbSet<TemplateEditing.TemplateVersionRecord> TemplateVersions => Set<TemplateEditing.TemplateVersionRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema(Schema);
        builder.Entity<EmailRecord>(e =>
        {
            e.ToTable("emails");
            e.HasKey(x => x.Id);
            e.Property(x => x.MessageId).IsRequired();
            e.HasIndex(x => x.MessageId).IsUnique();
            e.HasIndex(x => x.DedupKey).IsUnique();
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
            e.Property(x => x.NextAttemptAt).HasDefaultValueSql("now()");
            // The senders' claim: queued rows in its order (due time, id), so it stops at the rows it takes instead of
            // sorting every due row (267 ms a claim with 30,000 queued in a timer burst).
            e.HasIndex(x => new { x.NextAttemptAt, x.Id }).HasFilter("status = 'queued'").HasDatabaseName("ix_emails_queued_due");
            e.HasIndex(x => x.InstanceId);
            e.HasIndex(x => x.CreatedAt);
            e.Property(x => x.AttachmentNames).HasDefaultValueSql("'{}'");
            e.Property(x => x.AttachmentTypes).HasDefaultValueSql("'{}'");
            e.Property(x => x.AttachmentContents).HasDefaultValueSql("'{}'");
        });
        builder.Entity<TemplateEditing.TemplateVersionRecord>(e =>
        {
            e.ToTable("email_template_versions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.ChangedBy).HasMaxLength(256);
            e.Property(x => x.ChangedByName).HasMaxLength(200);
            e.Property(x => x.Comment).HasMaxLength(TemplateEditing.TemplateLimits.Comment);
            e.Property(x => x.ChangedAt).HasDefaultValueSql("now()");
            // Two editors saving the same next version: the second insert fails here (409).
            e.HasIndex(x => new { x.Name, x.Version }).IsUnique();
        });
    }
}
