using Npgsql;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Runtime.Tests.UserTasks;

/// <summary>
/// Issue 21, deep pages: a group offered more tasks than <see cref="Visibility.ReadFirstCap"/> is read by walking its tasks
/// in the list's order (the case list's walk cut at the page's reach in the same query), and an administrator's inbox page
/// counts its offset over the tasks before joining the page's cases. Deep offset pages and cursor pages of the case list
/// and of the inbox, in every sort and with a filter on the case, are exactly the slices of the visible set as plain SQL of
/// the rule (README "Who sees what") orders it.
/// </summary>
public sealed class DeepPageTests(RuntimeDatabase database) : IClassFixture<RuntimeDatabase>, IAsyncLifetime
{
    private static readonly GroupScopes Scopes = new("hr-admin", ["unit-head", "evaluator"], ["unit-head"]);
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);
    private static readonly Actor Member = new("ppk.1", ["ppk"]);
    private static readonly Actor Admin = new("admin", ["hr-admin"]);

    /// <summary>What a <c>ppk</c> member sees of a task (alias <c>t</c>), written plainly.</summary>
    private const string MemberSees = """
        (t.assignee = 'ppk.1' OR t.completed_by = 'ppk.1' OR t.on_behalf_of = 'ppk.1'
         OR (t.assignee IS NULL AND ('ppk.1' = ANY(t.candidate_users) OR t.candidate_groups && ARRAY['ppk'])))
        """;

    private NpgsqlDataSource Db => database.DataSource;

    public async Task InitializeAsync()
    {
        await using var batch = Db.CreateBatch();
        // The host's view of its users, as a table (the runtime's tests have no host): nobody here stands in for anyone.
        batch.BatchCommands.Add(new("TRUNCATE pppk.instances, pppk.user_tasks, pppk.substitutions, pppk.principals"));
        // 4,000 cases (pairs started at the same instant), two tasks each: about 5,500 open tasks offered to ppk, unassigned;
        // some assigned to the member, some completed by them; due dates, priorities and creation times repeat (the id breaks ties).
        batch.BatchCommands.Add(SeedCommand.Of("""
            INSERT INTO pppk.instances (id, definition_id, definition_key, version, status, has_incident, started_at, unit_code)
            SELECT gen_random_uuid(), 1, CASE WHEN g % 2 = 0 THEN 'cuti' ELSE 'kenaikan' END, 1, 'active', false, @now - make_interval(mins => g / 2),
                   (ARRAY['U1', 'U2', NULL])[g % 3 + 1]
            FROM generate_series(1, 4000) g
            """, ("now", Now)));
        batch.BatchCommands.Add(SeedCommand.Of("""
            INSERT INTO pppk.user_tasks (id, instance_id, wait_id, element_id, assignee, candidate_users, candidate_groups, state, completed_by, created_at, due_at, priority)
            SELECT gen_random_uuid(), i.id, n, 'tugas',
                   CASE WHEN x % 11 = 0 THEN 'ppk.1' WHEN x % 11 = 1 THEN 'lain' END,
                   CASE WHEN x % 13 = 0 THEN ARRAY['ppk.1'] ELSE ARRAY[]::text[] END,
                   CASE WHEN x % 8 = 0 THEN ARRAY['evaluator'] WHEN x % 8 = 1 THEN ARRAY['unit-head', 'ppk'] ELSE ARRAY['ppk'] END,
                   CASE WHEN x % 25 = 0 THEN 'completed' ELSE 'open' END, CASE WHEN x % 50 = 0 THEN 'ppk.1' END,
                   @now - make_interval(mins => x % 17), CASE WHEN x % 7 <> 0 THEN @now + make_interval(days => x % 13 - 6) END, (x % 3) * 40 + 10
            FROM (SELECT id, row_number() OVER (ORDER BY id) AS r FROM pppk.instances) i, generate_series(1, 2) n, LATERAL (SELECT (i.r * 2 + n)::int AS x) k
            """, ("now", Now)));
        batch.BatchCommands.Add(new("ANALYZE pppk.instances"));
        batch.BatchCommands.Add(new("ANALYZE pppk.user_tasks"));
        await batch.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<Guid>> IdsAsync(string sql)
    {
        await using var cmd = Db.CreateCommand(sql);
        await using var r = await cmd.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await r.ReadAsync()) ids.Add(r.GetGuid(0));
        return ids;
    }

    [Fact]
    public async Task The_group_is_large_enough_to_be_walked()
    {
        var offered = await IdsAsync("SELECT id FROM pppk.user_tasks t WHERE t.state = 'open' AND t.assignee IS NULL AND t.candidate_groups && ARRAY['ppk']");
        Assert.True(offered.Count > Visibility.ReadFirstCap, $"{offered.Count} tasks offered to ppk");
    }

    // Filters on the case: none, its workflow or unit (read from the tasks' copies of them), and its status (read from the case).
    public static TheoryData<string?, string?, string?> CaseFilters => new()
    {
        { null, null, null }, { "cuti", null, null }, { null, "U1", null }, { null, "U2", "active" },
    };

    [Theory]
    [MemberData(nameof(CaseFilters))]
    public async Task A_group_members_deep_case_pages_by_offset_and_cursor_are_the_slices_of_the_visible_cases(string? workflow, string? unit, string? status)
    {
        var expected = await IdsAsync($"""
            SELECT i.id FROM pppk.instances i WHERE EXISTS (SELECT 1 FROM pppk.user_tasks t WHERE t.instance_id = i.id AND {MemberSees})
            {(workflow is null ? "" : $"AND i.definition_key = '{workflow}'")} {(unit is null ? "" : $"AND i.unit_code = '{unit}'")}
            {(status is null ? "" : $"AND i.status = '{status}'")} ORDER BY i.started_at DESC, i.id DESC
            """);
        Assert.True(expected.Count > 1_000, $"{expected.Count} cases");
        var filter = new InstanceFilter(DefinitionKey: workflow, Status: status, UnitCode: unit);
        // A deep page (past half the cap) reads its branches one past the cap and takes the total from them: capped at a
        // cap below the list's size, exact at one above it.
        foreach (var cap in new[] { 10_000, 1_000, expected.Count + 100 })
            foreach (var skip in new[] { 0, 500, 600, expected.Count - 30 })
            {
                var (items, total, capped) = await InstanceTable.PageAsync(Db, filter, Member, Scopes, Now, null, skip, 40, cap, default);
                Assert.Equal(expected.Skip(skip).Take(40), items.Select(i => i.Id));
                Assert.Equal(expected.Count > cap ? (cap, true) : (expected.Count, false), (total, capped));
            }
        Assert.Equal(expected.Count, (await InstanceTable.ListAsync(Db, filter, Member, Scopes, Now, expected.Count - 5, 40, default)).Total);
        var after = (await InstanceTable.PageAsync(Db, filter, Member, Scopes, Now, null, 999, 1, 10_000, default)).Items.Single();
        var (next, _, _) = await InstanceTable.PageAsync(Db, filter, Member, Scopes, Now, InstanceTable.KeyOf(after), 0, 40, 10_000, default);
        Assert.Equal(expected.Skip(1_000).Take(40), next.Select(i => i.Id));
    }

    [Fact]
    public async Task The_open_and_overdue_counts_are_exact_below_their_cap_and_capped_above_it()
    {
        // One walk in due order counts both: at caps below, between and above the member's overdue and open tasks.
        var open = await IdsAsync($"SELECT t.id FROM pppk.user_tasks t WHERE t.state = 'open' AND {MemberSees}");
        var overdue = await IdsAsync($"SELECT t.id FROM pppk.user_tasks t WHERE t.state = 'open' AND t.due_at < '{Now:O}' AND {MemberSees}");
        Assert.InRange(overdue.Count, 500, open.Count - 500);
        foreach (var cap in new[] { 100, overdue.Count - 1, overdue.Count, overdue.Count + 1, (overdue.Count + open.Count) / 2, open.Count, open.Count + 1, 10_000 })
            Assert.Equal((Math.Min(open.Count, cap), Math.Min(overdue.Count, cap)), await TaskInbox.CountOpenAsync(Db, Member, Scopes, Now, default, cap));
    }

    public static TheoryData<string, string?> Inboxes => new() { { "admin", null }, { "admin", "cuti" }, { "member", null }, { "member", "cuti" } };

    [Theory]
    [MemberData(nameof(Inboxes))]
    public async Task Deep_inbox_pages_by_offset_and_cursor_are_the_slices_of_the_visible_open_tasks_in_every_sort(string caller, string? workflow)
    {
        var actor = caller == "admin" ? Admin : Member;
        var filter = new InboxFilter(new TaskFilter(DefinitionKey: workflow));
        foreach (var sort in TaskInbox.Sorts)
        {
            const string due = "coalesce(t.due_at, 'infinity'::timestamptz)";
            string[] keys = sort.TrimStart('-') switch
            {
                "due" => [due, "t.created_at", "t.id"],
                "priority" => ["(- t.priority)", due, "t.created_at", "t.id"],
                _ => ["t.created_at", "t.id"],
            };
            var order = string.Join(", ", keys.Select(k => sort.StartsWith('-') ? k + " DESC" : k));
            var expected = await IdsAsync($"""
                SELECT t.id FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id WHERE t.state = 'open'
                {(caller == "admin" ? "" : "AND " + MemberSees)} {(workflow is null ? "" : $"AND i.definition_key = '{workflow}'")} ORDER BY {order}
                """);
            Assert.True(expected.Count > 2_000, $"{caller} {sort}: {expected.Count} tasks");
            foreach (var skip in new[] { 0, 1_000, expected.Count - 10 })
            {
                var page = await TaskInbox.PageAsync(Db, filter, actor, Scopes, Now, sort, null, skip, 25, default);
                Assert.Equal(expected.Skip(skip).Take(25), page.Items.Select(t => t.Id));
                Assert.Equal((expected.Count, false), (page.Total, page.TotalCapped));
            }
            var before = await TaskInbox.PageAsync(Db, filter, actor, Scopes, Now, sort, null, 1_975, 25, default);
            var next = await TaskInbox.PageAsync(Db, filter, actor, Scopes, Now, sort, before.Next, 0, 25, default);
            Assert.Equal(expected.Skip(2_000).Take(25), next.Items.Select(t => t.Id));
        }
    }
}
