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
        "The repeating list '{0}' must open ({{{{#{0}}}}}) and close ({{{{/{0}}}}}) in the same table row.",
        "Daftar berulang '{0}' harus dibuka ({{{{#{0}}}}}) dan ditutup ({{{{/{0}}}}}) pada baris tabel yang sama.");
    public static readonly TextTemplate RowFieldOutsideSection = new("document-template-row-field-outside-list",
        "The placeholder '{0}' belongs to a row of a repeating list and cannot stand outside one.",
        "Isian '{0}' milik baris daftar berulang dan tidak dapat berdiri di luarnya.");
}
