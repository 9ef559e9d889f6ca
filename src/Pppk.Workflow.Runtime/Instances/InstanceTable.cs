using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Npgsql;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Steps;
using Pppk.Workflow.Runtime.UserTasks;
using static Pppk.Workflow.Runtime.Steps.StepBatch;

namespace Pppk.Workflow.Runtime.Instances;

/// <summary>A process instance: its engine state as JSON plus the columns the API filters on.</summary>
public sealed class InstanceRecord
{
    public Guid Id { get; set; }
    public long DefinitionId { get; set; }
    public required string DefinitionKey { get; set; }
    public int Version { get; set; }
    public string? BusinessKey { get; set; }

    /// <summary>active, completed, terminated or cancelled.</summary>
    public required string Status { get; set; }
    public bool HasIncident { get; set; }

    /// <summary>The engine's <c>InstanceState</c> JSON (jsonb); null once pruned after the retention period.</summary>
    public string? State { get; set; }
    public Guid? ParentInstanceId { get; set; }
    public long? ParentWaitId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The unit (OPD code) the case belongs to, by its process's <c>caseUnit</c> rule; who may see it follows from this.</summary>
    public string? UnitCode { get; set; }

    /// <summary>The NIK of the person the case is about, by its process's <c>caseSubject</c> rule: their "Status saya" lists it.</summary>
    public string? Subject { get; set; }

    /// <summary>How people read the case, by its process's <c>caseTitle</c> rule ("Perpanjangan kontrak — Ikhsan Ramadhan").</summary>
    public string? Title { get; set; }

    /// <summary>What finds the case in the inbox's search: its title, subject and <c>caseSearch</c> keys, lower case (trigram-indexed).</summary>
    public string? Search { get; set; }
}

/// <summary>
/// The instance as docs/api.md shows it, plus the case's unit and subject (its process's <c>caseUnit</c>/<c>caseSubject</c>);
/// a start's answer adds <see cref="Tasks"/>, the user tasks its first step opened.
/// </summary>
public sealed record InstanceView(Guid Id, string DefinitionKey, int Version, string? BusinessKey, string Status, bool Incident,
    JsonObject Variables, IReadOnlyList<string> ActiveElementIds, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, Guid? ParentInstanceId,
    string? UnitCode, string? Subject,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<OpenedTask>? Tasks = null)
{
    /// <summary>The case's title (its process's <c>caseTitle</c>); null before its first step with one.</summary>
    public string? Title { get; init; }

    /// <summary>A start's answer: the instance as its committed first step left it, and the tasks that step opened.</summary>
    public static InstanceView Of(StartedInstance s) =>
        From(s.Id, s.DefinitionKey, s.Version, s.BusinessKey, s.Status, s.State.HasIncident, s.State, s.StartedAt, s.EndedAt, s.ParentInstanceId,
            s.State.CaseUnit, s.State.CaseSubject) with { Tasks = s.Tasks };

    internal static InstanceView From(Guid id, string definitionKey, int version, string? businessKey, string status, bool incident, InstanceState? state,
        DateTimeOffset startedAt, DateTimeOffset? endedAt, Guid? parentInstanceId, string? unitCode, string? subject) =>
        new(id, definitionKey, version, businessKey, status, incident, state?.Variables.DeepClone().AsObject() ?? [],
            state is null ? [] : state.ActiveElementIds.Distinct().ToList(), startedAt, endedAt, parentInstanceId, unitCode, subject);
}

/// <summary>What the instance list filters by (each only when given).</summary>
public sealed record InstanceFilter(string? DefinitionKey = null, string? Status = null, string? BusinessKey = null, string? UnitCode = null)
{
    /// <summary>The instances screen's further filters (version, incident, started between, search).</summary>
    public CaseConditions? Conditions { get; init; }

    /// <summary>Whether the filter names few cases of its own (a business key, a search), which a list reads first.</summary>
    internal bool NamesFewCases => BusinessKey is not null || CaseSearch.Given(Conditions?.Search);
}

