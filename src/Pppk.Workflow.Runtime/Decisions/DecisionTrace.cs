using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Dmn;
using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Runtime.Decisions;

/// <summary>
/// What an evaluation records and answers: for each decision evaluated, the inputs it saw (label and value), the rules that
/// matched (index, id, annotation, outputs) and its output. Bounded, so a collect table over a long list cannot swell a
/// step: at most <see cref="MaxRules"/> rules and <see cref="MaxInputs"/> inputs per decision, texts cut at
/// <see cref="MaxText"/> characters and any single value larger than <see cref="MaxValueChars"/> characters of JSON replaced by a note.
/// </summary>
public static class DecisionTrace
{
    public const int MaxDecisions = 20;
    public const int MaxRules = 50;
    public const int MaxInputs = 50;
    public const int MaxText = 500;
    public const int MaxValueChars = 4000;

    /// <summary>The evaluated decisions (required ones first, as evaluated), each bounded as above.</summary>
    public static JsonArray Decisions(DmnEvaluation evaluation, bool bounded = true)
    {
        var list = new JsonArray();
        foreach (var d in evaluation.EvaluatedDecisions.Take(bounded ? MaxDecisions : int.MaxValue))
        {
            var rules = new JsonArray();
            foreach (var rule in d.MatchedRules.Take(bounded ? MaxRules : int.MaxValue))
            {
                var outputs = new JsonObject();
                foreach (var (name, value) in rule.Outputs)
                    outputs[name] = Value(value, bounded);
                rules.Add(new JsonObject
                {
                    ["ruleId"] = rule.RuleId, ["ruleIndex"] = rule.RuleIndex, ["annotation"] = Cut(rule.Annotation, bounded), ["outputs"] = outputs,
                });
            }
            var inputs = new JsonArray();
            foreach (var input in d.Inputs.Take(bounded ? MaxInputs : int.MaxValue))
                inputs.Add(new JsonObject
                {
                    ["inputId"] = input.InputId, ["label"] = Cut(input.Label, bounded), ["expression"] = Cut(input.Expression, bounded), ["value"] = Value(input.Value, bounded),
                });
            list.Add(new JsonObject
            {
                ["decisionKey"] = d.DecisionId, ["decisionName"] = d.DecisionName, ["output"] = Value(d.Output, bounded),
                ["inputs"] = inputs, ["matchedRules"] = rules,
                ["matchedRuleCount"] = d.MatchedRules.Count,
            });
        }
        return list;
    }

    /// <summary>A value as JSON (temporal values as ISO text, numbers exact); a bounded one that is too large becomes a note of its size.</summary>
    public static JsonNode? Value(FeelValue value, bool bounded = true)
    {
        var json = value.ToJson();
        if (!bounded || json is null) return json;
        if (json is JsonValue v && v.TryGetValue<string>(out var s)) return Cut(s, true);
        var text = json.ToJsonString();
        return text.Length <= MaxValueChars ? json : new JsonObject { ["truncated"] = true, ["chars"] = text.Length };
    }

    private static string? Cut(string? text, bool bounded) =>
        !bounded || text is null || text.Length <= MaxText ? text : string.Concat(text.AsSpan(0, MaxText), "…");
}

/// <summary>Turns a business rule task's evaluation (an engine effect) into its history row.</summary>
internal static class DecisionRecords
{
    public static DecisionEvaluationRecord From(Guid instanceId, Engine.Execution.DecisionEvaluated e, DateTimeOffset at) => new()
    {
        InstanceId = instanceId, ElementInstanceKey = e.ElementInstanceKey, ElementId = e.ElementId, ElementName = e.ElementName,
        DecisionKey = e.Decision.Key, DecisionVersion = e.Decision.Version, DecisionName = e.Decision.Name, EvaluatedAt = at,
        Trace = new JsonObject
        {
            ["output"] = DecisionTrace.Value(e.Evaluation.Output),
            ["evaluatedDecisions"] = DecisionTrace.Decisions(e.Evaluation),
        }.ToJsonString(),
    };
}
