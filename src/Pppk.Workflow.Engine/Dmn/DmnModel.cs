using Pppk.Workflow.Engine.Validation;

namespace Pppk.Workflow.Engine.Dmn;

/// <summary>A read DMN model: immutable, thread-safe and cacheable; evaluate it with <see cref="DmnEvaluator"/>.</summary>
public sealed class DmnModel
{
    internal DmnModel(string id, string name, string ns, ModelDefinition definition)
    {
        Id = id;
        Name = name;
        Namespace = ns;
        Definition = definition;
    }

    public string Id { get; }

    public string Name { get; }

    public string Namespace { get; }

    /// <summary>Decisions, business knowledge models and decision services, in document order.</summary>
    public IReadOnlyList<DmnDecisionInfo> Decisions { get; internal set; } = [];

    public IReadOnlyList<DmnInputInfo> InputData { get; internal set; } = [];

    public IReadOnlyList<DmnImportInfo> Imports { get; internal set; } = [];

    internal ModelDefinition Definition { get; }

    public override string ToString() => $"{Name} ({Namespace})";
}

/// <summary>
/// A decision (or business knowledge model / decision service). <see cref="RequiredInputs"/> are all input data it
/// needs, directly or through required decisions; <see cref="RequiredDecisions"/> its direct required decisions' ids.
/// </summary>
public sealed record DmnDecisionInfo(
    string Id, string Name, string Kind, IReadOnlyList<DmnInputInfo> RequiredInputs, IReadOnlyList<string> RequiredDecisions)
{
    /// <summary>The declared output type (typeRef), or null.</summary>
    public string? TypeRef { get; init; }
}

/// <summary>An input data element (or a parameter): its name as FEEL sees it and its declared type (null: Any).</summary>
public sealed record DmnInputInfo(string Name, string? TypeRef)
{
    public string? Id { get; init; }
}

/// <summary>A model this one imports: its FEEL prefix (<c>name.decision</c>) and namespace.</summary>
public sealed record DmnImportInfo(string Name, string Namespace, string? LocationUri);

/// <summary>What <see cref="DmnReader.Read"/> found: the model (null when an error problem exists) and every problem.</summary>
public sealed record DmnReadResult(DmnModel? Model, IReadOnlyList<ValidationProblem> Problems);
