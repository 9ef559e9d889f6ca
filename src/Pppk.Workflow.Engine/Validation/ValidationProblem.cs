namespace Pppk.Workflow.Engine.Validation;

public enum Severity { Error, Warning }

/// <summary>One problem found in a definition, naming the element and what to do about it.</summary>
public sealed record ValidationProblem(string? ElementId, Severity Severity, string Message)
{
    public static ValidationProblem Error(string? elementId, string message) => new(elementId, Severity.Error, message);
    public static ValidationProblem Warning(string? elementId, string message) => new(elementId, Severity.Warning, message);

    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {ElementId ?? "(file)"}: {Message}";
}
