using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Modification;

/// <summary>One reason a modification is refused: its code, the element it is about (none for the instance as a whole) and its text in both languages.</summary>
public sealed record ModificationProblem(string Code, string? ElementId, LocalizedText Message)
{
    public static ModificationProblem Of(LocalizedText message, string? elementId = null) => new(message.Code, elementId, message);
}
