using System.Text.Json.Nodes;
using Pppk.Workflow.Auth;
using static Pppk.Workflow.Host.Web.ElementTemplates.TemplateJson;

namespace Pppk.Workflow.Host.Web.ElementTemplates;

/// <summary>The user task block: its form is one of the deployed forms, its group one of the roles.</summary>
internal static class UserTaskTemplate
{
    private static readonly Dictionary<string, string> RoleNames = new(StringComparer.Ordinal)
    {
        [Roles.HrAdmin] = "Admin BKPSDM", [Roles.Verifier] = "Verifikator", [Roles.Ppk] = "PPK", [Roles.Evaluator] = "Pejabat penilai",
        [Roles.UnitHead] = "Kepala unit", [Roles.Finance] = "Keuangan (BPKAD)", [Roles.Employee] = "Pegawai",
    };

    public static JsonObject Build(IReadOnlyList<string> formIds)
    {
        var properties = new List<JsonObject?>
        {
            new() { ["type"] = "Hidden", ["value"] = "", ["binding"] = Binding("zeebe:userTask") },
            new()
            {
                ["label"] = "Grup kandidat (peran)", ["type"] = "Dropdown", ["group"] = "penugasan", ["value"] = Roles.Verifier,
                ["choices"] = Choices(Roles.All.Select(r => (r, RoleNames.GetValueOrDefault(r, r)))),
                ["binding"] = Binding("zeebe:assignmentDefinition", ("property", "candidateGroups")),
            },
            new()
            {
                ["label"] = "Penerima tugas", ["description"] = "Opsional: nama pengguna atau FEEL, mis. =verifikator", ["type"] = "String",
                ["group"] = "penugasan", ["binding"] = Binding("zeebe:assignmentDefinition", ("property", "assignee")),
            },
        };
        // No form deployed yet: the block has no form field rather than one naming a form that is not there.
        if (formIds.Count > 0)
        {
            properties.Add(new JsonObject
            {
                ["label"] = "Formulir", ["description"] = "Formulir yang sudah diterapkan (tombol \"Formulir\" untuk menyunting).", ["type"] = "Dropdown",
                ["group"] = "formulir", ["value"] = formIds[0], ["choices"] = Choices(formIds.Select(f => (f, $"{Title(f)} ({f})"))),
                ["binding"] = Binding("zeebe:formDefinition", ("property", "formId")),
            });
            properties.Add(BindingType("formBindingType", "Versi formulir", "formulir", "zeebe:formDefinition"));
            properties.Add(VersionTag("Tag versi formulir", "\"versionTag\" di berkas .form, mis. 2026.1", "formulir", "zeebe:formDefinition", "formBindingType"));
        }
        properties.Add(new JsonObject
        {
            ["label"] = "Tenggat", ["description"] = "Tanggal ISO atau FEEL, mis. =now() + duration(\"P3D\")", ["type"] = "String",
            ["group"] = "jadwal", ["binding"] = Binding("zeebe:taskSchedule", ("property", "dueDate")),
        });
        properties.Add(new JsonObject
        {
            ["label"] = "Prioritas", ["description"] = "0 sampai 100 (bawaan 50) atau FEEL, mis. =if mendesak then 90 else 50", ["type"] = "String",
            ["group"] = "jadwal", ["value"] = "50", ["binding"] = Binding("zeebe:priorityDefinition", ("property", "priority")),
            ["constraints"] = Pattern("^(=.+|100|[1-9]?[0-9])$", "Prioritas: bilangan bulat 0 sampai 100, atau FEEL diawali =.", notEmpty: true),
        });
        return Template("pppk.user-task", 2, "Tugas pengguna PPPK", "Tugas untuk staf: grup kandidat, formulir (dan versinya), tenggat, prioritas.",
            ("pppk", "PPPK"), ["bpmn:Task", "bpmn:UserTask"], "bpmn:UserTask",
            [("penugasan", "Penugasan"), ("formulir", "Formulir"), ("jadwal", "Jadwal")], properties);
    }
}
