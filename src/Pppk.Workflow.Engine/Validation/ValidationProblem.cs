using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Validation;

public enum Severity { Error, Warning }

/// <summary>
/// One problem found in a definition, naming the element and what to do about it. <see cref="Text"/> carries a stable
/// code (<see cref="ValidationTexts"/>) and renders in English (<see cref="Message"/>) or Indonesian.
/// </summary>
public sealed record ValidationProblem(string? ElementId, Severity Severity, LocalizedText Text)
{
    public string Code => Text.Code;

    public string Message => Text.ToString();

    public static ValidationProblem Error(string? elementId, LocalizedText text) => new(elementId, Severity.Error, text);
    public static ValidationProblem Warning(string? elementId, LocalizedText text) => new(elementId, Severity.Warning, text);

    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {ElementId ?? "(file)"}: {Message}";
}
