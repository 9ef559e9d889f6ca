using Pppk.Workflow.Engine.Dmn;
using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>
/// The variables a decision sees: JSON has no dates, so an ISO 8601 string given for an input whose DMN typeRef is a
/// FEEL temporal type is read as that type (docs/api.md, "Values"); anything else passes unchanged and the DMN engine
/// applies the typeRef check (a wrong type is null).
/// </summary>
public sealed class DecisionInputs : IFeelScope
{
    private static readonly Dictionary<string, FeelExpression> Conversions = new[] { "date", "time", "date and time", "duration" }
        .ToDictionary(f => f, f => FeelExpression.Parse(f + "(v)"), StringComparer.Ordinal);

    private readonly IFeelScope inner;
    private readonly IReadOnlyDictionary<string, string> temporal;
    private readonly FeelEnvironment environment;

    public DecisionInputs(IFeelScope inner, DmnModel model, FeelEnvironment environment)
    {
        this.inner = inner;
        this.environment = environment;
        temporal = TemporalInputs(model);
    }

    public bool TryResolve(string name, out FeelValue value)
    {
        if (!inner.TryResolve(name, out value)) return false;
        if (value is FeelString && temporal.TryGetValue(name, out var function))
            value = Convert(function, value);
        return true;
    }

    private FeelValue Convert(string function, FeelValue text)
    {
        try
        {
            return Conversions[function].Evaluate(new Single(text), environment);
        }
        catch (Exception e) when (e is FeelLimitException or ArgumentException or FormatException or InvalidOperationException)
        {
            return FeelValue.Null; // not a date: the wrong type is null, as the standard says
        }
    }

    /// <summary>Input data (of the model and of every decision, imports included) whose typeRef is temporal, with the FEEL function that reads its ISO text.</summary>
    private static Dictionary<string, string> TemporalInputs(DmnModel model)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in model.InputData)
            if (FunctionFor(input.TypeRef) is { } f)
                map.TryAdd(input.Name, f);
        foreach (var decision in model.Decisions)
            foreach (var input in decision.RequiredInputs)
                if (FunctionFor(input.TypeRef) is { } f)
                    map.TryAdd(input.Name, f);
        return map;
    }

    /// <summary>The FEEL conversion for a temporal typeRef (also the DMN 1.1 names and feel: prefixes); null for any other type.</summary>
    public static string? FunctionFor(string? typeRef)
    {
        var type = typeRef?.Trim();
        if (type is null) return null;
        if (type.StartsWith("feel:", StringComparison.Ordinal)) type = type[5..];
        return type switch
        {
            "date" => "date",
            "time" => "time",
            "date and time" or "dateTime" => "date and time",
            "days and time duration" or "dayTimeDuration" or "years and months duration" or "yearMonthDuration" or "duration" => "duration",
            _ => null,
        };
    }

    private sealed class Single(FeelValue value) : IFeelScope
    {
        public bool TryResolve(string name, out FeelValue found)
        {
            found = value;
            return name == "v";
        }
    }
}
