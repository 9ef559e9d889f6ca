using System.Text.Json.Nodes;
using Pppk.Workflow.Runtime.Jobs;
using static Pppk.Workflow.Host.Web.ElementTemplates.TemplateJson;

namespace Pppk.Workflow.Host.Web.ElementTemplates;

/// <summary>One element template per registered handler, from what the handler says about itself (<see cref="JobDescription"/>).</summary>
internal static class JobTemplates
{
    public static IEnumerable<JsonObject> All(JobHandlerRegistry handlers) =>
        handlers.Descriptions.Select(d => For(d.Type, d.Description));

    /// <summary>The template id: the job type, under <c>pppk.</c> (so <c>email</c> stays <c>pppk.email</c>).</summary>
    public static string Id(string type) => type.StartsWith("pppk.", StringComparison.Ordinal) ? type : "pppk." + type;

    public static JsonObject For(string type, JobDescription d)
    {
        var send = d.ElementType == "bpmn:SendTask";
        var groups = new List<(string, string)>();
        if (d.Headers.Count > 0) groups.Add(("pengaturan", "Pengaturan"));
        if (d.Inputs.Count > 0) groups.Add(("masukan", "Masukan"));
        groups.Add(("teknis", "Teknis"));
        var properties = new List<JsonObject?>
        {
            new() { ["type"] = "Hidden", ["value"] = type, ["binding"] = Binding("zeebe:taskDefinition", ("property", "type")) },
        };
        properties.AddRange(d.Headers.Select(Header));
        properties.AddRange(d.Inputs.Select(Input));
        properties.Add(Retries());
        var (categoryId, categoryName) = d.Category == "pppk" ? ("pppk", "PPPK") : (d.Category, Title(d.Category));
        return Template(Id(type), 1, d.Name, Describe(d), (categoryId, categoryName),
            send ? ["bpmn:Task", "bpmn:ServiceTask", "bpmn:SendTask"] : ["bpmn:Task", "bpmn:ServiceTask"], d.ElementType, groups, properties);
    }

    // The outputs are said, not mapped: a task without output mappings passes its whole result on, under these names.
    private static string Describe(JobDescription d) => d.Outputs.Count == 0
        ? d.Description
        : $"{d.Description} Hasil: {string.Join(", ", d.Outputs.Select(o => $"{o.Label} (={o.Name})"))}.";

    private static JsonObject Header(JobHeader h)
    {
        var binding = Binding("zeebe:taskHeader", ("key", h.Key));
        if (h.Choices.Count > 0)
            return new JsonObject
            {
                ["label"] = h.Label, ["description"] = h.Hint, ["type"] = "Dropdown", ["group"] = "pengaturan",
                ["value"] = h.Default ?? h.Choices[0].Value, ["choices"] = Choices(h.Choices.Select(c => (c.Value, c.Label))), ["binding"] = binding,
            };
        var property = new JsonObject { ["label"] = h.Label, ["description"] = h.Hint, ["type"] = "String", ["group"] = "pengaturan", ["binding"] = binding };
        if (h.Default is not null) property["value"] = h.Default;
        if (!h.Required) property["optional"] = true;
        property["constraints"] = h.Pattern is { } pattern
            ? Pattern(pattern, h.PatternMessage ?? "Nilai tidak sesuai format.", h.Required)
            : new JsonObject { ["notEmpty"] = h.Required };
        return property;
    }

    // A required input is mapped from the process variable of the same name; an optional one is left out, so the handler's default applies.
    private static JsonObject Input(JobInput i)
    {
        var property = new JsonObject
        {
            ["label"] = i.Label,
            ["description"] = i.Required
                ? $"Wajib, {TypeText(i.Type)}. Bawaan: data proses {i.Name} (={i.Name})."
                : $"Opsional, {TypeText(i.Type)}. Kosongkan untuk nilai bawaan, mis. ={i.Name}.",
            ["type"] = "String",
            ["feel"] = "optional",
            ["group"] = "masukan",
            ["binding"] = Binding("zeebe:input", ("name", i.Name)),
        };
        if (i.Required)
        {
            property["value"] = "=" + i.Name;
            property["constraints"] = new JsonObject { ["notEmpty"] = true };
        }
        else
        {
            property["optional"] = true;
        }
        return property;
    }

    private static string TypeText(JobValueType type) => type switch
    {
        JobValueType.Number => "angka",
        JobValueType.Date => "tanggal YYYY-MM-DD",
        JobValueType.Boolean => "true atau false",
        JobValueType.List => "daftar",
        _ => "teks",
    };
}
