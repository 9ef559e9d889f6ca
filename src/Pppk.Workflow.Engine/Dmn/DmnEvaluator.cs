using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Dmn;

/// <summary>
/// Evaluates a decision of a <see cref="DmnModel"/> with the caller's variables as input data. Pure: no state between
/// calls, safe on many threads at once. One evaluation spends from one FEEL budget (<see cref="FeelEnvironment.Limits"/>),
/// so no model and no input can hang or exhaust the worker.
/// </summary>
public static class DmnEvaluator
{
    /// <summary>
    /// Evaluates the decision with id or name <paramref name="decisionIdOrName"/> (also a business knowledge model or
    /// decision service: their parameters are read from <paramref name="variables"/> by name). Type mismatches and hit
    /// policy violations make values null with a warning; an unknown decision or an exceeded limit throws
    /// <see cref="DmnEvaluationException"/>.
    /// </summary>
    public static DmnEvaluation Evaluate(DmnModel model, string decisionIdOrName, IFeelScope variables, FeelEnvironment environment) =>
        Evaluate(model, decisionIdOrName, variables, environment, DmnEvaluateOptions.Standard);

    /// <summary>As above, with <paramref name="options"/> (what a process's business rule task sees: <see cref="DmnEvaluateOptions.Process"/>).</summary>
    public static DmnEvaluation Evaluate(DmnModel model, string decisionIdOrName, IFeelScope variables, FeelEnvironment environment, DmnEvaluateOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(environment);
        var definition = model.Definition;
        var element = definition.ById.TryGetValue(decisionIdOrName, out var byId) ? byId
            : definition.ByName.TryGetValue(decisionIdOrName, out var byName) ? byName
            : null;
        if (element is null or InputDataElement)
            throw new DmnEvaluationException(DmnTexts.UnknownDecision.Code, decisionIdOrName,
                DmnTexts.UnknownDecision.Format(model.Name, decisionIdOrName));

        var run = new DmnRun(environment, options);
        var drg = new DrgContext(definition, variables) { CallerVariablesVisible = options.UndeclaredNamesFromVariables };
        var budget = EvaluationBudget.For(environment.Limits);
        var previous = budget.Activate();
        try
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            var output = element switch
            {
                DecisionElement decision => run.EvaluateDecision(decision, drg),
                _ => Invoke((DmnFunction)Requirements.FunctionOf(element, drg, run), variables),
            };
            return new DmnEvaluation(output, [.. run.Evaluated], [.. run.Warnings]);
        }
        catch (FeelLimitException e)
        {
            throw new DmnEvaluationException(e.Code, element.Id, DmnTexts.LimitExceeded.Format(element.Name, e.Text));
        }
        catch (InsufficientExecutionStackException)
        {
            var e = budget.TooDeep();
            throw new DmnEvaluationException(e.Code, element.Id, DmnTexts.LimitExceeded.Format(element.Name, e.Text));
        }
        finally
        {
            EvaluationBudget.Restore(previous);
        }
    }

    private static FeelValue Invoke(DmnFunction function, IFeelScope variables) =>
        function.Call([.. function.Parameters.Select(p => variables.TryResolve(p, out var v) ? v : FeelValue.Null)]);
}
