using System.Text.RegularExpressions;
using Npgsql;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.People;

namespace Pppk.Workflow.Runtime.UserTasks;

/// <summary>
/// Who sees which task and which case (README, "Who sees what"), as SQL conditions: the lists filter by them and a
/// single record the caller may not see answers 404, as if it did not exist. The administrators (<see cref="GroupScopes"/>)
/// see everything. The query classes (<see cref="UserTaskTable"/>, <see cref="Instances.InstanceTable"/>) apply them for
/// the actor their caller names.
/// </summary>
internal static class Visibility
{
    /// <summary>
    /// A task (alias <c>t</c>, its instance <c>i</c>): its assignee, whoever completed it or was acted for; if unassigned,
    /// its candidate users and the members of its candidate groups (a unit-scoped group only in its case's unit); and
    /// the substitute in force of any of those (with that user's roles and unit).
    /// </summary>
    public const string Task = $"{Own} OR {Substitute}";

    /// <summary>
    /// <see cref="Task"/> without its substitute part: the same rows for a caller who stands in for no one now (the inbox
    /// checks that first; the substitute part is a subquery per row, which a list of 100,000 tasks cannot afford).
    /// </summary>
    public const string Own = $$"""
        t.assignee = @v_me OR t.completed_by = @v_me OR t.on_behalf_of = @v_me
        OR ({{Offered}})
        """;

    /// <summary>The part of <see cref="Task"/> by which a substitute in force sees the tasks of the user they stand in for (the inbox's "assigned=substitute").</summary>
    public const string Substitute = $$"""
        EXISTS (SELECT 1 FROM pppk.substitutions s JOIN {{Principals.View}} p ON p.user_name = s.user_name
                   WHERE s.substitute_user_name = @v_me AND s.valid_from <= @v_now AND s.valid_to > @v_now
                     AND (t.assignee = s.user_name OR (t.assignee IS NULL AND (s.user_name = ANY(t.candidate_users) OR t.candidate_groups && array(
                          SELECT g FROM unnest(p.groups) g WHERE g <> ALL(@v_scoped) OR p.unit_code = i.unit_code)))))
        """;

    /// <summary>The part of <see cref="Task"/> by which an unassigned task is offered to the caller in their own right (the inbox's "assigned=groups").</summary>
    public const string Offered = """
        t.assignee IS NULL AND (@v_me = ANY(t.candidate_users) OR t.candidate_groups && @v_org
            OR (t.candidate_groups && @v_scoped_mine AND i.unit_code = @v_unit))
        """;

    /// <summary>A case (alias <c>i</c>): a unit-wide group's member's unit's cases (a unit head's), the cases about the caller (subject), and any case in which they see a task.</summary>
    public const string Case = "(@v_unit_head AND i.unit_code = @v_unit) OR i.subject = @v_nik OR EXISTS (SELECT 1 FROM pppk.user_tasks t WHERE t.instance_id = i.id AND (" + Task + "))";

