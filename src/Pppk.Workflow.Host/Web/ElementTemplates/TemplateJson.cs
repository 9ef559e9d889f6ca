using System.Text.Json.Nodes;

namespace Pppk.Workflow.Host.Web.ElementTemplates;

/// <summary>The pieces every generated element template shares (Camunda zeebe element template schema, as bpmn-js-element-templates reads it).</summary>
internal static class TemplateJson
{
    public const string Schema = "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json";

    public static JsonObject Template(string id, int version, string name, string description, (string Id, string Name) category,
        string[] appliesTo, string elementType, IEnumerable<(string Id, string Label)> groups, IEnumerable<JsonObject?> properties) => new()
    {
        ["$schema"] = Schema,
        ["name"] = name,
        ["id"] = id,
        ["version"] = version,
        ["description"] = description,
        ["category"] = new JsonObject { ["id"] = category.Id, ["name"] = category.Name },
        ["appliesTo"] = new JsonArray([.. appliesTo.Select(a => JsonValue.Create(a))]),
        ["elementType"] = new JsonObject { ["value"] = elementType },
        ["groups"] = new JsonArray([.. groups.Select(g => new JsonObject { ["id"] = g.Id, ["label"] = g.Label })]),
        ["properties"] = new JsonArray([.. properties.OfType<JsonObject>()]),
    };

    public static JsonObject Binding(string type, params (string Key, string Value)[] fields)
    {
        var binding = new JsonObject { ["type"] = type };
        foreach (var (key, value) in fields) binding[key] = value;
        return binding;
    }

    public static JsonArray Choices(IEnumerable<(string Value, string Name)> choices) =>
        new([.. choices.Select(c => new JsonObject { ["name"] = c.Name, ["value"] = c.Value })]);

    public static JsonObject Pattern(string pattern, string message, bool notEmpty) => new()
    {
        ["notEmpty"] = notEmpty,
        ["pattern"] = new JsonObject { ["value"] = pattern, ["message"] = message },
    };

    /// <summary>The retries of a job, as every block has them.</summary>
    public static JsonObject Retries() => new()
    {
        ["label"] = "Jumlah percobaan",
        ["description"] = "Berapa kali dicoba sebelum menjadi insiden.",
        ["type"] = "String",
        ["value"] = "3",
        ["group"] = "teknis",
        ["binding"] = Binding("zeebe:taskDefinition", ("property", "retries")),
        ["constraints"] = Pattern("^[0-9]+$", "Harus bilangan bulat, mis. 3.", notEmpty: true),
    };

    /// <summary>The three ways a link picks the version of what it links to.</summary>
    public static JsonObject BindingType(string id, string label, string group, string bindingType) => new()
    {
        ["id"] = id,
        ["label"] = label,
        ["description"] = "Terbaru: versi terakhir saat dipakai. Penerapan: versi yang diterapkan bersama proses ini. Tag versi: versi terakhir dengan tag itu.",
        ["type"] = "Dropdown",
        ["group"] = group,
        ["value"] = "latest",
        ["choices"] = Choices([("latest", "Terbaru"), ("deployment", "Penerapan yang sama"), ("versionTag", "Tag versi")]),
        ["binding"] = Binding(bindingType, ("property", "bindingType")),
    };

    public static JsonObject VersionTag(string label, string description, string group, string bindingType, string conditionOn) => new()
    {
        ["label"] = label,
        ["description"] = description,
        ["type"] = "String",
        ["group"] = group,
        ["binding"] = Binding(bindingType, ("property", "versionTag")),
        ["condition"] = new JsonObject { ["property"] = conditionOn, ["equals"] = "versionTag" },
        ["constraints"] = new JsonObject { ["notEmpty"] = true },
    };

    /// <summary>A file or key name as a label: <c>verifikasi-administrasi</c> as "Verifikasi administrasi".</summary>
    public static string Title(string name)
    {
        var words = name.Replace('_', ' ').Replace('-', ' ').Trim();
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