/// <summary>
/// The owner of <c>pppk.instances</c>: the step's lock and load, its writes (inserted or updated at flush), and the
/// screens' reads (one instance, the list, who sees a case).
/// </summary>
public static class InstanceTable
{
    /// <summary>For the daily housekeeping: drops the state of instances that ended more than <paramref name="retention"/> ago.</summary>
    internal static NpgsqlBatchCommand PruneState(TimeSpan retention)
    {
        var prune = new NpgsqlBatchCommand("UPDATE pppk.instances SET state = NULL WHERE ended_at < now() - @retention AND state IS NOT NULL");
        prune.Parameters.AddWithValue("retention", retention);
        return prune;
    }

    internal sealed record Row(Guid Id, long DefinitionId, string DefinitionKey, int Version, string? BusinessKey, string Status,
        bool HasIncident, string State, Guid? ParentInstanceId, long? ParentWaitId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, bool IsNew,
        string? UnitCode, string? Subject, string? Title, string? Search)
    {
        public static Row Of(LoadedInstance i) => new(i.Id, i.DefinitionId, i.DefinitionKey, i.Version, i.BusinessKey, i.Status,
            i.State.HasIncident, i.State.ToJson(), i.ParentInstanceId, i.ParentWaitId, i.StartedAt, i.EndedAt, i.IsNew, i.State.CaseUnit, i.State.CaseSubject,
            i.State.CaseTitle, CaseSearch.Text(i.State));
    }

    /// <summary>The instances a transaction changed: new ones inserted, the others updated.</summary>
    internal sealed class Writer
    {
        private readonly List<Row> _rows = [];

        public void Changed(Row row) => _rows.Add(row);

        private readonly List<(Guid Id, long DefinitionId, int Version)> _migrated = [];

        /// <summary>A migrated instance now runs on another version of its process.</summary>
        public void Migrated(Guid id, long definitionId, int version) => _migrated.Add((id, definitionId, version));

        public void AddTo(NpgsqlBatch batch)
        {
            var inserts = _rows.Where(i => i.IsNew).ToList();
            if (inserts.Count > 0)
                Add(batch, """
                    INSERT INTO pppk.instances (id, definition_id, definition_key, version, business_key, status, has_incident, state, parent_instance_id, parent_wait_id, started_at, ended_at, unit_code, subject, title, search)
                    SELECT * FROM unnest(@id, @def, @key, @ver, @bk, @st, @inc, @state::jsonb[], @pid, @pwait, @started, @ended, @unit, @subject, @title, @search)
                    """,
                    P("id", inserts.Select(i => i.Id)), P("def", inserts.Select(i => i.DefinitionId)), P("key", inserts.Select(i => i.DefinitionKey)),
                    P("ver", inserts.Select(i => i.Version)), P("bk", inserts.Select(i => i.BusinessKey)), P("st", inserts.Select(i => i.Status)),
                    P("inc", inserts.Select(i => i.HasIncident)), P("state", inserts.Select(i => i.State)), P("pid", inserts.Select(i => i.ParentInstanceId)),
                    P("pwait", inserts.Select(i => i.ParentWaitId)), P("started", inserts.Select(i => i.StartedAt)), P("ended", inserts.Select(i => i.EndedAt)),
                    P("unit", inserts.Select(i => i.UnitCode)), P("subject", inserts.Select(i => i.Subject)),
                    P("title", inserts.Select(i => i.Title)), P("search", inserts.Select(i => i.Search)));
            var updates = _rows.Where(i => !i.IsNew).ToList();
            if (updates.Count > 0)
                Add(batch, """
                    UPDATE pppk.instances i SET status = u.st, has_incident = u.inc, state = u.state, ended_at = u.ended, unit_code = u.unit, subject = u.subject,
                        title = u.title, search = u.search
                    FROM unnest(@id, @st, @inc, @state::jsonb[], @ended, @unit, @subject, @title, @search) AS u(id, st, inc, state, ended, unit, subject, title, search) WHERE i.id = u.id
                    """,
                    P("id", updates.Select(i => i.Id)), P("st", updates.Select(i => i.Status)), P("inc", updates.Select(i => i.HasIncident)),
                    P("state", updates.Select(i => i.State)), P("ended", updates.Select(i => i.EndedAt)),
                    P("unit", updates.Select(i => i.UnitCode)), P("subject", updates.Select(i => i.Subject)),
                    P("title", updates.Select(i => i.Title)), P("search", updates.Select(i => i.Search)));
            if (_migrated.Count > 0)
                Add(batch, "UPDATE pppk.instances i SET definition_id = u.def, version = u.ver FROM unnest(@id, @def, @ver) AS u(id, def, ver) WHERE i.id = u.id",
                    P("id", _migrated.Select(m => m.Id)), P("def", _migrated.Select(m => m.DefinitionId)), P("ver", _migrated.Select(m => m.Version)));
        }
    }