    /// <summary>
    /// <see cref="Case"/> for a list, split into its branches (<see cref="CaseBranches"/>); null for an administrator, who
    /// sees every case. A branch that cannot apply to <paramref name="actor"/> (not a unit head, no NIK, no groups, standing
    /// in for no one now) is left out.
    /// </summary>
    public static async Task<CaseBranches?> CaseBranchesAsync(NpgsqlDataSource db, Actor actor, GroupScopes scopes, DateTimeOffset now, CancellationToken ct)
    {
        if (scopes.IsAdministrator(actor)) return null;
        var parameters = Parameters(actor, scopes, now).ToList();
        var branches = new List<string>();
        var unitHead = actor.UnitCode is not null && actor.Roles.Where(scopes.IsUnitScoped).Any(scopes.UnitWide.Contains);
        if (unitHead) branches.Add("i.unit_code = @v_unit");
        if (actor.EmployeeNik is not null) branches.Add("i.subject = @v_nik");
        // The unassigned tasks offered to a person by name are few per person whatever the table's size: their cases are
        // read by id. The planner would rather walk every case in order, probing for a task, when it misjudges how few there
        // are (it did: 22 s at 3,000,000 cases for a candidate nobody names).
        var named = new List<string>();
        // The tasks assigned to a person, completed by them or done on their behalf can be many (an evaluator's 1,000 open,
        // their years of completed ones): read 1,000 tasks and their cases to show the newest 20 took 0.2-0.4 s for the
        // evaluator and their substitute, 20,000 completed ones 0.3-0.55 s. They are walked in the case list's order
        // instead, each on its index of the tasks by case order (migrations Issue21TaskListKeys, Issue21PersonWalks).
        var walks = new List<string> { "t.assignee = @v_me", "t.completed_by = @v_me", "t.on_behalf_of = @v_me" };
        var offeredToGroups = new List<(string UnitCondition, string TaskUnitCondition, string GroupsParameter)>();
        var scoped = actor.Roles.Where(scopes.IsUnitScoped).ToArray();
        // A unit head's tasks offered to their unit-scoped groups are in their unit: the unit's branch has those cases already.
        OfferedTo("v_me", actor.Roles.Where(r => !scopes.IsUnitScoped(r)).ToArray(), scoped.Length > 0 && actor.UnitCode is not null && !unitHead ? "v_scoped_mine" : null,
            "v_unit", "v_org");
        // A substitute in force sees, for each user they stand in for, that user's assigned and offered tasks (Substitute).
        foreach (var (k, org, scopedParameter) in await StandInsAsync(db, actor, scopes, now, parameters, ct))
        {
            walks.Add($"t.assignee = @v_s{k}");
            OfferedTo($"v_s{k}", org, scopedParameter, $"v_s{k}_unit", $"v_s{k}_org");
        }
        branches.Add($"i.id = ANY(ARRAY({string.Join(" UNION ALL ", named.Select(n => $"SELECT t.instance_id FROM pppk.user_tasks t WHERE {n}"))}))");
        foreach (var (unitCondition, taskUnitCondition, groupsParameter) in offeredToGroups)
        {
            // A group's tasks may be none (the employee role: 10 s at 3,000,000 cases walking them all for a task that is
            // not there), a few (read them first, as the named ones) or many: then the offered tasks themselves are walked in
            // the case list's order (their case's start and id, kept on each task: migration Issue21TaskListKeys), where
            // probing case after case for an offered task took 0.4 s for page 1 and 1.5 s for page 200 of a ppk member.
            var groups = (string[])parameters.First(p => p.Item1 == groupsParameter).Item2;
            var offered = $"t.assignee IS NULL AND t.candidate_groups && @{groupsParameter}";
            var tasks = await OfferedUpToReadFirstAsync(db, $"SELECT t.instance_id FROM pppk.user_tasks t WHERE {offered}", groupsParameter, groups, ct);
            if (tasks == 0) continue;
            if (tasks <= ReadFirstCap) branches.Add($"{unitCondition}i.id = ANY(ARRAY(SELECT t.instance_id FROM pppk.user_tasks t WHERE {offered}))");
            else walks.Add(taskUnitCondition + offered);
        }
        return new CaseBranches(branches, [.. parameters], walks);

        // Offered: unassigned and offered to the user by name, to an organisation-wide group of theirs, or to a unit-scoped
        // group of theirs in their unit (the group branches are chosen above, by how many tasks the groups have).
        void OfferedTo(string user, string[] org, string? scopedParameter, string unitParameter, string orgParameter)
        {
            named.Add($"t.assignee IS NULL AND t.candidate_users @> ARRAY[@{user}]::text[]");
            if (org.Length > 0) offeredToGroups.Add(("", "", orgParameter));
            if (scopedParameter is not null) offeredToGroups.Add(($"i.unit_code = @{unitParameter} AND ", $"t.case_unit = @{unitParameter} AND ", scopedParameter));
        }
    }

