namespace Pppk.Workflow.Engine.Model;

/// <summary>Which version of a linked resource (a called process, a form, a decision) an element uses, as Camunda 8's <c>bindingType</c>.</summary>
public enum BindingType { Latest, Deployment, VersionTag }

/// <summary>A binding as written (<c>bindingType</c>, <c>versionTag</c>); <see cref="Type"/> is null for a type the engine does not know (a validation error).</summary>
public sealed record ResourceBinding(string? Written, string? VersionTag)
{
    public static readonly ResourceBinding Latest = new(null, null);

    public const string VersionTagName = "versionTag";

    public BindingType? Type => Written?.Trim() switch
    {
        null or "" or "latest" => BindingType.Latest,
        "deployment" => BindingType.Deployment,
        VersionTagName => BindingType.VersionTag,
        _ => null,
    };

    public bool IsLatest => Type == BindingType.Latest;

    public override string ToString() => Type == BindingType.VersionTag ? $"versionTag '{VersionTag}'" : Written?.Trim() is { Length: > 0 } w ? w : "latest";
}

/// <summary>The DMN decision a business rule task calls (<c>zeebe:calledDecision</c>); read and checked, not run yet.</summary>
public sealed record CalledDecision(string? DecisionId, string? ResultVariable, ResourceBinding Binding);
