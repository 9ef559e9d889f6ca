namespace Pppk.Workflow.Notifications.TemplateEditing;

/// <summary>
/// One edited version of an email template (table <c>email_template_versions</c>). Version 1 of every template is its
/// shipped files in workflows/templates and has no row; each save adds the next number. The row is also the audit record.
/// </summary>
public sealed class TemplateVersionRecord
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public int Version { get; set; }
    public required string Subject { get; set; }
    public required string Html { get; set; }
    public required string Text { get; set; }

    /// <summary>The user name of who saved it, and their full name at the time (shown on screens).</summary>
    public required string ChangedBy { get; set; }
    public string? ChangedByName { get; set; }
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>Why it was changed, as the editor wrote it (a restore names the version it restored).</summary>
    public string? Comment { get; set; }

    /// <summary>The version this one restored, if it was a restore.</summary>
    public int? RestoredFrom { get; set; }
}
