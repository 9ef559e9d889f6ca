using Pppk.Workflow.Engine.Feel;

namespace Pppk.Workflow.Engine.Dmn;

/// <summary>
/// The names an element sees: its required decisions (evaluated), input data (from the caller's variables, type
/// checked) and knowledge requirements (functions); imported ones under their import name (<c>model.decision</c>).
/// Business knowledge models and decision services of the model are also found by name without a requirement.
/// </summary>
internal static class Requirements
{
    public static DmnScope Scope(DrgElement element, DrgContext drg, DmnRun run)
    {
        var scope = new DmnScope { Fallback = name => Invocable(drg, name, run) ?? CallerVariable(drg, name), Types = (type, value) => IsInstance(drg.Model, type, value, run) };
        Dictionary<string, OrderedDictionary<string, FeelValue>>? prefixed = null;

        void Bind(string? prefix, string name, FeelValue value)
        {
            if (prefix is null)
            {
                scope.Bind(name, value);
                return;
            }
            prefixed ??= new(StringComparer.Ordinal);
            if (!prefixed.TryGetValue(prefix, out var entries))
                prefixed[prefix] = entries = new(StringComparer.Ordinal);
            entries[name] = value;
        }

        foreach (var href in element.RequiredInputs)
            if (drg.Model.Resolve(href) is { } found)
            {
                var (input, prefix) = found;
                var source = prefix is null ? drg : drg.Import(prefix);
                Bind(prefix, input.Name, InputValue(input, source, run));
            }
        foreach (var href in element.RequiredDecisions)
            if (drg.Model.Resolve(href) is ({ } required, var prefix) && required is DecisionElement decision)
                Bind(prefix, decision.Name, run.EvaluateDecision(decision, prefix is null ? drg : drg.Import(prefix)));
        foreach (var href in element.RequiredKnowledge)
            if (drg.Model.Resolve(href) is ({ } knowledge, var prefix))
                Bind(prefix, knowledge.Name, FunctionOf(knowledge, prefix is null ? drg : drg.Import(prefix), run));
        if (prefixed is not null)
            foreach (var (prefix, entries) in prefixed)
                scope.Bind(prefix, new FeelContext(entries));
        return scope;
    }

    public static FeelValue InputValue(DrgElement input, DrgContext drg, DmnRun run)
    {
        var value = drg.Inputs.TryResolve(input.Name, out var v) ? v : FeelValue.Null;
        return input.Type.Coerce(value, run, $"Input data '{input.Name}'");
    }

    public static FeelValue FunctionOf(DrgElement element, DrgContext drg, DmnRun run) => element switch
    {
        KnowledgeElement bkm => new KnowledgeFunction(bkm, drg, run),
        ServiceElement service => new ServiceFunction(service, drg, run),
        _ => FeelValue.Null,
    };

    /// <summary><c>instance of</c> an item definition of the model (or <c>import.type</c>); null when the name is no item definition.</summary>
    private static bool? IsInstance(ModelDefinition model, string typeName, FeelValue value, DmnRun run)
    {
        var dot = typeName.IndexOf('.');
        var type = model.Types.GetValueOrDefault(typeName)
            ?? (dot > 0 && model.Imports.TryGetValue(typeName[..dot], out var imported) ? imported.Types.GetValueOrDefault(typeName[(dot + 1)..]) : null);
        return type is null ? null : !value.IsNull && type.IsInstance(value, run);
    }

    private static FeelValue? CallerVariable(DrgContext drg, string name) =>
        drg.CallerVariablesVisible && drg.Inputs.TryResolve(name, out var value) ? value : null;

    private static FeelValue? Invocable(DrgContext drg, string name, DmnRun run) =>
        drg.Model.ByName.TryGetValue(name, out var element) && element is KnowledgeElement or ServiceElement
            ? FunctionOf(element, drg, run)
            : null;
}
