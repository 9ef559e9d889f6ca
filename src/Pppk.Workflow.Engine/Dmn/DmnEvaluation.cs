using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Dmn;

/// <summary>
/// The result of evaluating one decision: its output, every decision evaluated for it (required ones first, the called
/// one last) with the inputs and matched rules of their decision tables, and warnings (type mismatches, hit policy
/// violations) that made a value null.
/// </summary>
public sealed record DmnEvaluation(FeelValue Output, IReadOnlyList<EvaluatedDecision> EvaluatedDecisions, IReadOnlyList<string> Warnings);

/// <summary>One decision evaluated: for a decision table its input values and the rules that matched ("why").</summary>
public sealed record EvaluatedDecision(
    string DecisionId, string DecisionName, FeelValue Output, IReadOnlyList<EvaluatedInput> Inputs, IReadOnlyList<MatchedRule> MatchedRules);

/// <summary>A decision table input: its id, label (or expression text when unlabelled), expression and the value it had.</summary>
public sealed record EvaluatedInput(string InputId, string Label, string Expression, FeelValue Value);

/// <summary>A rule that matched: id, 1-based position, its annotation (description or first annotation entry), its outputs.</summary>
public sealed record MatchedRule(string RuleId, int RuleIndex, string? Annotation, IReadOnlyList<(string Name, FeelValue Value)> Outputs);

/// <summary>A decision that cannot be evaluated at all (unknown decision, an exceeded limit): code, element and text.</summary>
public sealed class DmnEvaluationException(string code, string? elementId, LocalizedText text) : Exception(text.ToString())
{
    public string Code { get; } = code;

    public string? ElementId { get; } = elementId;

    public LocalizedText Text { get; } = text;
}
