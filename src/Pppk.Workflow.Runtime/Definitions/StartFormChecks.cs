using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Model;

namespace Pppk.Workflow.Runtime.Definitions;

/// <summary>
/// Deploy-time checks of what a start by hand shows: the start event's form must exist (deployed, in this deployment or
/// embedded) — unlike a task's, which may come later, a start form is needed the moment someone starts — and
/// <c>startSubject</c> must name a subject the start dialog can pick.
/// </summary>
internal static class StartFormChecks
{
    public static readonly TextTemplate FormMissing = new("start-form-not-deployed",
        "The start form '{0}' of process '{1}' is neither deployed nor in this deployment; deploy its .form file with it.",
        "Formulir mulai '{0}' proses '{1}' belum diterapkan dan tidak ada dalam penerapan ini; terapkan berkas .form-nya bersamanya.");

    public static readonly TextTemplate EmbeddedMissing = new("start-form-embedded-missing",
        "The start form '{0}' of process '{1}' is not embedded in the file (zeebe:userTaskForm).",
        "Formulir mulai '{0}' proses '{1}' tidak ada dalam berkas; buat formulirnya lagi di desainer.");

    public static readonly TextTemplate FormUnnamed = new("start-form-unnamed",
        "The start event of process '{0}' has a form definition without formId or formKey.",
        "Peristiwa mulai proses '{0}' memiliki definisi formulir tanpa formId atau formKey.");

    public static readonly TextTemplate SubjectUnknown = new("start-subject-unknown",
        "startSubject '{0}' of process '{1}' is unknown; use one of: {2}.",
        "startSubject '{0}' proses '{1}' tidak dikenal; gunakan salah satu dari: {2}.");

    public static void Check(string fileName, BpmnProcess process, IReadOnlySet<string> formIds, List<DeploymentService.Problem> problems)
    {
        if (process.StartSubject is { } subject && !StartForm.Subjects.Contains(subject))
            problems.Add(new(fileName, process.Id, "error", SubjectUnknown.Format(subject, process.Id, string.Join(", ", StartForm.Subjects))));
        if (process.StartForm is not { } form) return;
        if (EmbeddedForm.IdOf(form.FormKey) is { } embedded)
        {
            if (!process.EmbeddedForms.ContainsKey(embedded))
                problems.Add(new(fileName, form.ElementId, "error", EmbeddedMissing.Format(embedded, process.Id)));
        }
        else if (string.IsNullOrWhiteSpace(form.FormId))
            problems.Add(new(fileName, form.ElementId, "error", FormUnnamed.Format(process.Id)));
        else if (!form.FormId.TrimStart().StartsWith('=') && !formIds.Contains(form.FormId))
            problems.Add(new(fileName, form.ElementId, "error", FormMissing.Format(form.FormId, process.Id)));
    }
}
