using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Model;

/// <summary>The kinds of value a start variable may be declared as.</summary>
public enum StartVariableType { Text, Number, Integer, Boolean, Date, Object, List }

/// <summary>
/// A variable the process expects when it is started by hand or in a batch, declared on the process element as an
/// extension property <c>start.&lt;name&gt;</c> with the value <c>type[, required][: label]</c>, e.g.
/// <c>&lt;zeebe:property name="start.nik" value="text, required: NIK pelamar" /&gt;</c>. The start form shows them; a start
/// without a required one, or with one of the wrong type, is refused naming it.
/// </summary>
public sealed record StartVariable(string Name, StartVariableType Type, bool Required, string? Label)
{
    public const string Prefix = "start.";

    private static readonly Dictionary<string, StartVariableType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text"] = StartVariableType.Text, ["number"] = StartVariableType.Number, ["integer"] = StartVariableType.Integer,
        ["boolean"] = StartVariableType.Boolean, ["date"] = StartVariableType.Date, ["object"] = StartVariableType.Object,
        ["list"] = StartVariableType.List,
    };

    /// <summary>The type names a declaration may use.</summary>
    public static IEnumerable<string> TypeNames => Types.Keys;

    /// <summary>Reads <c>type[, required][: label]</c>; null when the type or a flag is unknown.</summary>
    public static StartVariable? TryParse(string name, string value)
    {
        var colon = value.IndexOf(':');
        var label = colon < 0 ? null : value[(colon + 1)..].Trim();
        var parts = (colon < 0 ? value : value[..colon]).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 2 || !Types.TryGetValue(parts[0], out var type)) return null;
        if (parts.Length == 2 && !parts[1].Equals("required", StringComparison.OrdinalIgnoreCase)) return null;
        return new StartVariable(name, type, parts.Length == 2, string.IsNullOrEmpty(label) ? null : label);
    }

    /// <summary>How the type reads in messages.</summary>
    public Term TypeTerm => Type switch
    {
        StartVariableType.Text => new("text", "teks"),
        StartVariableType.Number => new("a number", "angka"),
        StartVariableType.Integer => new("a whole number", "bilangan bulat"),
        StartVariableType.Boolean => new("true or false", "true atau false"),
        StartVariableType.Date => new("a date YYYY-MM-DD", "tanggal YYYY-MM-DD"),
        StartVariableType.Object => new("an object", "objek"),
        _ => new("a list", "daftar"),
    };

    /// <summary>Whether <paramref name="value"/> (not null) is of this variable's type.</summary>
    public bool Accepts(JsonNode value) => Type switch
    {
        StartVariableType.Text => value.GetValueKind() == JsonValueKind.String,
        StartVariableType.Number => value.GetValueKind() == JsonValueKind.Number,
        // By its JSON text: a value built in memory holds its CLR type (an int is no long to TryGetValue).
        StartVariableType.Integer => value.GetValueKind() == JsonValueKind.Number
                                     && long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        StartVariableType.Boolean => value.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        StartVariableType.Date => value.GetValueKind() == JsonValueKind.String
                                  && DateOnly.TryParseExact(value.ToJsonString().Trim('"'), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        StartVariableType.Object => value is JsonObject,
        _ => value is JsonArray,
    };
}
