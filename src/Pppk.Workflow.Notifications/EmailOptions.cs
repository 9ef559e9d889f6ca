using System.ComponentModel.DataAnnotations;

namespace Pppk.Workflow.Notifications;

/// <summary>The <c>Email</c> section: SMTP server (or the pickup folder when none), sender, pacing, retries, templates, digest.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>SMTP host; empty means no server: emails are written as .eml files into <see cref="PickupDirectory"/>.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>None, StartTls, StartTlsWhenAvailable, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string TlsMode { get; set; } = "StartTlsWhenAvailable";

    public string? UserName { get; set; }
    public string? Password { get; set; }

    [Required, EmailAddress]
    public string From { get; set; } = "noreply@bkpsdm.kukarkab.go.id";

    public string FromName { get; set; } = "BKPSDM Kutai Kartanegara";

    /// <summary>Where .eml files go without SMTP; relative to the application home.</summary>
    public string PickupDirectory { get; set; } = "data/mail-pickup";

    /// <summary>Liquid templates; relative to the application home.</summary>
    public string TemplatesDirectory { get; set; } = "workflows/templates";

    /// <summary>How often a node looks for template versions saved in the editor on another node (the saving node uses them at once).</summary>
    public TimeSpan TemplateRefresh { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The domain part of generated Message-IDs.</summary>
    public string MessageIdDomain { get; set; } = "pppk.bkpsdm.kukarkab.go.id";

    /// <summary>At most this many messages per second through one sender (0: no limit).</summary>
    [Range(0, 10_000)]
    public double MaxPerSecond { get; set; }

    /// <summary>Messages sent over one SMTP connection before it is closed and opened anew (0: no limit; some servers cap this).</summary>
    [Range(0, 100_000)]
    public int MaxMessagesPerConnection { get; set; }

    /// <summary>Emails claimed at once by a sender; they go through one SMTP connection.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claimed batch is reserved; after a crash its unsent rows wait this long before another sender takes them.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Senders that may deliver at the same time in the whole deployment (each holds one SMTP connection). A crash
    /// can send at most one email twice per sender that was running.
    /// </summary>
    [Range(1, 16)]
    public int Senders { get; set; } = 1;

    /// <summary>Attempts before a transient failure becomes permanent.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; it doubles per attempt, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most an email task may attach, all files together (a signed SK is tens of KB; mail servers refuse large messages).</summary>
    public int MaxAttachmentBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The zone dates and times are shown in (WITA for Kutai Kartanegara).</summary>
    public string TimeZone { get; set; } = "Asia/Makassar";

    public DigestOptions Digest { get; set; } = new();

    /// <summary>Link to the inbox in reminders and digests.</summary>
    public string InboxUrl { get; set; } = "http://localhost:5080/";

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);

    public sealed class DigestOptions
    {
        public bool Enabled { get; set; } = true;

        /// <summary>Local time of day, HH:mm.</summary>
        [RegularExpression(@"^([01]\d|2[0-3]):[0-5]\d$")]
        public string Time { get; set; } = "07:30";

        public string TimeZone { get; set; } = "Asia/Makassar";

        public string Template { get; set; } = "ringkasan-harian";
    }
}
