namespace Pppk.Workflow.Engine.Feel;

/// <summary>The table of built-in functions (DMN 1.5 §10.3.4 plus the project's working-day functions).</summary>
internal static partial class Builtins
{
    private static readonly Dictionary<string, BuiltinFunction> Table = new(StringComparer.Ordinal);

    /// <summary>Multi-word names split into words, longest first, for the parser's name joining.</summary>
    public static IReadOnlyList<string[]> MultiWordNames { get; }

    static Builtins()
    {
        RegisterConversion();
        RegisterString();
        RegisterNumber();
        RegisterList();
        RegisterContext();
        RegisterTemporal();
        RegisterBoolean();
        RegisterRange();
        RegisterWorkingDays();
        MultiWordNames = Table.Keys.Where(k => k.Contains(' ')).Select(k => k.Split(' '))
            .OrderByDescending(w => w.Length).ToList();
    }

    public static bool TryGet(string name, out BuiltinFunction function) => Table.TryGetValue(name, out function!);

    public static IEnumerable<string> Names => Table.Keys;

    /// <summary>
    /// Registers a function. Parameters: "name?" is optional, "..." means varargs, "from|date" gives a second
    /// name for overloads (date and time(from) / date and time(date, time)).
    /// </summary>
    private static void Add(string name, string parameters, BuiltinBody body, bool pure = true)
    {
        var names = new List<string>();
        var min = -1;
        var max = 0;
        Dictionary<string, int>? aliases = null;
        foreach (var raw in parameters.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw == "...")
            {
                max = int.MaxValue;
                continue;
            }
            var optional = raw.EndsWith('?');
            if (optional && min < 0)
                min = names.Count;
            var parameter = optional ? raw[..^1] : raw;
            var bar = parameter.IndexOf('|');
            if (bar >= 0)
            {
                aliases ??= new Dictionary<string, int>(StringComparer.Ordinal);
                aliases[parameter[(bar + 1)..]] = names.Count;
                parameter = parameter[..bar];
            }
            names.Add(parameter);
        }
        if (min < 0)
            min = names.Count;
        if (max != int.MaxValue)
            max = names.Count;
        Table[name] = new BuiltinFunction(name, names.ToArray(), min, max, pure, body, aliases);
    }
}
