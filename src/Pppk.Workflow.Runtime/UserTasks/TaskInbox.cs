using Npgsql;
using NpgsqlTypes;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.People;

namespace Pppk.Workflow.Runtime.UserTasks;

/// <summary>
/// What the inbox adds to <see cref="TaskFilter"/>: a search over the case's title, subject and search keys, a due window
/// (<c>overdue</c>, <c>today</c> from <see cref="TodayFrom"/> to <see cref="TodayTo"/>, <c>week</c>) and whose tasks
/// (<c>me</c>, <c>groups</c>, <c>substitute</c>).
/// </summary>
public sealed record InboxFilter(TaskFilter Task, string? Search = null, string? Due = null, string? Assigned = null,
    DateTimeOffset? TodayFrom = null, DateTimeOffset? TodayTo = null);

/// <summary>Where a keyset page starts: after the task with these sort values (the host carries it as an opaque, signed cursor).</summary>
public sealed record InboxKey(string Sort, DateTimeOffset? DueAt, int Priority, DateTimeOffset CreatedAt, Guid Id)
{
    internal static InboxKey Of(string sort, TaskView t) => new(sort, t.DueAt, t.Priority, t.CreatedAt, t.Id);
}

/// <summary>A page of the inbox: the tasks, the total (exact up to <see cref="TaskInbox.TotalCap"/>, else capped) and where the next page starts.</summary>
public sealed record InboxPage(List<TaskView> Items, int Total, bool TotalCapped, InboxKey? Next);

/// <summary>
/// The inbox's reads of <c>pppk.user_tasks</c>: keyset pages (page 200 costs what page 1 costs: each order has an index of
/// the same expressions on the open tasks, migration <c>Issue18CaseTitles</c>), a capped total, and the menu's counts.
/// </summary>
public static partial class TaskInbox
{
    /// <summary>Above this many tasks the total is reported as capped (counting every row of a large list costs more than the page).</summary>
    public const int TotalCap = ListTotal.Cap;

    /// <summary>The longest search text.</summary>
    public const int SearchMaxLength = 100;

    public static readonly string[] DueWindows = ["overdue", "today", "week"];

    public static readonly string[] AssignedKinds = ["me", "groups", "substitute"];

    // Each order's keys as SQL (the same expressions as the indexes) and the key's value as a parameter; "-name" reverses it.
    private const string DueKey = "coalesce(t.due_at, 'infinity'::timestamptz)";
    private const string DueParam = "coalesce(@k_due, 'infinity'::timestamptz)";

    private static readonly Dictionary<string, (string[] Keys, string[] Params)> Orders = new(StringComparer.Ordinal)
    {
        ["due"] = ([DueKey, "t.created_at", "t.id"], [DueParam, "@k_created", "@k_id"]),
        ["priority"] = (["(- t.priority)", DueKey, "t.created_at", "t.id"], ["(- @k_priority)", DueParam, "@k_created", "@k_id"]),
        ["created"] = (["t.created_at", "t.id"], ["@k_created", "@k_id"]),
    };

    /// <summary>The inbox's sorts: each order and its reverse ("-due": latest due first).</summary>
    public static IEnumerable<string> Sorts => Orders.Keys.SelectMany(k => new[] { k, "-" + k });

    public static bool IsKnownSort(string? sort) => sort is null || Sorts.Contains(sort);

