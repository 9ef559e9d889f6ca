using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>
/// An evaluation exceeded one of its <see cref="FeelLimits"/> (iterations, list or string size, nesting, time). Unlike a
/// type error it is never a FEEL null: callers report it (a 400 from the try-out, an incident at the element).
/// </summary>
public sealed class FeelLimitException(LocalizedText text) : Exception(text.ToString())
{
    /// <summary>The reason with its code (<c>feel-limit-*</c>), in English and Indonesian.</summary>
    public LocalizedText Text { get; } = text;

    public string Code => Text.Code;
}
