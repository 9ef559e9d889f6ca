using Pppk.Workflow.Runtime.Database;

namespace Pppk.Workflow.Runtime.Instances;

/// <summary>
/// The narrowing the instances screen, the incidents screen and a batch operation's filter share (over the instances table
/// as <c>i</c>), so "147 kasus" on a screen is what an operation from that filter works on. Each field only when given.
/// </summary>
public sealed record CaseConditions
{
    public int? Version { get; init; }
    public string? UnitCode { get; init; }
    public bool? HasIncident { get; init; }

    /// <summary>Started at or after.</summary>
    public DateTimeOffset? StartedFrom { get; init; }

    /// <summary>Started before (exclusive).</summary>
    public DateTimeOffset? StartedTo { get; init; }

    /// <summary>A business key (exactly, any case) or part of the case's title, subject or search keys.</summary>
    public string? Search { get; init; }

    /// <summary>Only cases with an open incident at this element, of this code, or raised before this moment.</summary>
    public string? IncidentElementId { get; init; }
    public string? IncidentCode { get; init; }
    public DateTimeOffset? IncidentBefore { get; init; }

    /// <summary>The longest search text.</summary>
    public const int SearchMax = 100;

    internal bool NarrowsIncidents => IncidentElementId is not null || IncidentCode is not null || IncidentBefore is not null;

    /// <summary>Adds the given conditions to <paramref name="filter"/>.</summary>
    public SqlFilter AddTo(SqlFilter filter)
    {
        filter.When(Version, "i.version = @c_version", "c_version")
            .When(UnitCode?.Trim(), "i.unit_code = @c_unit", "c_unit")
            .When(HasIncident, "i.has_incident = @c_inc", "c_inc")
            .When(StartedFrom, "i.started_at >= @c_from", "c_from")
            .When(StartedTo, "i.started_at < @c_to", "c_to");
        if (CaseSearch.Condition(Search, "c_search") is { } search)
            filter.Add($"{search.Sql} OR lower(i.business_key) = @c_bk", search.Parameter, ("c_bk", Search!.Trim().ToLowerInvariant()));
        if (NarrowsIncidents)
        {
            var open = new List<string> { "x.instance_id = i.id", "x.resolved_at IS NULL" };
            var values = new List<(string, object)>();
            void Also(object? value, string condition, string name)
            {
                if (value is null) return;
                open.Add(condition);
                values.Add((name, value));
            }
            Also(IncidentElementId, "x.element_id = @c_iel", "c_iel");
            Also(IncidentCode, "x.code = @c_icode", "c_icode");
            Also(IncidentBefore, "x.created_at < @c_ibefore", "c_ibefore");
            filter.Add($"EXISTS (SELECT 1 FROM pppk.incidents x WHERE {string.Join(" AND ", open)})", [.. values]);
        }
        return filter;
    }
}
