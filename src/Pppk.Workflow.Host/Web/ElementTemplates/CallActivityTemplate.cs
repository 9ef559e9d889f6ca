using System.Text.Json.Nodes;
using static Pppk.Workflow.Host.Web.ElementTemplates.TemplateJson;

namespace Pppk.Workflow.Host.Web.ElementTemplates;

/// <summary>The call activity block: the called process is one of the deployed processes (none deployed: no block).</summary>
internal static class CallActivityTemplate
{
    public static JsonObject? Build(IReadOnlyList<(string Key, string? Name)> processes)
    {
        if (processes.Count == 0) return null;
        return Template("pppk.call-activity", 2, "Panggil proses PPPK",
            "Menjalankan proses lain sebagai subproses dan menunggu sampai selesai; pilih versi yang dipanggil.",
            ("pppk", "PPPK"), ["bpmn:Task", "bpmn:CallActivity"], "bpmn:CallActivity", [("proses", "Proses yang dipanggil")],
            [
                new()
                {
                    ["label"] = "Proses", ["description"] = "Proses yang sudah diterapkan.", ["type"] = "Dropdown", ["group"] = "proses",
                    ["value"] = processes[0].Key, ["choices"] = Choices(processes.Select(p => (p.Key, $"{p.Name ?? Title(p.Key)} ({p.Key})"))),
                    ["binding"] = Binding("zeebe:calledElement", ("property", "processId")),
                },
                BindingType("bindingType", "Versi yang dipanggil", "proses", "zeebe:calledElement"),
                VersionTag("Tag versi", "zeebe:versionTag proses yang dipanggil, mis. 2026.1", "proses", "zeebe:calledElement", "bindingType"),
                new() { ["type"] = "Hidden", ["value"] = true, ["binding"] = Binding("zeebe:calledElement", ("property", "propagateAllChildVariables")) },
                new() { ["type"] = "Hidden", ["value"] = true, ["binding"] = Binding("zeebe:calledElement", ("property", "propagateAllParentVariables")) },
            ]);
    }
}
