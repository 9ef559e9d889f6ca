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
    public static readonly TextTemplate VariableNotProvided = new("email-variable-not-provided",
        "The email template '{0}' uses '{1}', but nothing in the process sets it (no start variable, form field, result of another step or input of this task); map it under Inputs of this task or mark it optional in the template, or the email will stop with an incident.",
        "Templat email '{0}' memakai data '{1}', tetapi tidak ada yang mengisinya di proses ini (bukan data awal, isian formulir, hasil langkah lain, atau masukan tugas ini). Isi di bagian Masukan tugas email ini atau tandai opsional di templat; jika tidak, email ini akan berhenti dengan insiden.");
}
