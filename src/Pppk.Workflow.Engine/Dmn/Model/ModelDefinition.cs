namespace Pppk.Workflow.Engine.Dmn;

/// <summary>The evaluable content of a model: its DRG elements, item definitions and the models it imports.</summary>
internal sealed class ModelDefinition
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public Dictionary<string, DrgElement> ById { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, DrgElement> ByName { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, DmnType> Types { get; } = new(StringComparer.Ordinal);

    /// <summary>Imported models by their import name (the FEEL prefix).</summary>
    public Dictionary<string, ModelDefinition> Imports { get; } = new(StringComparer.Ordinal);

    /// <summary>Imported models by namespace (hrefs name them so).</summary>
    public Dictionary<string, (string Name, ModelDefinition Model)> ImportsByNamespace { get; } = new(StringComparer.Ordinal);

    /// <summary>Resolves an href (<c>#id</c> or <c>namespace#id</c>): the element and the import name it is seen through (null: this model).</summary>
    public (DrgElement Element, string? Prefix)? Resolve(string href)
    {
        var hash = href.IndexOf('#');
        var ns = hash <= 0 ? "" : href[..hash];
        var id = hash < 0 ? href : href[(hash + 1)..];
        if (ns.Length == 0 || ns == Namespace)
            return ById.TryGetValue(id, out var own) ? (own, null) : null;
        if (ImportsByNamespace.TryGetValue(ns, out var import) && import.Model.ById.TryGetValue(id, out var imported))
            return (imported, import.Name);
        return null;
    }
}

/// <summary>A decision requirements graph element: decision, input data, business knowledge model or decision service.</summary>
internal abstract class DrgElement
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>The variable's type (typeRef of its variable), or Any.</summary>
    public DmnType Type { get; set; } = DmnType.Any;

    public string? TypeRef { get; init; }

    public ModelDefinition Model { get; set; } = null!;

    public List<string> RequiredDecisions { get; } = [];

    public List<string> RequiredInputs { get; } = [];

    public List<string> RequiredKnowledge { get; } = [];
}

internal sealed class DecisionElement : DrgElement
{
    public BoxedExpression? Logic { get; set; }
}

internal sealed class InputDataElement : DrgElement;

internal sealed class KnowledgeElement : DrgElement
{
    public FunctionDefinitionExpression? Logic { get; set; }
}

internal sealed class ServiceElement : DrgElement
{
    public List<string> OutputDecisions { get; } = [];

    public List<string> EncapsulatedDecisions { get; } = [];

    public List<string> InputDecisions { get; } = [];

    public List<string> InputData { get; } = [];
}
