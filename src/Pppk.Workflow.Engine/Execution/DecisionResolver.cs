using Pppk.Workflow.Engine.Dmn;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Model;

namespace Pppk.Workflow.Engine.Execution;

/// <summary>One deployed version of a decision: its key, version, name and the parsed model that holds it (imports resolved).</summary>
public sealed record ResolvedDecision(string Key, int Version, string? Name, DmnModel Model);

/// <summary>
/// Where a business rule task finds the decision it calls, as the runtime resolves called processes and forms: the
/// latest version, the one deployed with the process, or the latest with a version tag. Synchronous and side-effect
/// free (the runtime hands the engine what it loaded before the step), so the engine stays a pure interpreter.
/// </summary>
public interface IDecisionResolver
{
    (ResolvedDecision? Found, LocalizedText? Missing) Resolve(string decisionId, ResourceBinding binding);
}

/// <summary>A business rule task evaluated <paramref name="Decision"/>: the runtime records the evaluation in the instance's history ("why").</summary>
public sealed record DecisionEvaluated(long ElementInstanceKey, string ElementId, string? ElementName, ResolvedDecision Decision, DmnEvaluation Evaluation) : Effect;