    /// <summary>The columns <see cref="ReadLoaded"/> reads, for queries that lock an instance together with another row (alias <c>i</c>).</summary>
    internal const string LoadColumns = "i.id, i.definition_id, i.definition_key, i.version, i.business_key, i.parent_instance_id, i.parent_wait_id, i.started_at, i.state::text";

    /// <summary>An instance from <see cref="LoadColumns"/> starting at column <paramref name="at"/>.</summary>
    internal static LoadedInstance ReadLoaded(NpgsqlDataReader reader, int at) => new()
    {
        Id = reader.GetGuid(at),
        DefinitionId = reader.GetInt64(at + 1),
        DefinitionKey = reader.GetString(at + 2),
        Version = reader.GetInt32(at + 3),
        BusinessKey = reader.IsDBNull(at + 4) ? null : reader.GetString(at + 4),
        ParentInstanceId = reader.IsDBNull(at + 5) ? null : reader.GetGuid(at + 5),
        ParentWaitId = reader.IsDBNull(at + 6) ? null : reader.GetInt64(at + 6),
        StartedAt = reader.GetFieldValue<DateTimeOffset>(at + 7),
        State = InstanceState.FromJson(reader.GetString(at + 8)),
    };

    /// <summary>Locks and reads the active instances <paramref name="ids"/> (in id order, so concurrent batches don't deadlock).</summary>
    internal static async Task<List<LoadedInstance>> LockAsync(StepTransaction tx, Guid[] ids, CancellationToken ct)
    {
        await using var cmd = tx.Command($"SELECT {LoadColumns} FROM pppk.instances i WHERE i.id = ANY(@ids) AND i.state IS NOT NULL ORDER BY i.id FOR UPDATE");
        cmd.Parameters.AddWithValue("ids", ids);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var found = new List<LoadedInstance>();
        while (await reader.ReadAsync(ct)) found.Add(ReadLoaded(reader, 0));
        return found;
    }

    /// <summary>Which of <paramref name="businessKeys"/> have an active instance of <paramref name="definitionKey"/> (a batch start with unique keys skips them).</summary>
    internal static async Task<List<string>> ActiveBusinessKeysAsync(StepTransaction tx, string definitionKey, string[] businessKeys, CancellationToken ct)
    {
        await using var cmd = tx.Command(ActiveBusinessKeysSql);
        return await ActiveBusinessKeysAsync(cmd, definitionKey, businessKeys, ct);
    }

    /// <summary>The same outside a step, read now (a preview of a start of many).</summary>
    internal static async Task<List<string>> ActiveBusinessKeysAsync(NpgsqlDataSource db, string definitionKey, string[] businessKeys, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(ActiveBusinessKeysSql);
        return await ActiveBusinessKeysAsync(cmd, definitionKey, businessKeys, ct);
    }

    private const string ActiveBusinessKeysSql = "SELECT business_key FROM pppk.instances WHERE definition_key = @key AND status = 'active' AND business_key = ANY(@keys)";

    private static async Task<List<string>> ActiveBusinessKeysAsync(NpgsqlCommand cmd, string definitionKey, string[] businessKeys, CancellationToken ct)
    {
        cmd.Parameters.AddWithValue("key", definitionKey);
        cmd.Parameters.AddWithValue("keys", businessKeys);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var taken = new List<string>();
        while (await reader.ReadAsync(ct)) taken.Add(reader.GetString(0));
        return taken;
    }

