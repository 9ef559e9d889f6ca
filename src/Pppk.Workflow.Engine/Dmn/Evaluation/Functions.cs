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

    internal override FeelValue Invoke(ReadOnlySpan<FeelValue> args, EvaluationContext context)
    {
        var array = args.ToArray();
        // A lambda passed as an argument keeps the caller's names (it was defined in the calling expression).
        for (var i = 0; i < array.Length; i++)
            if (array[i] is FeelFunction f and not DmnFunction and not BuiltinFunction)
                array[i] = new ScopedFunction(f, context.Scope, Run);
        return Call(array);
    }

    /// <summary>Calls with arguments in parameter order; another number of arguments makes the call null (DMN 1.5 §10.3.2.13).</summary>
    public FeelValue Call(FeelValue[] args)
    {
        if (args.Length != Parameters.Count)
        {
            Run.Warn($"'{Name}' takes {Parameters.Count} argument(s), not {args.Length}; the result is null.");
            return Null;
        }
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
        if (definition.Kind == "Java")
            return JavaCall(args);
        if (definition.Kind != "FEEL")
            throw new DmnEvaluationException(DmnTexts.NotSupportedKind.Code, definition.Id,
                DmnTexts.NotSupportedKind.Format(definition.Id ?? "", definition.Kind));
        var scope = new DmnScope(captured);
        for (var i = 0; i < definition.Parameters.Count; i++)
        {
            var (name, type) = definition.Parameters[i];
            if (!Arguments.TryConvert(args[i], type, Run, out var value))
            {
                Run.Warn($"'{Name}': argument '{name}' ({args[i]}) does not conform to type '{type.Name}'; the result is null.");
                return Null;
            }
            scope.Bind(name, value);
        }
        var result = definition.Body?.Evaluate(Run, scope) ?? Null;
        return definition.ResultType.Coerce(result, Run, $"Result of '{Name}'");
    }

    private ExternalJavaFunction? java;

    /// <summary>
    /// A Java function: its body is a context of class and method signature, called as FEEL's <c>external</c> functions
    /// are (a few java.lang methods mapped to .NET; no Java runs, any other method is null). Built on the first call, then kept.
    /// </summary>
    private FeelValue JavaCall(FeelValue[] args)
    {
        if (java is null)
        {
            var mapping = definition.Body?.Evaluate(Run, captured) as FeelContext;
            if (mapping?.Get("class") is not FeelString type || mapping.Get("method signature") is not FeelString signature)
            {
                Run.Warn($"Java function '{Name}' names no class and method signature; the result is null.");
                return Null;
            }
            java = new ExternalJavaFunction([.. definition.ParameterNames], type.Value, signature.Value);
        }
        return FunctionCall.Invoke(java, args, Run);
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
        service.InputData.Concat(service.InputDecisions)
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
            if (!Arguments.TryConvert(args[i++], element.Type, Run, out var value))
            {
                Run.Warn($"Decision service '{service.Name}': argument '{element.Name}' does not conform to type '{element.Type.Name}'; the result is null.");
                return Null;
            }
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

/// <summary>An argument for a typed parameter: null and conforming values pass, a singleton list or a single value converts, anything else fails.</summary>
internal static class Arguments
{
    public static bool TryConvert(FeelValue arg, DmnType type, DmnRun run, out FeelValue value)
    {
        value = arg;
        if (arg.IsNull || type.Conforms(arg, run))
            return true;
        if (!type.IsCollection && arg is FeelList { Count: 1 } single && type.Conforms(single[0], run))
        {
            value = single[0];
            return true;
        }
        if (arg is not FeelList && type.ItemType is { } item && item.Conforms(arg, run))
        {
            value = new FeelList([arg]);
            return true;
        }
        return false;
    }
}

/// <summary>A FEEL function value (a lambda) called with the names of the scope it was defined in (BKM parameters, context entries).</summary>
internal sealed class ScopedFunction(FeelFunction inner, IFeelScope scope, DmnRun run) : DmnFunction(run)
{
    public override string Name => inner.Name;

    public override IReadOnlyList<string> Parameters => inner.Parameters;

    protected override FeelValue Body(FeelValue[] args)
    {
        var context = EvaluationContext.Rent(scope, Run.Environment, EvaluationBudget.Current ?? EvaluationBudget.For(Run.Environment.Limits));
        try
        {
            return inner.Invoke(args, context);
        }
        finally
        {
            EvaluationContext.Return(context);
        }
    }
}
