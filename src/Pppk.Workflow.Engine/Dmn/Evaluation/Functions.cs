using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Dmn;

/// <summary>Calls any function value (a FEEL built-in or lambda, a business knowledge model) with positional arguments.</summary>
internal static class FunctionCall
{
    public static FeelValue Invoke(FeelFunction function, FeelValue[] args, DmnRun run)
    {
        if (function is DmnFunction own)
            return own.Call(args);
        var budget = EvaluationBudget.For(run.Environment.Limits);
        var previous = budget.Activate();
        var context = EvaluationContext.Rent(FeelScope.Empty, run.Environment, budget);
        try
        {
            return function.Invoke(args, context);
        }
        finally
        {
            EvaluationContext.Return(context);
            EvaluationBudget.Restore(previous);
        }
    }
}

/// <summary>A function a DMN element defines (business knowledge model, decision service, boxed function definition).</summary>
internal abstract class DmnFunction(DmnRun run) : FeelFunction
{
    protected DmnRun Run { get; } = run;

    internal override FeelValue Invoke(ReadOnlySpan<FeelValue> args, EvaluationContext context) => Call(args.ToArray());

    /// <summary>Calls with arguments in parameter order; too few are null, too many make the call null.</summary>
    public FeelValue Call(FeelValue[] args)
    {
        if (args.Length > Parameters.Count)
            return Null;
        if (args.Length < Parameters.Count)
            args = [.. args, .. Enumerable.Repeat(Null, Parameters.Count - args.Length)];
        var budget = EvaluationBudget.For(Run.Environment.Limits);
        var previous = budget.Activate();
        budget.EnterCall();
        try
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            return Body(args);
        }
        catch (InsufficientExecutionStackException)
        {
            throw budget.TooDeep();
        }
        finally
        {
            budget.ExitCall();
            EvaluationBudget.Restore(previous);
        }
    }

    protected abstract FeelValue Body(FeelValue[] args);
}

/// <summary>A boxed <c>functionDefinition</c> closed over the names visible where it was evaluated.</summary>
internal sealed class DmnClosure(FunctionDefinitionExpression definition, IFeelScope captured, DmnRun run) : DmnFunction(run)
{
    public override string Name => definition.Id ?? "function";

    public override IReadOnlyList<string> Parameters => definition.ParameterNames;

    protected override FeelValue Body(FeelValue[] args)
    {
        if (definition.Kind != "FEEL")
            throw new DmnEvaluationException(DmnTexts.NotSupportedKind.Code, definition.Id,
                DmnTexts.NotSupportedKind.Format(definition.Id ?? "", definition.Kind));
        var scope = new DmnScope(captured);
        for (var i = 0; i < definition.Parameters.Count; i++)
        {
            var (name, type) = definition.Parameters[i];
            scope.Bind(name, type.Coerce(args[i], Run, $"Parameter '{name}'"));
        }
        var result = definition.Body?.Evaluate(Run, scope) ?? Null;
        return definition.ResultType.Coerce(result, Run, $"Result of '{Name}'");
    }
}

/// <summary>A business knowledge model as a function: its logic sees its own knowledge requirements.</summary>
internal sealed class KnowledgeFunction(KnowledgeElement bkm, DrgContext drg, DmnRun run) : DmnFunction(run)
{
    public override string Name => bkm.Name;

    public override IReadOnlyList<string> Parameters => bkm.Logic?.ParameterNames ?? [];

    protected override FeelValue Body(FeelValue[] args)
    {
        if (bkm.Logic is null)
            return Null;
        var closure = new DmnClosure(bkm.Logic, Requirements.Scope(bkm, drg, Run), Run);
        return closure.Call(args);
    }
}

/// <summary>
/// A decision service as a function: parameters are its input decisions then its input data; the result is its single
/// output decision's value, or a context of all output decisions.
/// </summary>
internal sealed class ServiceFunction(ServiceElement service, DrgContext drg, DmnRun run) : DmnFunction(run)
{
    private IReadOnlyList<string>? parameters;

    public override string Name => service.Name;

    public override IReadOnlyList<string> Parameters => parameters ??= [.. Inputs().Select(i => i.Element.Name)];

    private IEnumerable<(DrgElement Element, string? Prefix)> Inputs() =>
        service.InputDecisions.Concat(service.InputData)
            .Select(href => drg.Model.Resolve(href))
            .Where(r => r is not null)
            .Select(r => r!.Value);

    protected override FeelValue Body(FeelValue[] args)
    {
        var given = new DmnScope();
        var inner = new DrgContext(drg.Model, given);
        var i = 0;
        foreach (var (element, _) in Inputs())
        {
            var value = element.Type.Coerce(args[i++], Run, $"Parameter '{element.Name}' of '{service.Name}'");
            if (element is DecisionElement)
                inner.Overrides[element.Id] = value;
            else
                given.Bind(element.Name, value);
        }
        var outputs = new OrderedDictionary<string, FeelValue>(StringComparer.Ordinal);
        foreach (var href in service.OutputDecisions)
            if (drg.Model.Resolve(href) is ({ } element, var prefix) && element is DecisionElement decision)
                outputs[decision.Name] = Run.EvaluateDecision(decision, prefix is null ? inner : inner.Import(prefix));
        FeelValue result = outputs.Count == 1 ? outputs.GetAt(0).Value : new FeelContext(outputs);
        return result;
    }
}