    /// <summary>
    /// A page of the tasks <paramref name="actor"/> sees, in <paramref name="sort"/> order: after <paramref name="after"/>
    /// (keyset), else from <paramref name="skip"/>. Answers <see cref="InboxPage.Next"/> when there is more; the total is
    /// counted up to <paramref name="countCap"/> (<see cref="TotalCap"/> unless given: an export counts up to its own cap).
    /// </summary>
    public static async Task<InboxPage> PageAsync(NpgsqlDataSource db, InboxFilter f, Actor actor, GroupScopes scopes, DateTimeOffset now,
        string? sort, InboxKey? after, int skip, int take, CancellationToken ct, int countCap = TotalCap)
    {
        sort ??= "due";
        var descending = sort.StartsWith('-');
        var (keys, parameters) = Orders[sort.TrimStart('-')];
        var substituting = await SubstitutingAsync(db, actor, now, ct);
        var visible = Branched(f, actor, scopes) ? await OpenBranchesAsync(db, actor, scopes, now, substituting, ct) : null;
        var filter = Where(f, actor, scopes, now, substituting, visible is not null).Bound(visible?.Parameters ?? []);
        var page = new SqlFilter();
        if (after is not null)
        {
            page.Add($"({string.Join(", ", keys)}) {(descending ? "<" : ">")} ({string.Join(", ", parameters)})",
                ("k_due", after.DueAt is { } due ? due.ToUniversalTime() : DBNull.Value), ("k_priority", after.Priority),
                ("k_created", after.CreatedAt.ToUniversalTime()), ("k_id", after.Id));
            skip = 0;
        }
        var order = string.Join(", ", keys.Select(k => k + (descending ? " DESC" : "")));
        // Each branch of the open tasks the caller sees reads its first skip + take + 1 rows after the cursor, in the
        // page's order and on that order's index; the union merges them (a task two branches name appears once).
        // An administrator's page: its offset counted over the tasks alone (on the order's index; with the cases only when a
        // filter reads them), then the page's rows joined to their cases: joined first, page 200 read 10,000 cases for 50 (346 ms at 3,000,000).
        var rows = visible is null
            ? $"""
              {UserTaskTable.NamedViewSelect} WHERE t.id IN (SELECT t.id FROM {(CaseBranches.ReadsCase(filter.Where) ? Tasks : "pppk.user_tasks t")}
                  WHERE {filter.Where} AND {page.Where} ORDER BY {order} LIMIT @take OFFSET @skip)
              ORDER BY {order}
              """
            : $"""
              {UserTaskTable.NamedViewSelect} WHERE t.id IN (SELECT v.k{keys.Length - 1} FROM ({Union(visible, string.Join(", ", keys.Select((k, n) => $"{k} AS k{n}")),
                  $"{filter.Where} AND {page.Where}", order, "@reach")}) v
                  ORDER BY {string.Join(", ", keys.Select((_, n) => $"v.k{n}" + (descending ? " DESC" : "")))} LIMIT @take OFFSET @skip)
              ORDER BY {order}
              """;
        await using var cmd = page.Bind(filter.Bind(db.CreateCommand(rows)));
        if (visible is not null) cmd.Parameters.AddWithValue("reach", (long)skip + take + 1);
        FixDueType(cmd);
        cmd.Parameters.AddWithValue("take", take + 1); // one more tells whether there is a next page
        cmd.Parameters.AddWithValue("skip", skip);
        var items = new List<TaskView>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var t = UserTaskTable.ReadView(r);
                items.Add(t with { Overdue = t.State == "open" && t.DueAt < now });
            }
        var more = items.Count > take;
        if (more) items.RemoveAt(take);
        var (total, capped) = await CountAsync(db, filter, visible, ct, countCap);
        return new InboxPage(items, total, capped, more ? InboxKey.Of(sort, items[^1]) : null);
    }

    /// <summary>
    /// The caller's open tasks and how many of them are overdue, each counted up to <paramref name="cap"/> (<see cref="TotalCap"/>:
    /// the menu's badge), in one walk of each branch in due order cut at cap + 1: the overdue tasks come first, so a branch's
    /// rows hold all its overdue tasks unless it has more than the cap of them (then the union has more than the cap too).
    /// Counted apart, the open and the overdue walked a large group's tasks twice (two times 40-55 ms for a <c>ppk</c> member).
    /// </summary>
    public static async Task<(int Open, int Overdue)> CountOpenAsync(NpgsqlDataSource db, Actor actor, GroupScopes scopes, DateTimeOffset now, CancellationToken ct,
        int cap = TotalCap)
    {
        // The caller's own open tasks ("mine", an administrator's too): always the union of the rule's branches (Branched).
        var substituting = await SubstitutingAsync(db, actor, now, ct);
        var visible = await OpenBranchesAsync(db, actor, scopes, now, substituting, ct);
        var where = Where(new InboxFilter(new TaskFilter(Mine: true)), actor, scopes, now, substituting, branched: true).Bound(visible.Parameters);
        var reach = (cap + 1L).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = Union(visible, $"t.id, {DueKey} AS due", where.Where, $"{DueKey}, t.created_at, t.id", reach);
        await using var cmd = where.Bind(db.CreateCommand($"SELECT count(*), count(*) FILTER (WHERE v.due < @late_now) FROM ({rows}) v"));
        cmd.Parameters.AddWithValue("late_now", now.ToUniversalTime());
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return ((int)Math.Min(r.GetInt64(0), cap), (int)Math.Min(r.GetInt64(1), cap));
    }

    /// <summary>
    /// The capped count. Without a condition on the case (<c>i.</c>: workflow, unit, search, a non-administrator's visibility)
    /// the tasks alone are counted: every task has its case, and 10,001 probes of the cases' key cost a second at a million tasks.
    /// With <paramref name="visible"/> no branch needs more than cap + 1 rows to tell whether the union has more than cap.
    /// </summary>
    private static Task<(int Total, bool Capped)> CountAsync(NpgsqlDataSource db, SqlFilter filter, CaseBranches? visible, CancellationToken ct, int cap = TotalCap) =>
        ListTotal.CountAsync(db, visible is not null
            ? $"SELECT 1 FROM ({Union(visible, "t.id", filter.Where, null, (cap + 1L).ToString(System.Globalization.CultureInfo.InvariantCulture))}) v"
            : CaseBranches.ReadsCase(filter.Where)
            ? $"SELECT 1 FROM {Tasks} WHERE {filter.Where}"
            : $"SELECT 1 FROM pppk.user_tasks t WHERE {filter.Where}", filter, ct, cap);

    /// <summary>The tasks (alias <c>t</c>) with their cases (alias <c>i</c>).</summary>
    private const string Tasks = "pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id";

    /// <summary>
    /// <see cref="CaseBranches.Union"/> of the tasks: a branch joins the cases only when it or <paramref name="where"/> reads
    /// one (<c>i.</c>; every task has its case): a group member's capped count, 10,001 probes of the cases' key, took 1 s.
    /// </summary>
    private static string Union(CaseBranches visible, string columns, string where, string? order, string? reach) => string.Join(" UNION ",
        visible.Conditions.Select(c => new CaseBranches([c], []).Union(CaseBranches.ReadsCase(c + where) ? Tasks : "pppk.user_tasks t", columns, where, order, reach)));

    private static SqlFilter Where(InboxFilter f, Actor actor, GroupScopes scopes, DateTimeOffset now, bool substituting, bool branched)
    {
        var t = f.Task;
        // Read as the union of OpenBranchesAsync, the rows are the rule's already (each branch is a part of Own, and together
        // they are Own over the open tasks): written again in every branch, the rule's OR misled the planner (a unit head's
        // cursor page at 1,000,000 open tasks: a hash join of 400,000 tasks, 2.5 s; without it the order walked, 0.4 s).
        var rule = branched ? "TRUE" : substituting ? Visibility.Task : Visibility.Own;
        var filter = new SqlFilter()
            .When(t.State == "all" ? null : t.State ?? "open", "t.state = @state", "state")
            .When(t.InstanceId, "t.instance_id = @inst", "inst")
            .When(t.Assignee, "t.assignee = @assignee", "assignee")
            .When(t.CandidateGroup, "@group = ANY(t.candidate_groups)", "group")
            .When(t.DefinitionKey, "i.definition_key = @def", "def")
            // The unit's cases as an array: an index scan of their tasks, where a join would hash all the open tasks.
            .When(t.UnitCode?.Trim(), "i.unit_code = @unit AND t.instance_id = ANY(ARRAY(SELECT u.id FROM pppk.instances u WHERE u.unit_code = @unit))", "unit")
            .Restrict(rule, actor, scopes, now);
        if (CaseSearch.Condition(f.Search, "search", "t.instance_id") is { } search) filter.Add(search.Sql, search.Parameter);
        // The visibility parameters are bound once: by Restrict for anyone but an administrator, else by the first condition that reads them.
        var bound = !scopes.IsAdministrator(actor);
        void WithParameters(string condition)
        {
            filter.Add(condition, bound ? [] : Visibility.Parameters(actor, scopes, now));
            bound = true;
        }
        // An administrator's "mine": the tasks offered to them as to anyone else, not the whole list.
        if (t.Mine && scopes.IsAdministrator(actor)) WithParameters(rule);
        switch (f.Assigned)
        {
            case "me": WithParameters("t.assignee = @v_me"); break;
            case "groups": WithParameters(Visibility.Offered); break;
            case "substitute": WithParameters(Visibility.Substitute); break;
        }
        var utc = now.ToUniversalTime();
        switch (f.Due)
        {
            case "overdue": filter.Add("t.due_at < @due_now", ("due_now", utc)); break;
            case "today": filter.Add("t.due_at >= @due_from AND t.due_at < @due_to", ("due_from", (f.TodayFrom ?? utc).ToUniversalTime()), ("due_to", (f.TodayTo ?? utc.AddDays(1)).ToUniversalTime())); break;
            case "week": filter.Add("t.due_at >= @due_now AND t.due_at < @due_to", ("due_now", utc), ("due_to", utc.AddDays(7))); break;
        }
        return filter;
    }

    /// <summary>
    /// Whether the list is read as the union of <see cref="OpenBranchesAsync"/>: the open tasks, when visibility applies (anyone
    /// but an administrator, and an administrator's "mine"). Visibility is one OR no index serves (for a substitute in force, a
    /// subquery per task: 15-32 s at 1,000,000 open tasks); over the open tasks the same rows come from branches that each walk the page's order.
    /// </summary>
    private static bool Branched(InboxFilter f, Actor actor, GroupScopes scopes) =>
        (f.Task.State ?? "open") == "open" && (!scopes.IsAdministrator(actor) || f.Task.Mine);

    /// <summary>
    /// The open tasks <see cref="Visibility.Task"/> lets the caller see, as branches: assigned to them, or unassigned and
    /// offered to them by name, to an organisation-wide group of theirs, or to a unit-scoped group of theirs in their unit
    /// (each a part of <see cref="Visibility.Own"/>), and the same for each user they stand in for now, with that user's
    /// groups and unit (<see cref="Visibility.Substitute"/>): together the same rows over the open tasks (an open task has no completer). A group branch is chosen by how many open tasks the groups are offered:
    /// none, left out; up to <see cref="Visibility.ReadFirstCap"/>, read first by id; more, the tasks walked in the page's order (a
    /// match comes soon). The named branches are few per person whatever the table's size: read by their indexes.
    /// </summary>
    private static async Task<CaseBranches> OpenBranchesAsync(NpgsqlDataSource db, Actor actor, GroupScopes scopes, DateTimeOffset now, bool substituting,
        CancellationToken ct)
    {
        const string open = "SELECT x.id FROM pppk.user_tasks x WHERE x.state = 'open'";
        var parameters = Visibility.Parameters(actor, scopes, now).ToList();
        var own = parameters.Count;
        var branches = new List<string>();
        await UserAsync("v_me", "v_org", actor.UnitCode is not null ? "v_scoped_mine" : null, "v_unit");
        // A substitute in force: the same branches for each user they stand in for (Visibility.Substitute), with that user's groups and unit.
        foreach (var (k, _, scopedParameter) in substituting ? await Visibility.StandInsAsync(db, actor, scopes, now, parameters, ct) : [])
            await UserAsync($"v_s{k}", $"v_s{k}_org", scopedParameter, $"v_s{k}_unit");
        // The caller's own parameters are bound with the rule (Where); the branches carry those of whom they stand in for.
        return new CaseBranches(branches, [.. parameters.Skip(own)]);

        async Task UserAsync(string user, string orgParameter, string? scopedParameter, string unitParameter)
        {
            branches.Add($"t.id = ANY(ARRAY({open} AND x.assignee = @{user}))");
            branches.Add($"t.id = ANY(ARRAY({open} AND x.assignee IS NULL AND x.candidate_users @> ARRAY[@{user}]::text[]))");
            await OfferedToAsync("", orgParameter);
            // The case's unit as the task carries it (migration Issue21TaskListKeys): joined to the cases instead, a unit head's
            // capped count hashed the unit's 50,000 cases against every open unassigned task (0.7-1.3 s at 1,000,000 open tasks).
            if (scopedParameter is not null) await OfferedToAsync($"t.case_unit = @{unitParameter} AND ", scopedParameter);
        }

        async Task OfferedToAsync(string unitCondition, string groupsParameter)
        {
            var groups = (string[])parameters.First(p => p.Item1 == groupsParameter).Item2;
            if (groups.Length == 0) return;
            var offered = $"{open} AND x.assignee IS NULL AND x.candidate_groups && @{groupsParameter}";
            var tasks = await Visibility.OfferedUpToReadFirstAsync(db, offered, groupsParameter, groups, ct);
            if (tasks == 0) return;
            branches.Add(unitCondition + (tasks <= Visibility.ReadFirstCap ? $"t.id = ANY(ARRAY({offered}))" : $"t.state = 'open' AND t.assignee IS NULL AND t.candidate_groups && @{groupsParameter}"));
        }
    }

    private static async Task<bool> SubstitutingAsync(NpgsqlDataSource db, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM pppk.substitutions s WHERE s.substitute_user_name = @me AND s.valid_from <= @now AND s.valid_to > @now)");
        cmd.Parameters.AddWithValue("me", actor.Name);
        cmd.Parameters.AddWithValue("now", now);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }


    // A null due date must still be typed for coalesce(@k_due, …).
    private static void FixDueType(NpgsqlCommand cmd)
    {
        if (cmd.Parameters.Contains("k_due")) cmd.Parameters["k_due"].NpgsqlDbType = NpgsqlDbType.TimestampTz;
    }

    /// <summary>
    /// The colleagues a task could be handed to: its candidate users and the active members of its candidate groups (a
    /// unit-scoped group's only in the task's unit), but not <paramref name="except"/>; at most <paramref name="limit"/>, by name.
    /// </summary>
    public static async Task<List<Principals.Principal>> ColleaguesAsync(NpgsqlDataSource db, TaskView task, GroupScopes scopes, string except, int limit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT {Principals.Columns} FROM {Principals.View} p
            WHERE p.active AND p.user_name <> @me AND (p.user_name = ANY(@users) OR p.groups && @org OR (p.groups && @scoped AND p.unit_code = @unit))
            ORDER BY coalesce(p.full_name, p.user_name) LIMIT @limit
            """);
        cmd.Parameters.AddWithValue("me", except);
        cmd.Parameters.AddWithValue("users", task.CandidateUsers);
        cmd.Parameters.AddWithValue("org", task.CandidateGroups.Where(g => !scopes.IsUnitScoped(g)).ToArray());
        cmd.Parameters.AddWithValue("scoped", task.CandidateGroups.Where(scopes.IsUnitScoped).ToArray());
        cmd.Parameters.AddWithValue("unit", (object?)task.UnitCode ?? DBNull.Value);
        cmd.Parameters.AddWithValue("limit", limit);
        return await Principals.ReadAsync(cmd, ct);
    }
}
