using Npgsql;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Runtime.Incidents;

/// <summary>What the incidents screen filters by (each only when given); <see cref="CreatedBefore"/> is the age filter.</summary>
public sealed record IncidentFilter(string? DefinitionKey = null, string? ElementId = null, string? Code = null, string? UnitCode = null,
    DateTimeOffset? CreatedBefore = null, string? Search = null, Guid? InstanceId = null);

/// <summary>
/// An open incident with its case as the incidents screen shows it: the message in the language asked for, and the
/// English one as technical detail.
/// </summary>
public sealed record IncidentRow(long Id, Guid InstanceId, string DefinitionKey, int Version, string? CaseTitle, string? BusinessKey, string? UnitCode,
    string ElementId, string? Code, string Message, string TechnicalMessage, DateTimeOffset CreatedAt);

/// <summary>How many open incidents share a workflow version, element, code and unit (the screen's filter choices).</summary>
public sealed record IncidentFacet(string DefinitionKey, int Version, string ElementId, string? Code, string? UnitCode, string SampleMessage, int Count);

/// <summary>
/// The incidents screen's read model over <c>pppk.incidents</c> and their instances: only the cases the caller sees
/// (<see cref="Visibility.Case"/>), oldest first, the total counted up to <see cref="TotalCap"/>.
/// </summary>
public static class IncidentList
{
    public const int TotalCap = ListTotal.Cap;

    /// <summary>Most facet rows read (distinct version, element, code and unit).</summary>
    private const int FacetMax = 1_000;

    private const string From = "FROM pppk.incidents x JOIN pppk.instances i ON i.id = x.instance_id";

    private static string Columns(bool indonesian) =>
        "x.id, x.instance_id, i.definition_key, i.version, i.title, i.business_key, i.unit_code, x.element_id, x.code, "
        + (indonesian ? "coalesce(x.message_indonesian, x.message)" : "x.message") + ", x.message, x.created_at";

    /// <summary>The keys of the list's order, oldest first: <see cref="PageAsync"/> reads after a cursor of these values.</summary>
    public static object?[] KeyOf(IncidentRow x) => [x.CreatedAt, x.Id];

    /// <summary>A page of the open incidents the caller sees, oldest first: after <paramref name="after"/> (keyset), else from <paramref name="skip"/>.</summary>
    public static async Task<(List<IncidentRow> Items, int Total, bool Capped)> PageAsync(NpgsqlDataSource db, IncidentFilter filter, Actor actor, GroupScopes scopes,
        DateTimeOffset now, bool indonesian, object?[]? after, int skip, int take, CancellationToken ct)
    {
        var (where, branches) = await VisibleAsync(db, filter, actor, scopes, now, ct);
        var page = new SqlFilter().After(after, descending: false, "x.created_at", "x.id");
        // Each branch reads its first skip + take incidents in the list's order, the union picks the page, and only the
        // page's rows are joined to their cases: an offset of 9,950 joined as many cases (109 ms for an administrator at
        // 20,000 open incidents, docs/scale.md).
        var chosen = Union(branches, "x.id, x.created_at", $"{where.Where} AND {page.Where}", " ORDER BY x.created_at, x.id LIMIT @reach");
        await using var cmd = page.Bind(where.Bind(db.CreateCommand($"""
            SELECT {Columns(indonesian)} {From} WHERE x.id IN (SELECT v.id FROM ({chosen}) v ORDER BY v.created_at, v.id LIMIT @take OFFSET @skip)
            ORDER BY x.created_at, x.id
            """)));
        cmd.Parameters.AddWithValue("take", take);
        cmd.Parameters.AddWithValue("skip", skip);
        cmd.Parameters.AddWithValue("reach", (long)skip + take);
        var items = await ReadAsync(cmd, ct);
        // No branch needs more than cap + 1 rows to tell whether the union has more than the cap.
        var counted = Union(branches, "x.id", where.Where, $" LIMIT {TotalCap + 1}");
        var (total, capped) = await ListTotal.CountAsync(db, $"SELECT 1 FROM ({counted}) v", where, ct, TotalCap);
        return (items, total, capped);
    }

