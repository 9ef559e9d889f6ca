using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>
/// Every incident message, by code, in English and Indonesian, and the reasons they quote. Element ids, expressions,
/// values and a job handler's own message stay verbatim.
/// </summary>
public static class IncidentTexts
{
    // The incidents the engine raises (the incident's code and message)
    public static readonly TextTemplate ExpressionFailed = new("expression-failed",
        "{0} of '{1}': {2}",
        "Ekspresi {0} pada '{1}' gagal: {2}");
    public static readonly TextTemplate NoConditionTrue = new("no-condition-true",
        "No condition of the outgoing flows of '{0}' is true and it has no default flow; set the variables the conditions read and retry, or add a default flow.",
        "Tidak ada kondisi pada alur keluar dari '{0}' yang bernilai benar dan tidak ada alur bawaan; isi variabel yang dibaca kondisi tersebut lalu coba lagi, atau tambahkan alur bawaan.");
    public static readonly TextTemplate InputCollectionNotList = new("input-collection-not-list",
        "The inputCollection of '{0}' ({1}) gave {2}, not a list; make it evaluate to a list and retry.",
        "Koleksi masukan pada '{0}' ({1}) menghasilkan {2}, bukan daftar; pastikan ekspresinya menghasilkan daftar lalu coba lagi.");
    public static readonly TextTemplate JobTypeEmpty = new("job-type-empty",
        "'{0}' has no job type; set zeebe:taskDefinition type to a handler registered in the host.",
        "'{0}' belum menyebut langkah otomatis yang dijalankan; pilih salah satu yang tersedia di desainer, terapkan, lalu coba lagi.");
    public static readonly TextTemplate CalledProcessEmpty = new("called-process-empty",
        "'{0}' names no process to call; set zeebe:calledElement processId.",
        "'{0}' belum menyebut proses yang dipanggil; isi \"ID proses\" di desainer.");
    public static readonly TextTemplate CalledProcessNotStarted = new("called-process-not-started",
        "The process called by '{0}' could not be started: {1}. Deploy it (or fix the processId) and retry.",
        "Proses yang dipanggil oleh '{0}' tidak dapat dimulai: {1}. Terapkan proses itu (atau perbaiki ID prosesnya) lalu coba lagi.");
    public static readonly TextTemplate TimerNotSchedulable = new("timer-not-schedulable",
        "The timer of '{0}' cannot be scheduled: {1}",
        "Pewaktu '{0}' tidak dapat dijadwalkan: {1}");
    public static readonly TextTemplate MessageNameEmpty = new("message-name-empty",
        "'{0}' has no message name; reference a bpmn:message with a name.",
        "'{0}' tidak memiliki nama pesan; rujuk bpmn:message yang memiliki nama.");
    public static readonly TextTemplate SignalNameEmpty = new("signal-name-empty",
        "'{0}' has no signal name; reference a bpmn:signal with a name.",
        "'{0}' tidak memiliki nama sinyal; rujuk bpmn:signal yang memiliki nama.");
    // {1} is empty, or " (message)" with the message the thrower gave
    public static readonly TextTemplate ErrorNotCaught = new("bpmn-error-not-caught",
        "The BPMN error '{0}'{1} thrown at '{2}' was not caught; add a boundary error event with this code on an enclosing activity, or fix the cause and retry.",
        "Galat BPMN '{0}'{1} yang dilempar di '{2}' tidak tertangkap; tambahkan peristiwa batas galat dengan kode ini pada aktivitas yang melingkupinya, atau perbaiki penyebabnya lalu coba lagi.");
    public static readonly TextTemplate JobRetriesSpent = new("job-retries-spent",
        "The job '{0}' of '{1}' failed with no retries left: {2}",
        "Job '{0}' pada '{1}' gagal dan jatah percobaan ulangnya sudah habis: {2}");

    // Why an expression failed at run time ({2} of ExpressionFailed)
    public static readonly TextTemplate EvaluationFailed = new("expression-evaluation-failed",
        "Evaluating '{0}' failed: {1}",
        "Evaluasi '{0}' gagal: {1}");
    public static readonly TextTemplate NotADateTime = new("expression-not-date-time",
        "'{0}' is not a date and time; give an ISO 8601 value like 2026-01-31T09:00:00+08:00.",
        "'{0}' bukan tanggal dan waktu; berikan nilai ISO 8601 seperti 2026-01-31T09:00:00+08:00.");
    public static readonly TextTemplate TimerExpressionNull = new("timer-expression-null",
        "The timer expression '{0}' gave null; it must give a date, a duration or a cycle.",
        "Ekspresi pewaktu '{0}' menghasilkan null; ekspresi itu harus menghasilkan tanggal, durasi, atau siklus.");
    public static readonly TextTemplate TimerNeverFires = new("timer-never-fires",
        "'{0}' never fires.",
        "'{0}' tidak akan pernah terpicu.");
    public static readonly TextTemplate ListenerThrewError = new("listener-bpmn-error",
        "The listener job '{0}' of '{1}' threw the BPMN error '{2}'; a listener cannot throw BPMN errors (draw a task with an error boundary event instead). Fix the handler and retry.",
        "Job listener '{0}' pada '{1}' melempar galat BPMN '{2}'; listener tidak dapat melempar galat BPMN (gambar tugas dengan peristiwa batas galat sebagai gantinya). Perbaiki handler lalu coba lagi.");
    public static readonly TextTemplate PriorityOutOfRange = new("priority-out-of-range",
        "The priority '{0}' gave {1}; a task's priority is a whole number from 0 to 100.",
        "Prioritas '{0}' menghasilkan {1}; prioritas tugas adalah bilangan bulat 0 sampai 100.");

    // Why the runtime could not do what the engine asked ({1} of CalledProcessNotStarted, {2} of JobRetriesSpent)
    public static readonly TextTemplate ProcessNotDeployed = new("process-not-deployed",
        "no process with key '{0}' is deployed",
        "belum ada proses dengan kunci '{0}' yang diterapkan");
    public static readonly TextTemplate ProcessVersionTagNotDeployed = new("process-version-tag-not-deployed",
        "no version of process '{0}' with version tag '{1}' is deployed",
        "belum ada versi proses '{0}' dengan tag versi '{1}' yang diterapkan");
    public static readonly TextTemplate ProcessNotInDeployment = new("process-not-in-deployment",
        "process '{0}' was not deployed together with the calling process (bindingType deployment)",
        "proses '{0}' tidak diterapkan bersama proses pemanggil (versi \"dari penerapan yang sama\")");
    public static readonly TextTemplate NoJobHandler = new("job-handler-missing",
        "No handler is registered for job type '{0}' (known: {1}). Fix the task's type and retry.",
        "Langkah otomatis '{0}' tidak ada di sistem ini (yang tersedia: {1}). Pilih yang tersedia di desainer, terapkan, lalu coba lagi.");

    // What was being evaluated ({0} of ExpressionFailed), besides the sites validation names (ElementNames.Site)
    public static readonly Term Assignment = new("assignment", "penugasan");

    public static Term ConditionOfFlow(string flowId) => new($"condition of flow '{flowId}'", $"kondisi alur '{flowId}'");
    public static Term TimerOf(string eventId) => new($"timer of '{eventId}'", $"pewaktu '{eventId}'");
    public static Term MessageOf(string eventId) => new($"message of '{eventId}'", $"pesan '{eventId}'");
    public static Term SignalOf(string eventId) => new($"signal of '{eventId}'", $"sinyal '{eventId}'");
}
