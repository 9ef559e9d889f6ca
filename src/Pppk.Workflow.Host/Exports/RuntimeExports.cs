using Pppk.Workflow.Runtime.Incidents;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.UserTasks;
using static Pppk.Workflow.Host.Exports.ExportKind;

namespace Pppk.Workflow.Host.Exports;

/// <summary>The columns of the runtime's lists (tasks, instances, incidents), with workflow and unit names instead of keys and codes.</summary>
internal static class RuntimeExports
{
    public static ExportTable Tasks(IReadOnlyDictionary<string, string> workflows, IReadOnlyDictionary<string, string> units, ExportList<TaskView> list) =>
        new("kotak-tugas", "Kotak tugas",
        [
            new("Kasus", Text, 40), new("Tugas", Text, 30), new("Alur kerja", Text, 26), new("Kunci bisnis", Text, 16), new("Unit", Text, 30), new("Dipegang oleh", Text, 18),
            new("Grup kandidat", Text, 18), new("Prioritas", Number, 10), new("Dibuat (WITA)", ExportKind.DateTime, 17), new("Tenggat (WITA)", ExportKind.DateTime, 17),
            new("Status", Text, 12), new("Diselesaikan oleh", Text, 18),
        ],
        list.Rows(t => [t.Title, t.Name ?? t.ElementId, ExportLabels.Named(workflows, t.DefinitionKey), t.BusinessKey, ExportLabels.Named(units, t.UnitCode),
            t.Assignee, string.Join(", ", t.CandidateGroups), t.Priority, t.CreatedAt, t.DueAt, ExportLabels.Status(t.State),
            t.OnBehalfOf is null ? t.CompletedBy : $"{t.CompletedBy} selaku Plh. {t.OnBehalfOf}"]));

    public static ExportTable Instances(IReadOnlyDictionary<string, string> workflows, IReadOnlyDictionary<string, string> units, ExportList<InstanceView> list) =>
        new("instans", "Instans",
        [
            new("Kunci bisnis", Text, 18), new("Alur kerja", Text, 26), new("Versi", Number, 8), new("Unit", Text, 30), new("Status", Text, 12),
            new("Insiden", Text, 9), new("Mulai (WITA)", ExportKind.DateTime, 17), new("Selesai (WITA)", ExportKind.DateTime, 17), new("ID instans", Text, 38),
        ],
        list.Rows(i => [i.BusinessKey, ExportLabels.Named(workflows, i.DefinitionKey), i.Version, ExportLabels.Named(units, i.UnitCode),
            ExportLabels.Status(i.Status), ExportLabels.YesNo(i.Incident), i.StartedAt, i.EndedAt, i.Id.ToString()]));

    public static ExportTable Incidents(ExportList<IncidentView> list) =>
        new("insiden", "Insiden",
        [
            new("Nomor", Number, 9), new("ID instans", Text, 38), new("Elemen", Text, 24), new("Kode", Text, 20), new("Pesan", Text, 60),
            new("Sejak (WITA)", ExportKind.DateTime, 17),
        ],
        list.Rows(i => [i.Id, i.InstanceId.ToString(), i.ElementId, i.Code, i.Message, i.CreatedAt]));
}
