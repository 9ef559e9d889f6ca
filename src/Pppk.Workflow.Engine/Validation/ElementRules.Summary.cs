using T = Pppk.Workflow.Engine.Validation.ValidationTexts;

namespace Pppk.Workflow.Engine.Validation;

/// <summary>The case summary declaration (<c>summary.&lt;n&gt;</c>): each line readable, its format known and its expression valid FEEL.</summary>
internal sealed partial class ElementRules
{
    private void CheckSummary()
    {
        foreach (var invalid in process.InvalidSummary)
            Error(process.Id, invalid.UnknownFormat is { } format
                ? T.SummaryFormatUnknown.Format(invalid.Name, format, string.Join(", ", Model.SummaryEntry.FormatNames))
                : T.SummaryInvalid.Format(invalid.Name, invalid.Value));
        foreach (var entry in process.Summary)
            if (cache.TryCompile(entry.Expression) is { } problem)
                Error(process.Id, T.SummaryFeel.Format(entry.Name, entry.Label, problem));
    }
}
