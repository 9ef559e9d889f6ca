using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Notifications.Tasks;

/// <summary>Every deploy-time problem of email tasks, by code, in English and Indonesian.</summary>
public static class EmailTexts
{
    public static readonly TextTemplate NoTemplateHeader = new("email-template-header-missing",
        "The email task has no 'template' header; add one naming a template of workflows/templates.",
        "Tugas email tidak memiliki header 'template'; tambahkan header yang menyebut templat dari workflows/templates.");
    public static readonly TextTemplate UnknownTemplate = new("email-template-unknown",
        "The email template '{0}' does not exist (known: {1}); add it to workflows/templates or fix the header.",
        "Templat email '{0}' tidak ada (yang dikenal: {1}); tambahkan ke workflows/templates atau perbaiki header.");
    public static readonly TextTemplate NoToHeader = new("email-to-header-missing",
        "The email task has no 'to' header; add an address, a user name, role:NAME or an =expression.",
        "Tugas email tidak memiliki header 'to'; tambahkan alamat, nama pengguna, role:NAMA atau =ekspresi.");
    public static readonly TextTemplate HeaderNotFeel = new("email-header-feel",
        "The '{0}' header is not valid FEEL: {1}",
        "Header '{0}' bukan FEEL yang sah: {1}");
}
