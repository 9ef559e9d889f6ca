using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace Pppk.Workflow.Host.UserTasks;

/// <summary>
/// The variables a task's form may read (API.md): those named anywhere in the form-js schema (field keys and paths, texts'
/// templates, conditions). People other than hr-admin get only these; the case summary says the rest in words.
/// </summary>
internal static partial class FormVariables
{
    public static JsonObject Read(JsonNode? form, JsonObject variables)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        if (form is not null) Collect(form, named);
        var visible = new JsonObject();
        foreach (var (name, value) in variables)
            if (named.Contains(name)) visible[name] = value?.DeepClone();
        return visible;
    }

    // Every identifier in every string of the schema: over-inclusive by design (a label word may match), never missing one a template reads.
    private static void Collect(JsonNode node, HashSet<string> named)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o) if (child is not null) Collect(child, named);
                break;
            case JsonArray a:
                foreach (var child in a) if (child is not null) Collect(child, named);
                break;
            case JsonValue v when v.TryGetValue<string>(out var text):
                foreach (Match m in Identifier().Matches(text)) named.Add(m.Value);
                break;
        }
    }

    [GeneratedRegex("[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();
}
