using System.Text.RegularExpressions;
using Pppk.Workflow.Engine.Expressions;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Runtime.Definitions;

namespace Pppk.Workflow.Runtime.Calendar;

/// <summary>
/// Deploy-time: a working-day call whose arguments are constants (<c>add working days(date("2027-12-20"), 10)</c>) is
/// evaluated against the running calendar, so one that would reach a year without holiday data is a deploy error, not
/// a later incident. Calls over variables are checked when they run.
/// </summary>
internal sealed partial class WorkingDayCalendarCheck(FeelEnvironment feel) : IDefinitionCheck
{
    public IEnumerable<(string ElementId, LocalizedText Message)> Check(BpmnDefinitions definitions)
    {
        foreach (var process in definitions.ExecutableProcesses)
            foreach (var node in process.AllNodes.Values)
                foreach (var (_, raw) in ExpressionSites.Of(node, definitions))
                    if (raw is not null && raw.TrimStart().StartsWith('='))
                        foreach (Match call in ConstantCall().Matches(raw))
                            if (Problem(call.Value) is { } problem)
                                yield return (node.Id, problem);
    }

    private LocalizedText? Problem(string call)
    {
        try
        {
            FeelExpression.Parse(call, feel.Limits).Evaluate(FeelScope.Empty, feel);
            return null;
        }
        catch (FeelLimitException e) when (e.Code == FeelTexts.CalendarYearMissing.Code)
        {
            return e.Text;
        }
        catch (Exception e) when (e is FeelSyntaxException or FeelLimitException)
        {
            return null;
        }
    }

    // add working days / working days between / is working day with date("...") or number literals only.
    [GeneratedRegex("""(add working days|working days between|is working day)\s*\(\s*date\(\s*"\d{4}-\d{2}-\d{2}"\s*\)\s*(,\s*(date\(\s*"\d{4}-\d{2}-\d{2}"\s*\)|-?\d+)\s*)?(,\s*"[a-z0-9-]*"\s*)?\)""")]
    private static partial Regex ConstantCall();
}
