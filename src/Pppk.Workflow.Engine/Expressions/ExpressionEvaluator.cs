using System.Text.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Timers;

namespace Pppk.Workflow.Engine.Expressions;

/// <summary>Where an expression reads variables: the engine's nested scopes for one element instance.</summary>
internal interface IVariableLookup
{
    bool TryGet(string name, out JsonNode? value);
}

/// <summary>Evaluation failed in a way the user must fix (wrong type, missing value); becomes an incident.</summary>
internal sealed class ExpressionException(LocalizedText text) : Exception(text.ToString())
{
    public LocalizedText Text => text;
}

/// <summary>The only place that talks to the FEEL library: '=' prefix handling, scope adapter and conversions to what the engine needs.</summary>
internal sealed class ExpressionEvaluator(ExpressionCache cache, FeelEnvironment environment)
{
    public JsonNode? Evaluate(string raw, IVariableLookup variables)
    {
        if (!ExpressionCache.IsExpression(raw))
            return JsonValue.Create(raw);
        FeelExpression expression;
        try
        {
            expression = cache.Get(raw);
        }
        catch (FeelSyntaxException e)
        {
            throw new ExpressionException(FeelTexts.SyntaxError.Format(ExpressionCache.Body(raw).Trim(), e.ReasonText, e.Line, e.Column));
        }
        try
        {
            return expression.Evaluate(new VariableScope(variables), environment).ToJson();
        }
        catch (FeelLimitException e)
        {
            throw new ExpressionException(IncidentTexts.EvaluationFailed.Format(ExpressionCache.Body(raw).Trim(), e.Text));
        }
        catch (Exception e) when (e is not ExpressionException)
        {
            throw new ExpressionException(IncidentTexts.EvaluationFailed.Format(ExpressionCache.Body(raw).Trim(), e.Message));
        }
    }

    /// <summary>A sequence flow condition: only boolean true passes; null and non-booleans do not, as in Camunda 8.</summary>
    public bool IsTrue(string raw, IVariableLookup variables) =>
        Evaluate(raw, variables) is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    public string? EvaluateString(string? raw, IVariableLookup variables) => raw is null ? null : AsString(Evaluate(raw, variables));

    /// <summary>A list setting: a FEEL list, or a literal comma separated list ("hr-staff, hr-head").</summary>
    public List<string> EvaluateList(string? raw, IVariableLookup variables)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return [];
        if (!ExpressionCache.IsExpression(raw))
            return raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        return Evaluate(raw, variables) switch
        {
            null => [],
            JsonArray a => a.Select(AsString).Where(s => s is not null).Select(s => s!).ToList(),
            var single => [AsString(single)!],
        };
    }

    /// <summary>A date-time setting (due date, timer date); literal ISO text or a FEEL date and time.</summary>
    public DateTimeOffset? EvaluateDate(string? raw, IVariableLookup variables)
    {
        var text = EvaluateString(raw, variables);
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (IsoDateTime.TryParse(text, environment.TimeZone, out var value))
            return value;
        throw new ExpressionException(IncidentTexts.NotADateTime.Format(text));
    }

    /// <summary>A user task's priority: a literal or a FEEL number, whole, 0 to 100; none is the default 50.</summary>
    public int EvaluatePriority(string? raw, IVariableLookup variables)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return Model.TaskPriority.Default;
        var value = Evaluate(raw, variables);
        var isNumber = !ExpressionCache.IsExpression(raw) || value is JsonValue { } v && v.GetValueKind() == JsonValueKind.Number;
        return (isNumber ? Model.TaskPriority.Parse(AsString(value)) : null)
            ?? throw new ExpressionException(IncidentTexts.PriorityOutOfRange.Format(ExpressionCache.Body(raw).Trim(), AsString(value) ?? "null"));
    }

    public static string? AsString(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    /// <summary>A timer expression evaluates to text (literal, FEEL string, FEEL duration or date); the timer parser reads it.</summary>
    public string EvaluateTimerText(string raw, IVariableLookup variables) =>
        EvaluateString(raw, variables) ?? throw new ExpressionException(IncidentTexts.TimerExpressionNull.Format(raw));
}
