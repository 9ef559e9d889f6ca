using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Dmn;

/// <summary>
/// One call of <see cref="DmnEvaluator"/>: the environment, decisions evaluated so far (each once per input context),
/// warnings and the trace of evaluated decisions. Not shared between threads.
/// </summary>
internal sealed class DmnRun(FeelEnvironment environment, DmnEvaluateOptions? options = null)
{
    private const int MaxWarnings = 200;

    private readonly List<string> warnings = [];
    private readonly HashSet<(DrgContext, DecisionElement)> inProgress = [];

    public FeelEnvironment Environment { get; } = environment;

    public DmnEvaluateOptions Options { get; } = options ?? DmnEvaluateOptions.Standard;

    public List<EvaluatedDecision> Evaluated { get; } = [];

    public IReadOnlyList<string> Warnings => warnings;

    public void Warn(string warning)
    {
        if (warnings.Count < MaxWarnings)
            warnings.Add(warning);
    }

    public FeelValue EvaluateDecision(DecisionElement decision, DrgContext drg)
    {
        if (drg.Overrides.TryGetValue(decision.Id, out var given))
            return given;
        if (drg.Memo.TryGetValue(decision.Id, out var known))
            return known;
        if (!inProgress.Add((drg, decision)))
        {
            Warn($"Decision '{decision.Name}' requires itself; it is null.");
            return FeelValue.Null;
        }
        try
        {
            var scope = Requirements.Scope(decision, drg, this);
            var trace = new DecisionTrace();
            var value = decision.Logic switch
            {
                null => FeelValue.Null,
                DecisionTableExpression table => table.Evaluate(this, scope, trace),
                var logic => logic.Evaluate(this, scope),
            };
            value = decision.Type.Coerce(value, this, $"Decision '{decision.Name}'");
            drg.Memo[decision.Id] = value;
            Evaluated.Add(new EvaluatedDecision(decision.Id, decision.Name, value, trace.Inputs, trace.Rules));
            return value;
        }
        finally
        {
            inProgress.Remove((drg, decision));
        }
    }
}

/// <summary>What a decision table records for "why": its inputs and matched rules.</summary>
internal sealed class DecisionTrace
{
    public List<EvaluatedInput> Inputs { get; } = [];

    public List<MatchedRule> Rules { get; } = [];
}

/// <summary>
/// The models' inputs as seen from one model: the root model reads the caller's variables, an imported model reads the
/// context under its import name. Decisions are evaluated once per such context; a decision service invocation has its
/// own, with its input decisions given (<see cref="Overrides"/>).
/// </summary>
internal sealed class DrgContext(ModelDefinition model, IFeelScope inputs)
{
    private readonly Dictionary<string, DrgContext> imports = new(StringComparer.Ordinal);

    public ModelDefinition Model { get; } = model;

    public IFeelScope Inputs { get; } = inputs;

    /// <summary>A name no requirement declares is read from the caller's variables (the top model only; see <see cref="DmnEvaluateOptions"/>).</summary>
    public bool CallerVariablesVisible { get; init; }

    public Dictionary<string, FeelValue> Memo { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, FeelValue> Overrides { get; } = new(StringComparer.Ordinal);

    public DrgContext Import(string prefix)
    {
        if (imports.TryGetValue(prefix, out var known))
            return known;
        var model = Model.Imports[prefix];
        IFeelScope scope = Inputs.TryResolve(prefix, out var v) && v is FeelContext c ? new ContextScope(c) : FeelScope.Empty;
        return imports[prefix] = new DrgContext(model, scope);
    }
}

/// <summary>The entries of a context as names (types from the outer scope).</summary>
internal sealed class ContextScope(FeelContext context, IFeelScope? outer = null) : IFeelTypeScope
{
    public bool TryResolve(string name, out FeelValue value) =>
        context.TryGet(name, out value) || (outer?.TryResolve(name, out value) ?? false);

    public bool TryIsInstance(FeelValue value, string typeName, out bool isInstance)
    {
        isInstance = false;
        return outer is IFeelTypeScope types && types.TryIsInstance(value, typeName, out isInstance);
    }
}
