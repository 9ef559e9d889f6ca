using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Notifications.TemplateEditing;

/// <summary>The template editor API's problems, by code, in English and Indonesian.</summary>
public static class TemplateEditTexts
{
    public static readonly TextTemplate NotFound = new("email-template-not-found",
        "There is no email template '{0}'.",
        "Templat email '{0}' tidak ada.");
    public static readonly TextTemplate VersionNotFound = new("email-template-version-not-found",
        "The email template '{0}' has no version {1}.",
        "Templat email '{0}' tidak memiliki versi {1}.");
    public static readonly TextTemplate BaseVersion = new("email-template-base-version",
        "baseVersion is required: the version the edit started from (1 or more).",
        "baseVersion wajib diisi: versi yang menjadi dasar perubahan (1 atau lebih).");
    public static readonly TextTemplate Conflict = new("email-template-conflict",
        "Someone saved version {1} of '{0}' while you edited version {2}; open the newest version and apply your changes to it.",
        "Orang lain sudah menyimpan versi {1} templat '{0}' saat Anda mengubah versi {2}; buka versi terbaru lalu terapkan perubahan Anda di sana.");
    public static readonly TextTemplate Unchanged = new("email-template-unchanged",
        "Nothing changed: the template is the same as version {0}.",
        "Tidak ada perubahan: templat sama dengan versi {0}.");
    public static readonly TextTemplate CommentTooLong = new("email-template-comment-too-long",
        "The comment is {0} characters long; at most {1} are allowed.",
        "Catatan perubahan sepanjang {0} karakter; paling banyak {1} karakter.");
    public static readonly TextTemplate Refused = new("email-template-invalid",
        "The template was not saved: {0}",
        "Templat tidak disimpan: {0}");
    public static readonly TextTemplate MissingSample = new("email-template-sample-missing",
        "The sample variables lack {0}, which the template needs.",
        "Variabel contoh belum berisi {0}, yang diperlukan templat.");
    public static readonly TextTemplate RenderFailed = new("email-template-render-failed",
        "The template cannot be rendered with these sample variables: {0}",
        "Templat tidak dapat ditampilkan dengan variabel contoh ini: {0}");
}
