using System.Runtime.InteropServices;
using System.Text.Json;

namespace Pppk.Workflow.Host.Api;

/// <summary>
/// Walks a parsed JSON body: every string and property name at any depth passes <see cref="TextCheck"/>, and named fields
/// (<see cref="InputLimits.Fields"/>) their own limits. Inside a free-form object (variables) the names are the caller's,
/// so only the general checks apply there. The first problem is answered, with its path (<c>instances[3].variables.nik</c>).
/// </summary>
internal sealed class JsonBodyCheck(IReadOnlyDictionary<string, FieldRule> rules)
{
    public InputProblem? Problem(JsonElement root) => Walk(root, "", named: true, rule: null);

    private InputProblem? Walk(JsonElement element, string path, bool named, FieldRule? rule) => element.ValueKind switch
    {
        JsonValueKind.String => String(element, path, rule is { Of: FieldRule.Kind.Text } ? rule.Max : InputLimits.Text),
        JsonValueKind.Object => Object(element, path, named, rule),
        JsonValueKind.Array => Array(element, path, named, rule),
        _ => null,
    };

    private static InputProblem? String(JsonElement element, string path, int max)
    {
        string value;
        try
        {
            value = element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") parses, but is no text.
            return Invalid(path);
        }
        return TextCheck.Problem(HostTexts.Fields.Json, path.Length == 0 ? "(body)" : path, value, max);
    }

    private InputProblem? Object(JsonElement element, string path, bool named, FieldRule? rule)
    {
        if (rule is { Of: FieldRule.Kind.FreeForm })
        {
            var count = element.EnumerateObject().Count();
            if (count > rule.Max)
                return new(HostTexts.TooManyVariables.Format(HostTexts.Fields.Json, Name(path), count, rule.Max), Name(path), rule.Max);
            var bytes = JsonMarshal.GetRawUtf8Value(element).Length;
            if (bytes > rule.MaxBytes)
                return new(HostTexts.VariablesTooLarge.Format(HostTexts.Fields.Json, Name(path), bytes, rule.MaxBytes), Name(path), rule.MaxBytes);
            named = false;
        }
        foreach (var property in element.EnumerateObject())
        {
            string name;
            try
            {
                name = property.Name;
            }
            catch (InvalidOperationException)
            {
                return Invalid(path.Length == 0 ? "(property name)" : path + ".(property name)");
            }
            var child = path.Length == 0 ? name : $"{path}.{name}";
            if (TextCheck.Problem(HostTexts.Fields.Json, child, name, InputLimits.Key) is { } bad) return bad;
            var childRule = named ? rules.GetValueOrDefault(name) : null;
            if (Walk(property.Value, child, named, childRule) is { } problem) return problem;
        }
        return null;
    }

    private InputProblem? Array(JsonElement element, string path, bool named, FieldRule? rule)
    {
        var items = rule is { Of: FieldRule.Kind.Items };
        if (items && element.GetArrayLength() > rule!.Max)
            return new(HostTexts.TooManyItems.Format(HostTexts.Fields.Json, Name(path), element.GetArrayLength(), rule.Max), Name(path), rule.Max);
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var child = $"{path}[{index++}]";
            if (items && item.ValueKind == JsonValueKind.Null)
                return new(HostTexts.ItemNull.Format(HostTexts.Fields.Json, child), child);
            if (Walk(item, child, named, null) is { } problem) return problem;
        }
        return null;
    }

    private static InputProblem Invalid(string path) => new(HostTexts.TextInvalidUnicode.Format(HostTexts.Fields.Json, Name(path)), Name(path));

    /// <summary>The path as a problem shows it.</summary>
    private static string Name(string path) => path.Length == 0 ? "(body)" : TextCheck.Shown(path);
}
