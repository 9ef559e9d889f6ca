using Pppk.Workflow.Engine.Localization;

namespace Pppk.Workflow.Engine.Feel;

/// <summary>A FEEL parse error with its position (1-based line and column); <see cref="ReasonText"/> renders it in the user's language.</summary>
public sealed class FeelSyntaxException(LocalizedText reason, int line, int column)
    : Exception(FeelTexts.ReasonAt.Format(reason, line, column).ToString())
{
    /// <summary>The reason with its position, as <see cref="Exception.Message"/> says it in English.</summary>
    public LocalizedText Text => FeelTexts.ReasonAt.Format(ReasonText, Line, Column);

    public string Reason => ReasonText.ToString();
    public LocalizedText ReasonText { get; } = reason;
    public int Line { get; } = line;
    public int Column { get; } = column;
}
