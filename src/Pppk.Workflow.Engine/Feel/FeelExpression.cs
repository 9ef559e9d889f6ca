namespace Pppk.Workflow.Engine.Feel;

/// <summary>A parsed FEEL expression, immutable and safe to cache and share between threads.</summary>
public sealed class FeelExpression
{
    private readonly Node root;

    private FeelExpression(string source, Node root)
    {
        Source = source;
        this.root = root;
    }

    /// <summary>The expression text as given (without the leading '=' of BPMN attributes).</summary>
    public string Source { get; }

    /// <summary>
    /// Parses <paramref name="source"/>; throws <see cref="FeelSyntaxException"/> naming what was expected, line and column,
    /// also when the expression is longer or nests deeper than <paramref name="limits"/> (default <see cref="FeelLimits.Default"/>) allow.
    /// </summary>
    public static FeelExpression Parse(string source, FeelLimits? limits = null) =>
        Parse(source, limits is null ? FeelParseOptions.Default : new FeelParseOptions { Limits = limits });

    /// <summary>Parses with <paramref name="options"/> (a DMN model's names and the standard's run-time nulls: <see cref="FeelParseOptions.Dmn"/>).</summary>
    public static FeelExpression Parse(string source, FeelParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        return new FeelExpression(source, Parser.Parse(source, options));
    }

    /// <summary>Parses without throwing; <paramref name="error"/> is set on failure.</summary>
    public static bool TryParse(string source, out FeelExpression? expression, out FeelSyntaxException? error, FeelLimits? limits = null)
    {
        try
        {
            expression = Parse(source, limits);
            error = null;
            return true;
        }
        catch (FeelSyntaxException e)
        {
            expression = null;
            error = e;
            return false;
        }
    }

    /// <summary>
    /// Evaluates against variables and an environment (clock, time zone, holiday calendar, limits). Type errors give FEEL
    /// null; exceeding one of the environment's <see cref="FeelLimits"/> throws <see cref="FeelLimitException"/>.
    /// </summary>
    public FeelValue Evaluate(IFeelScope scope, FeelEnvironment environment) =>
        Run(scope, environment, root, static (node, context) =>
        {
            var result = node.Eval(context);
            CheckResult(result, context.Budget.Limits);
            return result;
        });

    /// <summary>Runs <paramref name="work"/> with a context and budget (an evaluation inside another one, like the range() built-in, spends from the outer budget).</summary>
    internal static TResult Run<TState, TResult>(IFeelScope scope, FeelEnvironment environment, TState state, Func<TState, EvaluationContext, TResult> work)
    {
        var budget = EvaluationBudget.For(environment.Limits);
        var previous = budget.Activate();
        var context = EvaluationContext.Rent(scope, environment, budget);
        try
        {
            return work(state, context);
        }
        catch (InsufficientExecutionStackException)
        {
            throw budget.TooDeep();
        }
        finally
        {
            EvaluationContext.Return(context);
            EvaluationBudget.Restore(previous);
        }
    }

    /// <summary>A result must be storable as a variable: JSON readers stop at the nesting depth, and its text must stay within the result size.</summary>
    private static void CheckResult(FeelValue result, FeelLimits limits)
    {
        switch (ValueSize.Check(result, limits.MaxResultSize, limits.MaxNestingDepth))
        {
            case ValueSize.Verdict.TooLarge:
                throw new FeelLimitException(FeelTexts.ResultLimit.Format(limits.MaxResultSize));
            case ValueSize.Verdict.TooDeep:
                throw new FeelLimitException(FeelTexts.DepthLimit.Format(limits.MaxNestingDepth));
        }
    }

    /// <summary>Evaluates with no variables in <see cref="FeelEnvironment.Default"/>.</summary>
    public FeelValue Evaluate() => Evaluate(FeelScope.Empty, FeelEnvironment.Default);

    /// <summary>Parse and evaluate in one step (tools and tests; the engine caches parsed expressions).</summary>
    public static FeelValue Evaluate(string source, IFeelScope? scope = null, FeelEnvironment? environment = null) =>
        Parse(source).Evaluate(scope ?? FeelScope.Empty, environment ?? FeelEnvironment.Default);

    public override string ToString() => Source;
}
