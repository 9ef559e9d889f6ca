using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Host.Operate;

/// <summary>The instances screen's filters of <c>GET /api/instances</c> (beyond workflow, status, business key and unit), checked.</summary>
internal static class InstanceQuery
{
    /// <summary>Above this many instances the total is reported as capped, as the inbox does.</summary>
    public const int TotalCap = ListTotal.Cap;

    /// <summary>The conditions the values give, or the 400 naming the first wrong one.</summary>
    public static LocalizedProblem? Conditions(string? definitionKey, string? version, string? hasIncident, string? startedFrom, string? startedTo,
        string? search, out CaseConditions conditions)
    {
        conditions = new CaseConditions();
        if (!OperateQuery.TryNumber("version", version, 1, 1_000_000, out var v, out var problem)) return problem;
        // A version is one workflow's (the screen offers versions once a workflow is chosen); across workflows it names
        // nothing a person asks for, and no index orders cases by it alone.
        if (v is not null && string.IsNullOrWhiteSpace(definitionKey)) return LocalizedProblem.BadRequest(OperateTexts.VersionWithoutWorkflow.Format(), "version");
        bool? incident = hasIncident switch { null or "" => null, "true" => true, "false" => false, _ => null };
        if (incident is null && !string.IsNullOrEmpty(hasIncident))
            return LocalizedProblem.BadRequest(OperateTexts.BooleanInvalid.Format("hasIncident", hasIncident), "hasIncident");
        if (!OperateQuery.TryDate("startedFrom", startedFrom, false, out var from, out problem)) return problem;
        if (!OperateQuery.TryDate("startedTo", startedTo, true, out var to, out problem)) return problem;
        if (from >= to) return LocalizedProblem.BadRequest(OperateTexts.StartedRange.Format(), "startedFrom");
        conditions = new CaseConditions { Version = v, HasIncident = incident, StartedFrom = from, StartedTo = to, Search = search };
        return null;
    }
}