    /// <summary>The open or resolved incident <paramref name="id"/> if the caller sees its case; null otherwise.</summary>
    public static async Task<IncidentRow?> GetAsync(NpgsqlDataSource db, long id, Actor actor, GroupScopes scopes, DateTimeOffset now, bool indonesian, CancellationToken ct)
    {
        var where = new SqlFilter().Add("x.id = @id", ("id", id)).Restrict(Visibility.Case, actor, scopes, now);
        await using var cmd = where.Bind(db.CreateCommand($"SELECT {Columns(indonesian)} {From} WHERE {where.Where}"));
        return (await ReadAsync(cmd, ct)).FirstOrDefault();
    }

    /// <summary>The open incidents the caller sees, grouped by workflow version, element, code and unit, with one message of each group.</summary>
    public static async Task<List<IncidentFacet>> FacetsAsync(NpgsqlDataSource db, Actor actor, GroupScopes scopes, DateTimeOffset now, bool indonesian, CancellationToken ct)
    {
        var (where, branches) = await VisibleAsync(db, new IncidentFilter(), actor, scopes, now, ct);
        var message = indonesian ? "coalesce(x.message_indonesian, x.message)" : "x.message";
        await using var cmd = where.Bind(db.CreateCommand($"""
            SELECT i.definition_key, i.version, x.element_id, x.code, i.unit_code, min({message}), count(*) {From}
            WHERE x.id IN (SELECT v.id FROM ({Union(branches, "x.id", where.Where, "")}) v)
            GROUP BY 1, 2, 3, 4, 5 ORDER BY 7 DESC LIMIT {FacetMax}
            """));
        var facets = new List<IncidentFacet>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            facets.Add(new(r.GetString(0), r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.GetString(5), (int)r.GetInt64(6)));
        return facets;
    }

    /// <summary>
    /// The filter's conditions and the caller's visibility as branches (<see cref="CaseBranches.OnRowsOfCases"/>): for a unit
    /// head the unit's branch reads the incidents' copy of their case's unit (<c>case_unit</c>, migration Issue21IncidentUnits)
    /// where one OR of the rule probed the case of every open incident (870 ms at 20,000 open incidents, none theirs); an
    /// administrator's one branch is every incident.
    /// </summary>
    private static async Task<(SqlFilter Where, string[] Branches)> VisibleAsync(NpgsqlDataSource db, IncidentFilter f, Actor actor, GroupScopes scopes,
        DateTimeOffset now, CancellationToken ct)
    {
        var where = new SqlFilter().Add("x.resolved_at IS NULL")
            .When(f.InstanceId, "x.instance_id = @inst", "inst")
            .When(f.DefinitionKey, "i.definition_key = @key", "key")
            .When(f.ElementId, "x.element_id = @el", "el")
            .When(f.Code, "x.code = @code", "code")
            .When(f.CreatedBefore, "x.created_at < @before", "before");
        new CaseConditions { UnitCode = f.UnitCode, Search = f.Search }.AddTo(where);
        if (await Visibility.CaseBranchesAsync(db, actor, scopes, now, ct) is not { } visible) return (where, ["TRUE"]);
        where.Bound(visible.Parameters);
        return (where, [.. visible.OnRowsOfCases("x.instance_id", "x.case_unit")]);
    }

    /// <summary>
    /// <c>(SELECT columns FROM incidents WHERE branch AND where tail) UNION …</c>, each branch joined to the cases only when
    /// it or <paramref name="where"/> reads them (a workflow, unit or search filter; the subject's branch): without, the
    /// incidents alone answer it (an administrator's capped count: 385 → 14 ms at 20,000 open, docs/scale.md).
    /// </summary>
    private static string Union(string[] branches, string columns, string where, string tail) => string.Join(" UNION ", branches.Select(b =>
        $"(SELECT {columns} {(CaseBranches.ReadsCase($"{b} {where}") ? From : "FROM pppk.incidents x")} WHERE ({b}) AND {where}{tail})"));

    private static async Task<List<IncidentRow>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var items = new List<IncidentRow>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            items.Add(new(r.GetInt64(0), r.GetGuid(1), r.GetString(2), r.GetInt32(3), r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8), r.GetString(9), r.GetString(10),
                r.GetFieldValue<DateTimeOffset>(11)));
        return items;
    }
}