    /// <summary>
    /// The users <paramref name="actor"/> stands in for at <paramref name="now"/> (<see cref="Substitute"/>), numbered k: adds
    /// their name, organisation-wide groups, unit-scoped groups and unit to <paramref name="parameters"/> as <c>v_sk</c>,
    /// <c>v_sk_org</c>, <c>v_sk_scoped</c> and <c>v_sk_unit</c>; answers each one's organisation-wide groups and, when their
    /// unit-scoped groups count (they have a unit), the parameter naming those.
    /// </summary>
    internal static async Task<List<(int K, string[] Org, string? ScopedParameter)>> StandInsAsync(NpgsqlDataSource db, Actor actor, GroupScopes scopes,
        DateTimeOffset now, List<(string, object)> parameters, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT DISTINCT p.user_name, p.groups, p.unit_code FROM pppk.substitutions s JOIN {Principals.View} p ON p.user_name = s.user_name
            WHERE s.substitute_user_name = @me AND s.valid_from <= @now AND s.valid_to > @now ORDER BY p.user_name
            """);
        cmd.Parameters.AddWithValue("me", actor.Name);
        cmd.Parameters.AddWithValue("now", now);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var standIns = new List<(int, string[], string?)>();
        for (var k = 0; await r.ReadAsync(ct); k++)
        {
            var groups = r.IsDBNull(1) ? [] : r.GetFieldValue<string[]>(1);
            var unit = r.IsDBNull(2) ? null : r.GetString(2);
            var org = groups.Where(g => !scopes.IsUnitScoped(g)).ToArray();
            parameters.AddRange([($"v_s{k}", r.GetString(0)), ($"v_s{k}_org", org), ($"v_s{k}_scoped", groups.Where(scopes.IsUnitScoped).ToArray()),
                ($"v_s{k}_unit", (object?)unit ?? DBNull.Value)]);
            standIns.Add((k, org, unit is not null && groups.Any(scopes.IsUnitScoped) ? $"v_s{k}_scoped" : null));
        }
        return standIns;
    }

    /// <summary>Up to this many tasks offered to a caller's groups are read first (by id); more, and the list's order is walked (the case list's and the inbox's group branches).</summary>
    internal const int ReadFirstCap = 5_000;

    /// <summary>
    /// How many rows <paramref name="offered"/> (a group branch's tasks, reading <paramref name="groupsParameter"/>) has, counted up
    /// to one past <see cref="ReadFirstCap"/>. A count past the cap is remembered for <see cref="ManyFor"/> (per database, query
    /// and groups): counting 5,001 of a large group's tasks took 40-95 ms of every inbox count and list of its members, and
    /// the walk it chooses is right for any number of tasks, so a stale "many" costs speed, never rows. A count at or below
    /// the cap is not remembered: read first, a branch must name every task, and with none it is left out.
    /// </summary>
    internal static async Task<long> OfferedUpToReadFirstAsync(NpgsqlDataSource db, string offered, string groupsParameter, string[] groups, CancellationToken ct)
    {
        var key = $"{db.ConnectionString}\n{offered}\n{string.Join(',', groups)}";
        if (Many.TryGetValue(key, out var until) && until > Environment.TickCount64) return ReadFirstCap + 1;
        await using var count = db.CreateCommand($"SELECT count(*) FROM ({offered} LIMIT {ReadFirstCap + 1}) x");
        count.Parameters.AddWithValue(groupsParameter, groups);
        var tasks = (long)(await count.ExecuteScalarAsync(ct))!;
        if (tasks <= ReadFirstCap) Many.TryRemove(key, out _);
        else
        {
            if (Many.Count >= ManyKept) Many.Clear();
            Many[key] = Environment.TickCount64 + (long)ManyFor.TotalMilliseconds;
        }
        return tasks;
    }

    /// <summary>How long a group set's "more than <see cref="ReadFirstCap"/> tasks" is believed.</summary>
    private static readonly TimeSpan ManyFor = TimeSpan.FromMinutes(1);

    /// <summary>At most this many remembered group sets (they are the distinct role sets of the users, tens in an agency).</summary>
    private const int ManyKept = 1_000;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> Many = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="condition"/> (<see cref="Task"/> or <see cref="Case"/>) for <paramref name="actor"/>; nothing for an administrator.</summary>
    public static SqlFilter Restrict(this SqlFilter filter, string condition, Actor actor, GroupScopes scopes, DateTimeOffset now) =>
        scopes.IsAdministrator(actor) ? filter : filter.Add(condition, Parameters(actor, scopes, now));

    /// <summary>The parameters <see cref="Task"/> and <see cref="Case"/> read, for <paramref name="actor"/> at <paramref name="now"/>.</summary>
    public static (string, object)[] Parameters(Actor actor, GroupScopes scopes, DateTimeOffset now)
    {
        var scoped = actor.Roles.Where(scopes.IsUnitScoped).ToArray();
        return
        [
            ("v_me", actor.Name),
            ("v_org", actor.Roles.Where(r => !scopes.IsUnitScoped(r)).ToArray()),
            // Without a unit the unit-scoped roles count nowhere.
            ("v_scoped_mine", actor.UnitCode is null ? Array.Empty<string>() : scoped),
            ("v_unit", (object?)actor.UnitCode ?? DBNull.Value),
            ("v_unit_head", actor.UnitCode is not null && scoped.Any(scopes.UnitWide.Contains)),
            ("v_nik", (object?)actor.EmployeeNik ?? DBNull.Value),
            ("v_scoped", scopes.UnitScoped.ToArray()),
            ("v_now", now),
        ];
    }
}

/// <summary>
/// <see cref="Visibility.Case"/> as a union of its branches (the unit's cases, the subject's, and those with a task the caller
/// sees: assigned, completed, acted for, offered by name, by group, by unit-scoped group, and the same for whom they stand
/// in for now), each a condition on the case (alias <c>i</c>) that one index answers, or (<paramref name="Walks"/>) a
/// condition on the tasks (alias <c>t</c>: assigned to a person, or offered to a large group) whose cases are read in the
/// case list's order from the tasks themselves. A single OR of them defeats every index once a list is ordered and limited: PostgreSQL scans the
/// cases. Each branch instead reads at most the rows the page (or the capped count) needs in the list's order, and the
/// union merges them; a case two branches name appears once.
/// </summary>
internal sealed partial record CaseBranches(IReadOnlyList<string> Conditions, (string Name, object Value)[] Parameters, IReadOnlyList<string>? Walks = null)
{
    /// <summary>
    /// <c>(SELECT columns FROM cases WHERE branch AND where [ORDER BY order] [LIMIT reach]) UNION …</c>: the rows of
    /// <paramref name="where"/> the caller sees, each branch cut at <paramref name="reach"/> rows in <paramref name="order"/>;
    /// <paramref name="cases"/> is the instances table as alias <c>i</c> (named by its owner, <see cref="Instances.InstanceTable"/>).
    /// <paramref name="fewCases"/>: <paramref name="where"/> names few cases of its own (a search, a business key), so a walk
    /// reads those cases first and keeps the ones with a task of the walk.
    /// </summary>
    public string Union(string cases, string columns, string where, string? order, string? reach, bool fewCases = false) => string.Join(" UNION ", Conditions.Select(c =>
        $"(SELECT {columns} FROM {cases} WHERE ({c}) AND {where}{Tail(order, reach)})").Concat((Walks ?? []).Select(w => Walk(w, cases, columns, where, order, reach, fewCases))));

    /// <summary>
    /// A walk branch: the distinct cases (their start and id, as <c>o</c>) of the tasks matching <paramref name="tasks"/>, in
    /// the case list's order on an index of the tasks by case order (assigned, or unassigned; no case read); the case
    /// list's keys and cursor (<c>i.started_at</c>, <c>i.id</c>) are read from the task's copy of them. Without a filter on
    /// the case the walk is cut at <paramref name="reach"/> in the same query: with the limit outside a sorted subquery,
    /// the planner planned that subquery for all its rows and chose to sort the 62,163 tasks of a large group (1.1 s for a
    /// <c>ppk</c> member's page 1 at 3,000,000 cases) over the walk (6.7 ms). A filter on the case's start, workflow, unit,
    /// status, incident flag or version reads the task's copies of them in the same walk (a version read from the cases took
    /// 3.1-3.7 s for a <c>ppk</c> member where none matched). A filter that names few cases of its own
    /// (<paramref name="fewCases"/>: a search, a business key) reads those cases first, on their own index, and keeps them
    /// when a task of the walk is on them (a <c>ppk</c> member's search by NIK: 0.8 s joined to the walk). Any other filter
    /// on the case joins the cases to the distinct walk (probing the case of each walked task instead took 2.3-3.5 s where
    /// none matched; the join, about 1 s for the count of a large group): no filter of the lists does so today.
    /// </summary>
    private static string Walk(string tasks, string cases, string columns, string where, string? order, string? reach, bool fewCases)
    {
        const string walk = "SELECT DISTINCT t.case_started_at AS started_at, t.instance_id AS id FROM pppk.user_tasks t";
        var keys = ReadFrom(columns, WalkKeys);
        // The case's keys, workflow, unit, status and incident flag are on each task (migrations Issue21TaskListKeys,
        // Issue21TaskCaseKey, Issue21CaseStatusCopies): a filter on those alone is read from the walked index itself.
        var onTasks = ReadFrom(where, TaskCopies);
        if (!ReadsCase(onTasks))
            return $"(SELECT {keys} FROM ({walk} WHERE ({tasks}) AND {onTasks}{Tail("started_at DESC, id DESC", reach)}) o)";
        if (fewCases)
            return $"(SELECT {columns} FROM {cases} WHERE {where} AND i.id IN (SELECT t.instance_id FROM pppk.user_tasks t WHERE {tasks}){Tail(order, reach)})";
        return $"""
            (SELECT {keys} FROM ({walk} WHERE {tasks} ORDER BY started_at DESC, id DESC) o JOIN {cases} ON i.id = o.id
                WHERE {ReadFrom(where, WalkKeys)}{Tail(order is null ? null : ReadFrom(order, WalkKeys), reach)})
            """;
    }

    /// <summary>
    /// The branches as conditions on rows that carry their case's id (<paramref name="caseId"/>) and a copy of its unit
    /// (<paramref name="caseUnit"/>), such as the incidents: the case's id and unit are read from the row itself (one index
    /// of the rows answers the unit's branch), a walk is the set of its tasks' cases; a branch reads the case (alias
    /// <c>i</c>) only for its other columns (the subject's).
    /// </summary>
    public IEnumerable<string> OnRowsOfCases(string caseId, string caseUnit)
    {
        var copies = new Dictionary<string, string> { ["id"] = caseId, ["unit_code"] = caseUnit };
        return Conditions.Select(c => ReadFrom(c, copies)).Concat((Walks ?? []).Select(w => $"{caseId} IN (SELECT t.instance_id FROM pppk.user_tasks t WHERE {w})"));
    }

    /// <summary>The case list's keys as a walk (<c>o</c>) reads them.</summary>
    private static readonly Dictionary<string, string> WalkKeys = new() { ["id"] = "o.id", ["started_at"] = "o.started_at" };

    /// <summary>The case's columns each task carries a copy of (migrations Issue21TaskListKeys, Issue21TaskCaseKey, Issue21CaseStatusCopies).</summary>
    private static readonly Dictionary<string, string> TaskCopies = new()
    {
        ["id"] = "t.instance_id", ["started_at"] = "t.case_started_at", ["unit_code"] = "t.case_unit", ["definition_key"] = "t.case_key",
        ["status"] = "t.case_status", ["has_incident"] = "t.case_incident", ["version"] = "t.case_version",
    };

    /// <summary><paramref name="sql"/> with each column of the case (alias <c>i</c>) that <paramref name="copies"/> names read from its copy instead.</summary>
    private static string ReadFrom(string sql, IReadOnlyDictionary<string, string> copies) =>
        CaseColumnName().Replace(sql, m => copies.TryGetValue(m.Groups[1].Value, out var copy) ? copy : m.Value);

    [GeneratedRegex(@"\bi\.(\w+)\b")]
    private static partial Regex CaseColumnName();

    private static string Tail(string? order, string? reach) => (order is null ? "" : " ORDER BY " + order) + (reach is null ? "" : " LIMIT " + reach);

    /// <summary>Whether <paramref name="sql"/> reads a column of the case (alias <c>i</c>).</summary>
    public static bool ReadsCase(string sql) => CaseColumnName().IsMatch(sql);
}
