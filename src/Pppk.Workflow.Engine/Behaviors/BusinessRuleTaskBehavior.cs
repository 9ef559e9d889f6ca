using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Dmn;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Behaviors;

/// <summary>
/// Business rule task with zeebe:calledDecision: evaluates the decision inside the step (the runtime resolves the
/// version by the binding), sets the result variable and completes; a decision that fails is an incident naming it.
/// </summary>
internal sealed class BusinessRuleTaskBehavior : IElementBehavior
{
    public static readonly BusinessRuleTaskBehavior Instance = new();

    public void Activate(StepContext context, ElementInstance instance, FlowNode node)
    {
        var call = node.CalledDecision!;
        string? decisionId = null;
        if (!context.Variables.Try(instance, ElementNames.Site("called decision id"), () => decisionId = context.Expressions.EvaluateString(call.DecisionId, context.Variables.Lookup(instance))))
            return;
        if (string.IsNullOrWhiteSpace(decisionId))
        {
            context.Incidents.Raise(instance, DecisionTexts.DecisionIdEmpty.Format(node.Id));
            return;
        }
        if (context.Decisions is not { } resolver)
        {
            context.Incidents.Raise(instance, DecisionTexts.NoResolver.Format(node.Id, decisionId));
            return;
        }
        var (decision, missing) = resolver.Resolve(decisionId, call.Binding);
        if (decision is null)
        {
            context.Incidents.Raise(instance, missing ?? DecisionTexts.NotDeployed.Format(decisionId, call.Binding.ToString()));
            return;
        }
        DmnEvaluation evaluation;
        try
        {
            evaluation = DmnEvaluator.Evaluate(decision.Model, decisionId, new VariableScope(context.Variables.Lookup(instance)), context.Feel, DmnEvaluateOptions.Process);
        }
        catch (DmnEvaluationException e)
        {
            context.Incidents.Raise(instance, DecisionTexts.EvaluationFailed.Format(Title(decision), node.Id, e.ElementId, e.Text));
            return;
        }
        context.Emit(new DecisionEvaluated(instance.Key, node.Id, node.Name, decision, evaluation));
        var variables = string.IsNullOrEmpty(call.ResultVariable) ? null : new JsonObject { [call.ResultVariable] = evaluation.Output.ToJson() };
        context.Completion.Complete(instance, variables);
    }

    private static string Title(ResolvedDecision d) => $"'{d.Name ?? d.Key}' ({d.Key} v{d.Version})";
}
