using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>Every message about document templates and generated documents, by code, in English and Indonesian.</summary>
public static class DocumentTexts
{
    public static readonly TextTemplate NotDocx = new("document-template-not-docx",
        "The template is not a Word document (.docx): {0}",
        "Templat bukan dokumen Word (.docx): {0}");
    public static readonly TextTemplate UnknownPlaceholder = new("document-template-unknown-placeholder",
        "The template names unknown placeholders: {0}. Known placeholders: {1}.",
        "Templat memuat isian yang tidak dikenal: {0}. Isian yang dikenal: {1}.");
    public static readonly TextTemplate UnknownSection = new("document-template-unknown-section",
        "The template repeats an unknown list '{0}'; known lists: {1}.",
        "Templat mengulang daftar yang tidak dikenal '{0}'; daftar yang dikenal: {1}.");
    public static readonly TextTemplate SectionOutsideRow = new("document-template-section-not-in-row",
        "The repeating list '{0}' must open with #{0} and close with /{0} (each in double curly braces) in the same table row.",
        "Daftar berulang '{0}' harus dibuka dengan #{0} dan ditutup dengan /{0} (masing-masing dalam kurung kurawal ganda) pada baris tabel yang sama.");
    public static readonly TextTemplate RowFieldOutsideSection = new("document-template-row-field-outside-list",
        "The placeholder '{0}' belongs to a row of a repeating list and cannot stand outside one.",
        "Isian '{0}' milik baris daftar berulang dan tidak dapat berdiri di luarnya.");

    public static readonly TextTemplate ReasonRequired = new("document-revoke-reason-required",
        "Give the reason the document is revoked (for example: replaced by a corrected SK).",
        "Isi alasan pencabutan dokumen (misalnya: diganti SK perbaikan).");
    public static readonly TextTemplate Unknown = new("document-unknown",
        "There is no document {0}.",
        "Dokumen {0} tidak ada.");
    public static readonly TextTemplate AlreadyRevoked = new("document-already-revoked",
        "The document {0} was already revoked.",
        "Dokumen {0} sudah dicabut.");
    public static readonly TextTemplate NoPdf = new("document-verify-no-pdf",
        "Send the PDF to check as the request body (Content-Type: application/pdf) or as a file field of a form.",
        "Kirim PDF yang akan diperiksa sebagai isi permintaan (Content-Type: application/pdf) atau sebagai berkas pada formulir.");
    public static readonly TextTemplate VerificationsLimited = new("document-verify-rate-limited",
        "Too many document checks from your network address; try again in {0} seconds.",
        "Terlalu banyak pemeriksaan dokumen dari alamat jaringan Anda; coba lagi dalam {0} detik.");
}
