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

    /// <summary>Parses <paramref name="source"/>; throws <see cref="FeelSyntaxException"/> naming what was expected, line and column.</summary>
    public static FeelExpression Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new FeelExpression(source, Parser.Parse(source));
    }

    /// <summary>Parses without throwing; <paramref name="error"/> is set on failure.</summary>
    public static bool TryParse(string source, out FeelExpression? expression, out FeelSyntaxException? error)
    {
        try
        {
            expression = Parse(source);
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

    /// <summary>Evaluates against variables and an environment (clock, time zone, holiday calendar). Type errors give FEEL null.</summary>
    public FeelValue Evaluate(IFeelScope scope, FeelEnvironment environment)
    {
        var context = EvaluationContext.Rent(scope, environment);
        try
        {
            return root.Eval(context);
        }
        finally
        {
            EvaluationContext.Return(context);
        }
    }

    /// <summary>Evaluates with no variables in <see cref="FeelEnvironment.Default"/>.</summary>
    public FeelValue Evaluate() => Evaluate(FeelScope.Empty, FeelEnvironment.Default);

    /// <summary>Parse and evaluate in one step (tools and tests; the engine caches parsed expressions).</summary>
    public static FeelValue Evaluate(string source, IFeelScope? scope = null, FeelEnvironment? environment = null) =>
        Parse(source).Evaluate(scope ?? FeelScope.Empty, environment ?? FeelEnvironment.Default);

    public override string ToString() => Source;
}
