using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Dmn;

/// <summary>A DMN boxed expression (literal, decision table, context, ...): evaluated against the names in scope.</summary>
internal abstract class BoxedExpression
{
    public string? Id { get; init; }

    public string? TypeRef { get; init; }

    /// <summary>The declared type (resolved after all item definitions are read).</summary>
    public DmnType Type { get; set; } = DmnType.Any;

    public FeelValue Evaluate(DmnRun run, IFeelScope scope)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        return Type.Coerce(Eval(run, scope), run, $"Expression '{Id ?? GetType().Name}'");
    }

    protected abstract FeelValue Eval(DmnRun run, IFeelScope scope);

    /// <summary>Every expression directly inside this one (for type resolution).</summary>
    public virtual IEnumerable<BoxedExpression> Children => [];
}

/// <summary>A FEEL text; empty text is null.</summary>
internal sealed class LiteralExpression(FeelExpression? expression) : BoxedExpression
{
    public string Text => expression?.Source ?? Source;

    /// <summary>The text as written (also when it could not be parsed).</summary>
    public string Source { get; init; } = "";

    /// <summary>Why the text could not be parsed (models read with <see cref="DmnReadOptions.KeepModelWithFeelErrors"/>).</summary>
    public string? Error { get; init; }

    protected override FeelValue Eval(DmnRun run, IFeelScope scope)
    {
        if (Error is not null)
            run.Warn(Error + " The value is null.");
        return expression is null ? FeelValue.Null : expression.Evaluate(scope, run.Environment);
    }
}

/// <summary>Named entries that see the earlier ones; the entry without a name is the result, else the context itself.</summary>
internal sealed class ContextExpression : BoxedExpression
{
    public List<(string? Name, DmnType Type, BoxedExpression? Value)> Entries { get; } = [];

    public override IEnumerable<BoxedExpression> Children => Entries.Where(e => e.Value is not null).Select(e => e.Value!);

    protected override FeelValue Eval(DmnRun run, IFeelScope scope)
    {
        var inner = new DmnScope(scope);
        var result = new OrderedDictionary<string, FeelValue>(StringComparer.Ordinal);
        foreach (var (name, type, value) in Entries)
        {
            var v = value?.Evaluate(run, inner) ?? FeelValue.Null;
            if (name is null)
                return v;
            v = type.Coerce(v, run, $"Context entry '{name}'");
            inner.Bind(name, v);
            result[name] = v;
        }
        return new FeelContext(result);
    }
}

/// <summary>A list of expressions.</summary>
internal sealed class ListExpression : BoxedExpression
{
    public List<BoxedExpression> Items { get; } = [];

    public override IEnumerable<BoxedExpression> Children => Items;

    protected override FeelValue Eval(DmnRun run, IFeelScope scope) =>
        new FeelList(Items.Select(i => i.Evaluate(run, scope)).ToArray());
}

/// <summary>A relation: a list of contexts, one per row, keyed by the column names.</summary>
internal sealed class RelationExpression : BoxedExpression
{
    public List<(string Name, DmnType Type)> Columns { get; } = [];

    public List<BoxedExpression?[]> Rows { get; } = [];

    public override IEnumerable<BoxedExpression> Children => Rows.SelectMany(r => r).Where(c => c is not null)!;

    protected override FeelValue Eval(DmnRun run, IFeelScope scope)
    {
        var rows = new FeelValue[Rows.Count];
        for (var r = 0; r < Rows.Count; r++)
        {
            var entries = new OrderedDictionary<string, FeelValue>(StringComparer.Ordinal);
            for (var c = 0; c < Columns.Count; c++)
            {
                var cell = c < Rows[r].Length ? Rows[r][c] : null;
                var (name, type) = Columns[c];
                entries[name] = type.Coerce(cell?.Evaluate(run, scope) ?? FeelValue.Null, run, $"Relation column '{name}'");
            }
            rows[r] = new FeelContext(entries);
        }
        return new FeelList(rows);
    }
}

/// <summary>A call of a function by name with named bindings (unbound parameters are null).</summary>
internal sealed class InvocationExpression : BoxedExpression
{
    public BoxedExpression? Callee { get; set; }

    public List<(string Name, BoxedExpression? Value)> Bindings { get; } = [];

    public override IEnumerable<BoxedExpression> Children =>
        new[] { Callee }.Concat(Bindings.Select(b => b.Value)).Where(e => e is not null)!;

    protected override FeelValue Eval(DmnRun run, IFeelScope scope)
    {
        if (Callee?.Evaluate(run, scope) is not FeelFunction function)
        {
            run.Warn($"Invocation '{Id}': the called name is not a function; the result is null.");
            return FeelValue.Null;
        }
        var parameters = function.Parameters;
        var args = new FeelValue[parameters.Count];
        Array.Fill(args, FeelValue.Null);
        foreach (var (name, value) in Bindings)
        {
            var index = IndexOf(parameters, name);
            if (index < 0)
            {
                run.Warn($"Invocation '{Id}': '{function.Name}' has no parameter '{name}'; the result is null.");
                return FeelValue.Null;
            }
            args[index] = value?.Evaluate(run, scope) ?? FeelValue.Null;
        }
        return FunctionCall.Invoke(function, args, run);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
            if (names[i] == name)
                return i;
        return -1;
    }
}

/// <summary>A function definition: evaluates to a closure over the current names (FEEL kind; Java and PMML fail when called).</summary>
internal sealed class FunctionDefinitionExpression : BoxedExpression
{
    public string Kind { get; init; } = "FEEL";

    public List<(string Name, DmnType Type)> Parameters { get; } = [];

    public List<string?> ParameterTypeRefs { get; } = [];

    public IReadOnlyList<string> ParameterNames => [.. Parameters.Select(p => p.Name)];

    public BoxedExpression? Body { get; set; }

    /// <summary>The result type (the definition's typeRef); the closure applies it, not <see cref="BoxedExpression.Evaluate"/>.</summary>
    public DmnType ResultType { get; set; } = DmnType.Any;

    public override IEnumerable<BoxedExpression> Children => Body is null ? [] : [Body];

    protected override FeelValue Eval(DmnRun run, IFeelScope scope) => new DmnClosure(this, scope, run);
}
