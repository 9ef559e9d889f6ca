using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Pppk.Workflow.Host.Api;

/// <summary>
/// Walks a parsed JSON body: every string and property name at any depth passes <see cref="TextCheck"/>, and named fields
/// (<see cref="InputLimits.Fields"/>) their own limits. Inside a free-form object (variables) the names are the caller's,
/// so only the general checks apply there. The first problem is answered, with its path (<c>instances[3].variables.nik</c>).
/// A batch start carries thousands of values, so a clean one allocates nothing: a string is read as text only when its raw
/// JSON could hold a problem, and the path is written out only for a problem.
/// </summary>
internal sealed class JsonBodyCheck(IReadOnlyDictionary<string, FieldRule> rules)
{
    /// <summary>One step from the body to the value being checked: a property, or an array index.</summary>
    private readonly record struct Step(JsonProperty? Property, int Index);

    private readonly List<Step> _path = [];

    public InputProblem? Problem(JsonElement root) => Walk(root, named: true, rule: null);

    private InputProblem? Walk(JsonElement element, bool named, FieldRule? rule) => element.ValueKind switch
    {
        JsonValueKind.String => String(element, rule is { Of: FieldRule.Kind.Text } ? rule.Max : InputLimits.Text),
        JsonValueKind.Object => Object(element, named, rule),
        JsonValueKind.Array => Array(element, named, rule),
        _ => null,
    };

    private InputProblem? String(JsonElement element, int max)
    {
        // Raw JSON without an escape is valid UTF-8 without control characters (the parser checked it), and has at least
        // as many bytes as its text has characters: within the limit, there is nothing more to check.
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.IndexOf((byte)'\\') < 0 && raw.Length - 2 <= max) return null;
        string value;
        try
        {
            value = element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") parses, but is no text.
            return Invalid();
        }
        return TextCheck.FaultOf(value, max) is { } fault ? TextCheck.Describe(fault, HostTexts.Fields.Json, Field(), value.Length, max) : null;
    }

    private InputProblem? Object(JsonElement element, bool named, FieldRule? rule)
    {
        if (rule is { Of: FieldRule.Kind.FreeForm })
        {
            var count = element.EnumerateObject().Count();
            if (count > rule.Max)
                return new(HostTexts.TooManyVariables.Format(HostTexts.Fields.Json, Name(), count, rule.Max), Name(), rule.Max);
            var bytes = JsonMarshal.GetRawUtf8Value(element).Length;
            if (bytes > rule.MaxBytes)
                return new(HostTexts.VariablesTooLarge.Format(HostTexts.Fields.Json, Name(), bytes, rule.MaxBytes), Name(), rule.MaxBytes);
            named = false;
        }
        foreach (var property in element.EnumerateObject())
        {
            _path.Add(new Step(property, -1));
            var problem = NameProblem(property, named, out var name)
                ?? Walk(property.Value, named, name is null ? null : rules.GetValueOrDefault(name));
            if (problem is not null) return problem;
            _path.RemoveAt(_path.Count - 1);
        }
        return null;
    }

    /// <summary>The property name's problem, if any; <paramref name="name"/> is read when the request's own names pick a rule.</summary>
    private InputProblem? NameProblem(JsonProperty property, bool named, out string? name)
    {
        name = null;
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (!named && raw.IndexOf((byte)'\\') < 0 && raw.Length <= InputLimits.Key) return null;
        try
        {
            name = property.Name;
        }
        catch (InvalidOperationException)
        {
            return Invalid();
        }
        var length = name.Length;
        var fault = TextCheck.FaultOf(name, InputLimits.Key);
        if (!named) name = null;
        return fault is { } f ? TextCheck.Describe(f, HostTexts.Fields.Json, Field(), length, InputLimits.Key) : null;
    }

    private InputProblem? Array(JsonElement element, bool named, FieldRule? rule)
    {
        var items = rule is { Of: FieldRule.Kind.Items };
        if (items && element.GetArrayLength() > rule!.Max)
            return new(HostTexts.TooManyItems.Format(HostTexts.Fields.Json, Name(), element.GetArrayLength(), rule.Max), Name(), rule.Max);
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            _path.Add(new Step(null, index++));
            if (items && item.ValueKind == JsonValueKind.Null)
                return new(HostTexts.ItemNull.Format(HostTexts.Fields.Json, Name()), Name());
            if (Walk(item, named, null) is { } problem) return problem;
            _path.RemoveAt(_path.Count - 1);
        }
        return null;
    }

    private InputProblem Invalid() => new(HostTexts.TextInvalidUnicode.Format(HostTexts.Fields.Json, Name()), Name());

    /// <summary>The path to the value being checked (<c>instances[3].variables.nik</c>), or <c>(body)</c>; written out only for a problem.</summary>
    private string Field()
    {
        if (_path.Count == 0) return "(body)";
        var path = new StringBuilder();
        foreach (var step in _path)
        {
            if (step.Property is not { } property)
            {
                path.Append('[').Append(step.Index).Append(']');
                continue;
            }
            if (path.Length > 0) path.Append('.');
            try
            {
                path.Append(property.Name);
            }
            catch (InvalidOperationException)
            {
                path.Append("(property name)");
            }
        }
        return path.ToString();
    }

    /// <summary>The path as a problem shows it.</summary>
    private string Name() => TextCheck.Shown(Field());
}
