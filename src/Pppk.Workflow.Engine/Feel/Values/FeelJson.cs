using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// The mapping between process variables (JSON) and FEEL values.
/// JSON → FEEL: number → number (decimal; out-of-range numbers become null), string → string
/// (strings stay strings even when they look like dates: use <c>date(x)</c> to convert), true/false → boolean,
/// null → null, array → list, object → context (property order kept).
/// FEEL → JSON: number → number, string/boolean/null as such, list → array, context → object,
/// date/time/date and time/durations → their ISO 8601 strings, range → its FEEL text, function → null.
/// </summary>
public static class FeelJson
{
    /// <summary>
    /// Converts a JSON value; arrays and objects nested deeper than the running evaluation's
    /// <see cref="FeelLimits.MaxNestingDepth"/> (outside an evaluation the default, 64) throw <see cref="FeelLimitException"/>.
    /// </summary>
    public static FeelValue FromJson(JsonNode? node) =>
        FromJson(node, 0, (EvaluationBudget.Current?.Limits ?? FeelLimits.Default).MaxNestingDepth);

    private static FeelValue FromJson(JsonNode? node, int depth, int maxDepth)
    {
        if (depth >= maxDepth && node is JsonArray or JsonObject)
            throw new FeelLimitException(FeelTexts.DepthLimit.Format(maxDepth));
        switch (node)
        {
            case null:
                return FeelValue.Null;
            case JsonArray array:
            {
                var items = new FeelValue[array.Count];
                for (var i = 0; i < items.Length; i++)
                    items[i] = FromJson(array[i], depth + 1, maxDepth);
                return new FeelList(items);
            }
            case JsonObject obj:
            {
                var context = FeelContext.CreateBuilder();
                foreach (var (key, value) in obj)
                    context.Set(key, FromJson(value, depth + 1, maxDepth));
                return context;
            }
            case JsonValue value:
                return FromJsonValue(value);
            default:
                return FeelValue.Null;
        }
    }

    private static FeelValue FromJsonValue(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return new FeelString(value.GetValue<string>());
            case JsonValueKind.True:
                return FeelBoolean.True;
            case JsonValueKind.False:
                return FeelBoolean.False;
            case JsonValueKind.Number:
                // A JsonValue built in code wraps the CLR number it was given; a parsed one wraps a JsonElement.
                return value.GetValue<object>() switch
                {
                    JsonElement e when e.TryGetDecimal(out var d) => FeelNumber.Of(d),
                    JsonElement e when e.TryGetDouble(out var dbl) => FromDouble(dbl),
                    int i => FeelNumber.Of(i),
                    long l => FeelNumber.Of(l),
                    decimal d => FeelNumber.Of(d),
                    double dbl => FromDouble(dbl),
                    float f => FromDouble(f),
                    short s => FeelNumber.Of(s),
                    byte b => FeelNumber.Of(b),
                    uint u => FeelNumber.Of(u),
                    ulong u => FeelNumber.Of(u),
                    _ => FeelValue.Null,
                };
            default:
                return FeelValue.Null;
        }
    }

    public static JsonNode? ToJson(FeelValue value) => value.ToJson();

    /// <summary>Doubles outside decimal's range (or NaN/infinity) have no FEEL number: null.</summary>
    private static FeelValue FromDouble(double d) =>
        double.IsFinite(d) && Math.Abs(d) < 7.9e28 ? FeelNumber.Of((decimal)d) : FeelValue.Null;
}
