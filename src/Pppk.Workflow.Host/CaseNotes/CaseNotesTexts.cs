using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Host.CaseNotes;

/// <summary>Why a comment or an attachment was refused, by code, in English and Indonesian.</summary>
internal static class CaseNotesTexts
{
    public static readonly TextTemplate TextRequired = new("comment-text-required",
        "text is required: what the comment says.",
        "Isi komentar wajib diisi.");
    // {0} the role the caller has
    public static readonly TextTemplate ReadOnly = new("case-notes-read-only",
        "Only staff may comment on a case or attach files to it; {0} may read them.",
        "Hanya petugas yang dapat menulis komentar atau melampirkan berkas pada kasus; {0} hanya dapat membacanya.");
    // {0} the instance's status
    public static readonly TextTemplate CaseEnded = new("case-notes-case-ended",
        "The case has ended ({0}): its comments and attachments can be read, but nothing can be added.",
        "Kasus ini sudah berakhir ({0}): komentar dan lampirannya dapat dibaca, tetapi tidak dapat ditambah.");
    public static readonly TextTemplate TaskNotOfCase = new("case-notes-task-unknown",
        "taskId {0} is not a task of this case.",
        "taskId {0} bukan tugas pada kasus ini.");
    public static readonly TextTemplate FileRequired = new("attachment-file-required",
        "Send one file as multipart/form-data (field 'file').",
        "Kirim satu berkas sebagai multipart/form-data (isian 'file').");
    public static readonly TextTemplate OneFile = new("attachment-one-file",
        "Send one file at a time; this request has {0}.",
        "Kirim satu berkas setiap kali; permintaan ini berisi {0} berkas.");
    public static readonly TextTemplate Empty = new("attachment-empty",
        "The file is empty.",
        "Berkas kosong.");
    // {0} the file's size, {1} the limit, both readable (e.g. 10 MB)
    public static readonly TextTemplate TooLarge = new("attachment-too-large",
        "The file is {0}; an attachment may be at most {1} (Limits:AttachmentBytes).",
        "Berkas berukuran {0}; lampiran paling besar {1} (Limits:AttachmentBytes).");
    // {0} what the bytes are, {1} the allowed types
    public static readonly TextTemplate TypeRefused = new("attachment-type-refused",
        "A file of type {0} cannot be attached; allowed: {1}.",
        "Berkas berjenis {0} tidak dapat dilampirkan; yang diterima: {1}.");
    // {0} the file name, {1} what the bytes are, {2} the extensions that fit
    public static readonly TextTemplate NameMismatch = new("attachment-name-mismatch",
        "The file is named '{0}' but its content is {1}; its name must end in {2}.",
        "Nama berkas '{0}' tidak sesuai isinya ({1}); namanya harus berakhiran {2}.");
    public static readonly TextTemplate NoAttachment = new("attachment-not-found",
        "No attachment {0}.",
        "Tidak ada lampiran {0}.");
    // {0} the task's name
    public static readonly TextTemplate AttachmentRequired = new("task-attachment-required",
        "Task '{0}' requires an attachment: upload a file to the case (from the task page) before completing it.",
        "Tugas ini memerlukan lampiran: unggah berkas pada kasus (dari halaman tugas) sebelum menyelesaikan tugas '{0}'.");
}
