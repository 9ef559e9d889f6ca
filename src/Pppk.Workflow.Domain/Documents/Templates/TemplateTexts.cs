using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Domain.Documents;

/// <summary>Messages of the template upload and versioning API, in English and Indonesian.</summary>
public static class TemplateTexts
{
    public static readonly TextTemplate UnknownKind = new("document-template-unknown-kind",
        "There is no document kind '{0}'. Kinds: {1}.",
        "Tidak ada jenis dokumen '{0}'. Jenis yang ada: {1}.");
    public static readonly TextTemplate UnknownVersion = new("document-template-unknown-version",
        "The template of {0} has no version {1}.",
        "Templat {0} tidak memiliki versi {1}.");
    public static readonly TextTemplate NoFile = new("document-template-no-file",
        "Send the .docx template as a file field of a multipart form.",
        "Kirim templat .docx sebagai berkas pada formulir (multipart).");
    public static readonly TextTemplate Busy = new("document-template-busy",
        "Another version of {0} was stored at the same moment; send it again.",
        "Versi lain templat {0} tersimpan pada saat yang sama; kirim sekali lagi.");
}
