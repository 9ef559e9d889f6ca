using System.Text.Json.Nodes;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Runtime.Operations;

/// <summary>
/// Which instances an operation works on: every field given narrows it (definitionKey is required). The fields after
/// instanceIds are the instances and incidents screens' filters, so an operation "from the current filter" works on what the screen counted.
/// </summary>
public sealed record OperationFilter(string? DefinitionKey, int? Version = null, string? Status = null, IReadOnlyList<string>? BusinessKeys = null,
    IReadOnlyList<Guid>? InstanceIds = null, string? UnitCode = null, bool? HasIncident = null, DateTimeOffset? StartedFrom = null,
    DateTimeOffset? StartedTo = null, string? Search = null, string? IncidentElementId = null, string? IncidentCode = null,
    DateTimeOffset? IncidentBefore = null)
{
    /// <summary>The screens' filters as SQL conditions (the version is the operation's own).</summary>
    internal CaseConditions Conditions => new()
    {
        UnitCode = UnitCode, HasIncident = HasIncident, StartedFrom = StartedFrom, StartedTo = StartedTo, Search = Search,
        IncidentElementId = IncidentElementId, IncidentCode = IncidentCode, IncidentBefore = IncidentBefore,
    };
}

/// <summary>One element mapping of a migrate operation's plan.</summary>
public sealed record OperationMapping(string SourceElementId, string TargetElementId);

/// <summary>
/// <c>POST /api/operations</c>'s body: the type, the filter (or, for start, the definition and items) and the type's own
/// fields. Stored with the operation (without the start items, which become its item rows).
/// </summary>
public sealed record OperationRequest(string? Type, OperationFilter? Filter = null, string? Reason = null, JsonObject? Variables = null,
    int? TargetVersion = null, IReadOnlyList<OperationMapping>? Mappings = null, string? DefinitionKey = null,
    IReadOnlyList<InstanceService.BatchItem>? Items = null, string? Description = null);

/// <summary>The operation types and the instance states a filter may name.</summary>
public static class OperationTypes
{
    public const string Migrate = "migrate";
    public const string Cancel = "cancel";
    public const string RetryIncidents = "retry-incidents";
    public const string SetVariables = "set-variables";
    public const string Start = "start";

    public static readonly string[] All = [Migrate, Cancel, RetryIncidents, SetVariables, Start];

    public static readonly string[] Statuses = ["active", "completed", "terminated", "cancelled"];
}
