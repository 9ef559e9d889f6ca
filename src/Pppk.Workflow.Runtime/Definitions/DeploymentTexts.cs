using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Runtime.Definitions;

/// <summary>Every deploy-time problem the runtime adds to the engine's validation, by code, in English and Indonesian.</summary>
public static class DeploymentTexts
{
    public static readonly TextTemplate NoFile = new("no-file",
        "No file was given: send BPMN XML, or multipart with .bpmn and .form files.",
        "Tidak ada berkas yang dikirim: kirim XML BPMN, atau multipart berisi berkas .bpmn dan .form.");
    public static readonly TextTemplate NotBpmn = new("not-bpmn",
        "Not a readable BPMN file: {0}",
        "Bukan berkas BPMN yang dapat dibaca: {0}");
    public static readonly TextTemplate FormWithoutId = new("form-without-id",
        "The form has no \"id\"; user tasks link a form by its id (zeebe:formDefinition formId).",
        "Formulir tidak memiliki ID; tugas pengguna menautkan formulir melalui ID-nya.");
    public static readonly TextTemplate NotFormJs = new("not-form-js",
        "Not a form-js JSON file: {0}",
        "Bukan berkas JSON form-js: {0}");
    public static readonly TextTemplate FormNotDeployed = new("form-not-deployed",
        "Form '{0}' is not deployed yet; deploy the .form file with it.",
        "Formulir '{0}' belum diterapkan; terapkan berkas .form bersamanya.");
    public static readonly TextTemplate TimerStartNeedsCycle = new("timer-start-needs-cycle",
        "A timer start event needs a cycle (timeCycle, e.g. R/P1D or a cron expression), not '{0}'.",
        "Peristiwa mulai pewaktu memerlukan siklus (timeCycle, mis. R/P1D atau ekspresi cron), bukan '{0}'.");
    public static readonly TextTemplate TimerCycleUnreadable = new("timer-cycle-unreadable",
        "Timer cycle '{0}' is neither a cron expression nor an ISO 8601 cycle like R/P1D or R/2026-01-01T07:00:00/P3M.",
        "Siklus pewaktu '{0}' bukan ekspresi cron maupun siklus ISO 8601 seperti R/P1D atau R/2026-01-01T07:00:00/P3M.");
    public static readonly TextTemplate TimerCycleOffCalendar = new("timer-cycle-off-calendar",
        "Timer cycle '{0}' has a period ({1}) that doesn't repeat on the calendar; use a cron expression instead.",
        "Siklus pewaktu '{0}' memiliki periode ({1}) yang tidak berulang pada kalender; gunakan ekspresi cron.");
    public static readonly TextTemplate NotInDeployment = new("binding-not-in-deployment",
        "'{0}' is bound by deployment to '{1}', which is not in this deployment; deploy them together (in one request, or in the same workflows folder).",
        "'{0}' diikat dengan bindingType deployment ke '{1}', yang tidak ada dalam penerapan ini; terapkan keduanya bersama (dalam satu permintaan, atau dalam folder workflows yang sama).");
    public static readonly TextTemplate ProcessTagNotDeployed = new("binding-version-tag-not-deployed",
        "Call activity '{0}' calls process '{1}' with version tag '{2}', which is not deployed yet; deploy it before this runs, or instances get an incident here.",
        "Aktivitas panggil '{0}' memanggil proses '{1}' dengan tag versi '{2}', yang belum diterapkan; terapkan proses itu dulu, atau kasus akan tertahan di sini.");
    public static readonly TextTemplate FormTagNotDeployed = new("form-version-tag-not-deployed",
        "User task '{0}' shows form '{1}' with version tag '{2}', which is not deployed; deploy that form version (its \"versionTag\") with it.",
        "Tugas pengguna '{0}' menampilkan formulir '{1}' dengan tag versi '{2}', yang belum diterapkan; terapkan versi formulir itu (\"versionTag\"-nya) bersamanya.");
    public static readonly TextTemplate JobInputNotProvided = new("job-input-not-provided",
        "The step '{0}' needs '{1}' ({2}), but nothing in the process sets it (no start variable, form field, result of another step or input mapping); map it under Inputs of this step, or the step will stop with an incident.",
        "Langkah '{0}' memerlukan data '{1}' ({2}), tetapi tidak ada yang mengisinya di proses ini (bukan data awal, isian formulir, hasil langkah lain, atau masukan langkah ini). Isi di bagian Masukan langkah ini; jika tidak, langkah ini akan berhenti dengan insiden.");
    public static readonly TextTemplate NotDmn = new("deployment-not-dmn",
        "Not a readable DMN file: {0}",
        "Bukan berkas DMN yang dapat dibaca: {0}");
    public static readonly TextTemplate DmnImportCycle = new("deployment-dmn-import-cycle",
        "The DMN models of this deployment import each other in a circle (at namespace '{0}'); break the circle.",
        "Model DMN dalam penerapan ini saling mengimpor secara melingkar (pada namespace '{0}'); putuskan lingkarannya.");
    public static readonly TextTemplate DecisionNotDeployed = new("called-decision-unknown",
        "Business rule task '{0}' calls decision '{1}', which is neither deployed nor in this deployment; deploy its .dmn file with it.",
        "Tugas aturan bisnis '{0}' memanggil keputusan '{1}', yang belum diterapkan dan tidak ada dalam penerapan ini; terapkan berkas .dmn-nya bersamanya.");
    public static readonly TextTemplate DecisionTagNotDeployed = new("called-decision-version-tag-unknown",
        "Business rule task '{0}' calls decision '{1}' with version tag '{2}', which no deployed version carries; deploy that version (zeebe:versionTag) with it.",
        "Tugas aturan bisnis '{0}' memanggil keputusan '{1}' dengan tag versi '{2}', yang tidak dimiliki versi mana pun; terapkan versi itu (zeebe:versionTag) bersamanya.");
}