    /// <summary>The active instance a call activity (<paramref name="parentId"/>, <paramref name="waitId"/>) started; null if none.</summary>
    internal static async Task<Guid?> ActiveChildAsync(StepTransaction tx, Guid parentId, long waitId, CancellationToken ct)
    {
        await using var cmd = tx.Command("SELECT id FROM pppk.instances WHERE parent_instance_id = @p AND parent_wait_id = @w AND status = 'active'");
        cmd.Parameters.AddWithValue("p", parentId);
        cmd.Parameters.AddWithValue("w", waitId);
        return await cmd.ExecuteScalarAsync(ct) as Guid?;
    }

    /// <summary>The columns <see cref="ReadView"/> reads (alias <c>i</c>).</summary>
    internal const string ViewColumns = "i.id, i.definition_key, i.version, i.business_key, i.status, i.has_incident, i.state::text, i.started_at, i.ended_at, i.parent_instance_id, i.unit_code, i.subject, i.title";

    internal static InstanceView ReadView(NpgsqlDataReader r) =>
        InstanceView.From(r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetBoolean(5),
            !r.IsDBNull(6) ? InstanceState.FromJson(r.GetString(6)) : null,
            r.GetFieldValue<DateTimeOffset>(7), r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8), r.IsDBNull(9) ? null : r.GetGuid(9),
            r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetString(11)) with { Title = r.IsDBNull(12) ? null : r.GetString(12) };

    /// <summary>One instance as the API shows it; null if there is none.</summary>
    public static async Task<InstanceView?> GetAsync(NpgsqlDataSource db, Guid id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"SELECT {ViewColumns} FROM pppk.instances i WHERE i.id = @id");
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? ReadView(r) : null;
    }

    /// <summary>A page of the instances <paramref name="actor"/> sees (<see cref="Visibility.Case"/>), newest first, and how many there are.</summary>
    public static async Task<(List<InstanceView> Items, int Total)> ListAsync(NpgsqlDataSource db, InstanceFilter filter, Actor actor, GroupScopes scopes, DateTimeOffset now,
        int skip, int take, CancellationToken ct)
    {
        var (items, total, _) = await PageAsync(db, filter, actor, scopes, now, null, skip, take, int.MaxValue - 1, ct);
        return (items, total);
    }

    /// <summary>The keys of the list's order, newest first: <see cref="PageAsync"/> reads after a cursor of these values.</summary>
    public static object?[] KeyOf(InstanceView i) => [i.StartedAt, i.Id];

    /// <summary>
    /// The same page with its total counted up to <paramref name="countCap"/> (then capped: counting a whole large list costs
    /// more than the page), from <paramref name="after"/> (the <see cref="KeyOf"/> of the last row read: a keyset page, as
    /// cheap at any depth) or else from <paramref name="skip"/>.
    /// </summary>
    public static async Task<(List<InstanceView> Items, int Total, bool Capped)> PageAsync(NpgsqlDataSource db, InstanceFilter filter, Actor actor, GroupScopes scopes,
        DateTimeOffset now, object?[]? after, int skip, int take, int countCap, CancellationToken ct)
    {
        var where = new SqlFilter()
            .When(filter.DefinitionKey, "i.definition_key = @key", "key")
            .When(filter.Status, "i.status = @status", "status")
            .When(filter.BusinessKey, "i.business_key = @bk", "bk")
            .When(filter.UnitCode?.Trim(), "i.unit_code = @unit", "unit");
        filter.Conditions?.AddTo(where);
        var visible = await Visibility.CaseBranchesAsync(db, actor, scopes, now, ct);
        if (visible is not null) where.Bound(visible.Parameters);
        var page = new SqlFilter().After(after, descending: true, "i.started_at", "i.id");
        const string order = "i.started_at DESC, i.id DESC";
        var exact = countCap >= int.MaxValue - 1;
        // Anyone but an administrator: each branch of the rule reads its first skip + take rows after the cursor, the union
        // merges them, and says how many rows it has (n). A deep offset page reads one past the cap instead: then the union
        // tells the capped total as well, where a separate count walked a large group's tasks a second time.
        var deep = after is null && !exact && (long)skip + take >= countCap / 2;
        var reach = deep ? Math.Max((long)skip + take, countCap + 1L) : (long)skip + take;
        var rows = visible is null ? $"SELECT {ViewColumns} FROM pppk.instances i WHERE {where.Where} AND {page.Where} ORDER BY {order} LIMIT @take OFFSET @skip"
            : $"""
              SELECT {ViewColumns}, p.n FROM (SELECT v.id, v.started_at, count(*) OVER () AS n
                  FROM ({visible.Union("pppk.instances i", "i.id, i.started_at", $"{where.Where} AND {page.Where}", order, "@reach", filter.NamesFewCases)}) v
                  ORDER BY v.started_at DESC, v.id DESC LIMIT @take OFFSET @skip) p JOIN pppk.instances i ON i.id = p.id
              ORDER BY {order}
              """;
        await using var cmd = page.Bind(where.Bind(db.CreateCommand(rows)));
        cmd.Parameters.AddWithValue("take", take);
        cmd.Parameters.AddWithValue("skip", skip);
        cmd.Parameters.AddWithValue("reach", reach);
        var items = new List<InstanceView>();
        long? inUnion = null;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                items.Add(ReadView(r));
                if (visible is not null) inUnion = r.GetInt64(13);
            }
        // From the first row, no cursor: fewer rows than the reach means no branch was cut (the union is the whole list);
        // at one past the cap, more than the cap.
        if (after is null && inUnion is { } n && (n < reach || deep))
            return n > countCap ? (items, countCap, true) : (items, (int)n, false);
        // Capped: no branch needs more than cap + 1 rows to tell whether the union has more than cap.
        var counted = visible is null ? $"SELECT 1 FROM pppk.instances i WHERE {where.Where}"
            : $"SELECT 1 FROM ({visible.Union("pppk.instances i", "i.id", where.Where, null, exact ? null : (countCap + 1L).ToString(System.Globalization.CultureInfo.InvariantCulture), filter.NamesFewCases)}) v";
        if (exact)
        {
            await using var count = where.Bind(db.CreateCommand($"SELECT count(*) FROM ({counted}) c"));
            return (items, (int)(long)(await count.ExecuteScalarAsync(ct))!, false);
        }
        var (total, capped) = await ListTotal.CountAsync(db, counted, where, ct, countCap);
        return (items, total, capped);
    }

    /// <summary>Whether <paramref name="actor"/> sees the case <paramref name="instanceId"/> (false also when there is none).</summary>
    public static async Task<bool> SeesCaseAsync(NpgsqlDataSource db, Guid instanceId, Actor actor, GroupScopes scopes, DateTimeOffset now, CancellationToken ct)
    {
        var filter = new SqlFilter().Restrict(Visibility.Case, actor, scopes, now);
        await using var cmd = filter.Bind(db.CreateCommand($"SELECT 1 FROM pppk.instances i WHERE i.id = @id AND {filter.Where}"));
        cmd.Parameters.AddWithValue("id", instanceId);
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>The status of the latest instance of <paramref name="definitionKey"/> for each of <paramref name="businessKeys"/> that has one.</summary>
    public static async Task<Dictionary<string, string>> LatestStatusesAsync(NpgsqlDataSource db, string definitionKey, string[] businessKeys, CancellationToken ct)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (businessKeys.Length == 0) return found;
        await using var cmd = db.CreateCommand("""
            SELECT DISTINCT ON (business_key) business_key, status FROM pppk.instances
            WHERE definition_key = @key AND business_key = ANY(@keys) ORDER BY business_key, started_at DESC
            """);
        cmd.Parameters.AddWithValue("key", definitionKey);
        cmd.Parameters.AddWithValue("keys", businessKeys);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found[reader.GetString(0)] = reader.GetString(1);
        return found;
    }
}
