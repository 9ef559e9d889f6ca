using Npgsql;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Runtime.Tests.UserTasks;

/// <summary>
/// Issue 21: the lists that read a case's keys from its tasks (migration <c>Issue21TaskListKeys</c>: <c>case_started_at</c>,
/// <c>case_unit</c>). More tasks are offered to the groups than <see cref="Visibility.ReadFirstCap"/>, so a group member's
/// case list walks the offered tasks in the case list's order; most cases have two offered tasks (the walk must count a
/// case once), pairs of cases start at the same instant (the id breaks the tie). The tasks are inserted without the keys
/// (the database fills them), and a case moved to another unit moves its tasks: a wrong or missing key shows as a case
/// missing, repeated or out of order, or a wrong count.
/// </summary>
public sealed class TaskListKeysTests(RuntimeDatabase database) : IClassFixture<RuntimeDatabase>, IAsyncLifetime
{
    private static readonly GroupScopes Scopes = new("hr-admin", ["unit-head", "evaluator"], ["unit-head"]);
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);
    private const int Cases = 4_000;

    private NpgsqlDataSource Db => database.DataSource;

    public async Task InitializeAsync()
    {
        // Case k: unit U1, U2 or none by k % 3; started k / 2 minutes before now; active unless k % 5 == 0. Two tasks on each
        // case but every 4th: offered to ppk and evaluator (k % 4 != 3, twice), or to verifier (assigned to penilai.u1 when k % 10 == 3).
        await ExecuteAsync($"""
            TRUNCATE pppk.instances, pppk.user_tasks, pppk.substitutions, pppk.principals;
            INSERT INTO pppk.instances (id, definition_id, definition_key, version, status, has_incident, started_at, unit_code, business_key)
            SELECT gen_random_uuid(), 1, 'kasus', 1, CASE WHEN k % 5 = 0 THEN 'completed' ELSE 'active' END, false,
                   @now - make_interval(mins => k / 2), (ARRAY['U1', 'U2', NULL])[k % 3 + 1], 'K' || k
            FROM generate_series(0, {Cases - 1}) k;
            INSERT INTO pppk.user_tasks (id, instance_id, wait_id, element_id, assignee, candidate_users, candidate_groups, state, created_at, priority)
            SELECT gen_random_uuid(), i.id, w, 'tugas', CASE WHEN x.k % 10 = 3 AND w = 1 THEN 'penilai.u1' END, ARRAY[]::text[],
                   CASE WHEN x.k % 4 = 3 THEN ARRAY['verifier'] ELSE ARRAY['ppk', 'evaluator'] END, 'open', @now, 50
            FROM pppk.instances i, LATERAL (SELECT substring(i.business_key from 2)::int AS k) x, generate_series(1, 2) w;
            INSERT INTO pppk.principals (user_name, groups, unit_code, active) VALUES ('penilai.u1', ARRAY['evaluator'], 'U1', true);
            INSERT INTO pppk.substitutions (id, user_name, substitute_user_name, valid_from, valid_to, reason, created_by, created_at)
            VALUES (gen_random_uuid(), 'penilai.u1', 'sub.1', @now - interval '1 day', @now + interval '1 day', 'cuti', 'admin', @now);
            ANALYZE pppk.instances; ANALYZE pppk.user_tasks;
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task ExecuteAsync(string sql)
    {
        await using var cmd = Db.CreateCommand(sql);
        cmd.Parameters.AddWithValue("now", Now);
        await cmd.ExecuteNonQueryAsync();
    }

    private sealed record Case(Guid Id, string? Unit, string Status, DateTimeOffset StartedAt, string[] Groups, string? Assigned);

    /// <summary>The seeded cases as the database holds them now, each with its unassigned tasks' groups and an assignee.</summary>
    private async Task<List<Case>> CasesAsync()
    {
        await using var cmd = Db.CreateCommand("""
            SELECT i.id, i.unit_code, i.status, i.started_at,
                   coalesce((SELECT array_agg(DISTINCT g) FROM pppk.user_tasks t, unnest(t.candidate_groups) g WHERE t.instance_id = i.id AND t.assignee IS NULL), '{}'),
                   (SELECT max(t.assignee) FROM pppk.user_tasks t WHERE t.instance_id = i.id)
            FROM pppk.instances i
            """);
        var cases = new List<Case>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            cases.Add(new Case(r.GetGuid(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.GetFieldValue<string[]>(4),
                r.IsDBNull(5) ? null : r.GetString(5)));
        return cases;
    }

    private static List<Guid> Newest(IEnumerable<Case> cases) => cases.OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id).Select(c => c.Id).ToList();

    /// <summary>The whole list by cursor (pages of 97, so pages end inside a pair of cases started at the same instant) and its first pages by page number.</summary>
    private async Task AssertListAsync(Actor actor, InstanceFilter filter, List<Guid> expected)
    {
        Assert.True(expected.Count > 300, $"{expected.Count} cases"); // more than the small cap below
        await AssertByCursorAsync(actor, filter, expected, 97);
        var byPage = new List<Guid>();
        for (var skip = 0; skip < 400; skip += 40) byPage.AddRange((await InstanceTable.PageAsync(Db, filter, actor, Scopes, Now, null, skip, 40, 10_000, default)).Items.Select(i => i.Id));
        Assert.Equal(expected.Take(400), byPage);
        var small = await InstanceTable.PageAsync(Db, filter, actor, Scopes, Now, null, 0, 1, 300, default);
        Assert.Equal((300, true), (small.Total, small.Capped));
    }

    /// <summary>The whole list by cursor in pages of <paramref name="size"/>: the expected cases in order, each page's total exact.</summary>
    private async Task AssertByCursorAsync(Actor actor, InstanceFilter filter, List<Guid> expected, int size)
    {
        var byCursor = new List<Guid>();
        object?[]? after = null;
        while (true)
        {
            var (items, total, capped) = await InstanceTable.PageAsync(Db, filter, actor, Scopes, Now, after, 0, size, 10_000, default);
            Assert.Equal((expected.Count, false), (total, capped));
            byCursor.AddRange(items.Select(i => i.Id));
            if (items.Count < size) break;
            after = InstanceTable.KeyOf(items[^1]);
        }
        Assert.Equal(expected, byCursor);
    }

    [Fact]
    public async Task A_large_groups_member_sees_its_offered_cases_once_each_in_order_with_and_without_a_filter()
    {
        var cases = await CasesAsync();
        var ppk = new Actor("ppk.1", ["ppk"]);
        await AssertListAsync(ppk, new InstanceFilter(), Newest(cases.Where(c => c.Groups.Contains("ppk"))));
        await AssertListAsync(ppk, new InstanceFilter(Status: "active"), Newest(cases.Where(c => c.Groups.Contains("ppk") && c.Status == "active")));
    }

    [Fact]
    public async Task A_case_list_filtered_by_status_follows_cases_that_end_or_come_back()
    {
        // Most cases change status (the steps write it; here an UPDATE does): the completed come back active, the others
        // end completed or terminated. The tasks' copies of the status (migration Issue21CaseStatusCopies) follow, and the
        // walks (a large group's offered tasks, an assignee's tasks) filter on them.
        await ExecuteAsync("""
            UPDATE pppk.instances SET status = CASE WHEN status = 'completed' THEN 'active'
                WHEN substring(business_key from 2)::int % 2 = 0 THEN 'terminated' ELSE 'completed' END
            WHERE substring(business_key from 2)::int % 7 <> 6
            """);
        var cases = await CasesAsync();
        var ppk = new Actor("ppk.1", ["ppk"]);
        foreach (var status in new[] { "active", "completed", "terminated" })
            await AssertListAsync(ppk, new InstanceFilter(Status: status), Newest(cases.Where(c => c.Groups.Contains("ppk") && c.Status == status)));
        var evaluator = new Actor("penilai.u1", ["evaluator"], "U1");
        await AssertListAsync(evaluator, new InstanceFilter(Status: "active"),
            Newest(cases.Where(c => ((c.Unit == "U1" && c.Groups.Contains("evaluator")) || c.Assigned == "penilai.u1") && c.Status == "active")));
    }

    [Fact]
    public async Task A_case_list_filtered_by_version_follows_cases_migrated_to_another_version()
    {
        // Cases are migrated to version 2 and some back (a migration writes the case's version; here an UPDATE does): the
        // tasks' copies of the version (migration Issue21CaseVersionCopies) follow, and the walks of a large group and of an
        // assignee filter on them.
        var ppk = new Actor("ppk.1", ["ppk"]);
        var assignee = new Actor("penilai.u1", []); // sees the cases of the tasks assigned to them
        var version2 = new InstanceFilter { Conditions = new CaseConditions { Version = 2 } };
        await AssertByCursorAsync(ppk, version2, [], 97);
        foreach (var migrated in new[] { "% 3 <> 0", "% 3 <> 1" })
        {
            await ExecuteAsync($"UPDATE pppk.instances SET version = CASE WHEN substring(business_key from 2)::int {migrated} THEN 2 ELSE 1 END");
            foreach (var version in new[] { 1, 2 })
            {
                var filter = new InstanceFilter("kasus") { Conditions = new CaseConditions { Version = version } };
                var offered = await IdsAsync($"""
                    SELECT i.id FROM pppk.instances i WHERE i.version = {version} AND EXISTS (SELECT 1 FROM pppk.user_tasks t
                        WHERE t.instance_id = i.id AND t.assignee IS NULL AND t.candidate_groups && ARRAY['ppk'])
                    ORDER BY i.started_at DESC, i.id DESC
                    """, atLeast: 500);
                await AssertListAsync(ppk, filter, offered);
                var assigned = await IdsAsync($"""
                    SELECT i.id FROM pppk.instances i WHERE i.version = {version} AND EXISTS (SELECT 1 FROM pppk.user_tasks t
                        WHERE t.instance_id = i.id AND t.assignee = 'penilai.u1')
                    ORDER BY i.started_at DESC, i.id DESC
                    """, atLeast: 100);
                await AssertByCursorAsync(assignee, filter, assigned, 97);
            }
        }
    }

    [Fact]
    public async Task A_person_who_completed_or_was_acted_for_on_many_tasks_sees_exactly_their_cases_in_order()
    {
        // Migration Issue21PersonWalks: the tasks a person completed and those done on their behalf are walked in the case
        // list's order. pemeriksa.1 completed the second task of every 3rd case (more than a page's worth, and a case
        // where both tasks name them must come once) and was acted for on the first task of every 4th; none is assigned
        // to them or offered to a group of theirs.
        await ExecuteAsync("""
            UPDATE pppk.user_tasks t SET state = 'completed', completed_by = CASE WHEN t.wait_id = 2 THEN 'pemeriksa.1' ELSE 'sub.9' END,
                on_behalf_of = CASE WHEN t.wait_id = 1 AND x.k % 4 = 0 THEN 'pemeriksa.1' END, ended_at = @now
            FROM (SELECT id, substring(business_key from 2)::int AS k FROM pppk.instances) x
            WHERE x.id = t.instance_id AND ((t.wait_id = 2 AND x.k % 3 = 0) OR (t.wait_id = 1 AND x.k % 4 = 0));
            UPDATE pppk.instances SET status = 'completed' WHERE substring(business_key from 2)::int % 5 = 1;
            """);
        var person = new Actor("pemeriksa.1", []);
        foreach (var status in new string?[] { null, "completed" })
        {
            var expected = await IdsAsync($"""
                SELECT i.id FROM pppk.instances i WHERE ({(status is null ? "TRUE" : $"i.status = '{status}'")}) AND EXISTS (SELECT 1 FROM pppk.user_tasks t
                    WHERE t.instance_id = i.id AND (t.completed_by = 'pemeriksa.1' OR t.on_behalf_of = 'pemeriksa.1'))
                ORDER BY i.started_at DESC, i.id DESC
                """, atLeast: status is null ? 1_500 : 300);
            await AssertListAsync(person, new InstanceFilter(Status: status), expected);
        }
    }

    [Fact]
    public async Task A_case_list_filtered_by_incident_follows_incidents_raised_and_resolved()
    {
        // Incidents are raised on some cases and resolved on others (the steps write has_incident; here an UPDATE does):
        // the tasks' copies of the flag (migration Issue21CaseStatusCopies) follow, and the walks filter on them.
        var ppk = new Actor("ppk.1", ["ppk"]);
        var withIncident = new InstanceFilter { Conditions = new CaseConditions { HasIncident = true } };
        var without = new InstanceFilter { Conditions = new CaseConditions { HasIncident = false } };
        await AssertByCursorAsync(ppk, withIncident, [], 97);
        foreach (var raise in new[] { "% 3 <> 0", "% 3 <> 1" })
        {
            await ExecuteAsync($"UPDATE pppk.instances SET has_incident = substring(business_key from 2)::int {raise}");
            var incidents = await IdsAsync("""
                SELECT i.id FROM pppk.instances i WHERE i.has_incident AND EXISTS (SELECT 1 FROM pppk.user_tasks t
                    WHERE t.instance_id = i.id AND t.assignee IS NULL AND t.candidate_groups && ARRAY['ppk'])
                ORDER BY i.started_at DESC, i.id DESC
                """);
            await AssertListAsync(ppk, withIncident, incidents);
            var cases = await CasesAsync();
            await AssertListAsync(ppk, without, Newest(cases.Where(c => c.Groups.Contains("ppk") && !incidents.Contains(c.Id))));
        }
    }

    [Fact]
    public async Task A_large_groups_member_finds_their_cases_by_a_search_or_a_business_key()
    {
        // A search and a business key name few cases of their own: the walk of the group's tasks reads those cases first.
        await ExecuteAsync("UPDATE pppk.instances SET search = 'kasus nomor ' || substring(business_key from 2)");
        var ppk = new Actor("ppk.1", ["ppk"]);
        foreach (var (filter, cases) in new (InstanceFilter, string)[]
        {
            (new InstanceFilter { Conditions = new CaseConditions { Search = "Nomor 12" } }, "i.search LIKE '%nomor 12%'"),
            (new InstanceFilter(BusinessKey: "K1234"), "i.business_key = 'K1234'"),
            (new InstanceFilter(BusinessKey: "K1235"), "i.business_key = 'K1235'"), // offered to verifier only: not ppk's
        })
        {
            var expected = new List<Guid>();
            await using (var cmd = Db.CreateCommand($"""
                SELECT i.id FROM pppk.instances i WHERE {cases} AND EXISTS (SELECT 1 FROM pppk.user_tasks t
                    WHERE t.instance_id = i.id AND t.assignee IS NULL AND t.candidate_groups && ARRAY['ppk'])
                ORDER BY i.started_at DESC, i.id DESC
                """))
            await using (var r = await cmd.ExecuteReaderAsync())
                while (await r.ReadAsync()) expected.Add(r.GetGuid(0));
            await AssertByCursorAsync(ppk, filter, expected, 7);
            Assert.Equal(expected.Skip(7).Take(7), (await InstanceTable.PageAsync(Db, filter, ppk, Scopes, Now, null, 7, 7, 10_000, default)).Items.Select(i => i.Id));
        }
    }

    [Fact]
    public async Task A_number_is_found_in_every_case_whose_search_text_contains_it_and_in_no_other()
    {
        // Migration Issue21NumberSearch: a number of 16 or more digits is looked up by its first 16 digits on the numbers'
        // index and rechecked whole. Case k carries a NIK built from k; every 7th also an NIP (18 digits) holding case k+1's
        // NIK after "19"; every 11th a 17-digit run glued to letters holding case k+2's NIK then a 9; every 13th its NIK
        // broken by a space (no run of 16). What each search should find is what contains it, by strpos.
        await ExecuteAsync("""
            UPDATE pppk.instances i SET search = 'pegawai ' || x.k || ' '
                || CASE WHEN x.k % 13 = 0 THEN '64020000 ' ELSE '64020000' END || lpad(x.k::text, 8, '0')
                || CASE WHEN x.k % 7 = 0 THEN ' nip 1964020000' || lpad((x.k + 1)::text, 8, '0') ELSE '' END
                || CASE WHEN x.k % 11 = 0 THEN ' no.x64020000' || lpad((x.k + 2)::text, 8, '0') || '9b' ELSE '' END
            FROM (SELECT id, substring(business_key from 2)::int AS k FROM pppk.instances) x WHERE x.id = i.id;
            ANALYZE pppk.instances;
            """);
        var ppk = new Actor("ppk.1", ["ppk"]);
        var admin = new Actor("admin", ["hr-admin"]);
        (string Search, int Cases)[] searches =
        [
            ("6402000000000015", 2), // case 15's NIK, and in case 14's NIP
            ("196402000000000015", 1), // only in case 14's NIP
            (" 6402000000000024 ", 2), // case 24's, and in case 22's run of 17
            ("64020000000000249", 1), // only in case 22's run
            ("64020000000000248", 0), // the first 16 digits are case 24's NIK, the whole number is in no case
            ("6402000000000026", 0), // case 26's NIK is broken by a space, and no run holds it
            ("6402000000001300", 1), // case 1300's NIK is broken; case 1298's run holds it
            ("6402000000009999", 0), // no such case
            ("640200000000001", 9), // 15 digits, the trigram search: the NIKs of cases 10 to 19 but the broken 13
        ];
        foreach (var (search, count) in searches)
        {
            var term = search.Trim();
            var filter = new InstanceFilter { Conditions = new CaseConditions { Search = search } };
            var all = await IdsAsync($"SELECT i.id FROM pppk.instances i WHERE strpos(i.search, '{term}') > 0 ORDER BY i.started_at DESC, i.id DESC", atLeast: 0);
            Assert.True(count == all.Count, $"{search}: {all.Count} cases");
            await AssertByCursorAsync(admin, filter, all, 3);
            var offered = await IdsAsync($"""
                SELECT i.id FROM pppk.instances i WHERE strpos(i.search, '{term}') > 0 AND EXISTS (SELECT 1 FROM pppk.user_tasks t
                    WHERE t.instance_id = i.id AND t.assignee IS NULL AND t.candidate_groups && ARRAY['ppk'])
                ORDER BY i.started_at DESC, i.id DESC
                """, atLeast: 0);
            await AssertByCursorAsync(ppk, filter, offered, 3);
            var tasks = await IdsAsync($"""
                SELECT t.id FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id
                WHERE strpos(i.search, '{term}') > 0 AND t.state = 'open' AND t.assignee IS NULL AND t.candidate_groups && ARRAY['ppk']
                """, atLeast: 0);
            var page = await TaskInbox.PageAsync(Db, new InboxFilter(new TaskFilter(), Search: search), ppk, Scopes, Now, "due", null, 0, 250, default);
            Assert.Equal(tasks.Order(), page.Items.Select(t => t.Id).Order());
            Assert.Equal(tasks.Count, page.Total);
        }
    }

    [Fact]
    public async Task A_group_remembered_as_large_is_still_listed_exactly_when_it_has_become_small()
    {
        // The group's size chooses how its branch is read and is remembered for a minute when large: read as large
        // (walked) once it is small again, the list and the inbox still show exactly its cases and tasks.
        var ppk = new Actor("ppk.1", ["ppk"]);
        var cases = await CasesAsync();
        await AssertByCursorAsync(ppk, new InstanceFilter(), Newest(cases.Where(c => c.Groups.Contains("ppk"))), 500);
        await ExecuteAsync("DELETE FROM pppk.user_tasks WHERE candidate_groups && ARRAY['ppk'] AND substring(instance_id::text, 1, 1) <> 'a'");
        cases = await CasesAsync();
        var few = Newest(cases.Where(c => c.Groups.Contains("ppk")));
        Assert.InRange(few.Count, 1, Visibility.ReadFirstCap);
        await AssertByCursorAsync(ppk, new InstanceFilter(), few, 97);
        var (open, _) = await TaskInbox.CountOpenAsync(Db, ppk, Scopes, Now, default);
        Assert.Equal(await CountAsync("SELECT count(*) FROM pppk.user_tasks WHERE state = 'open' AND assignee IS NULL AND candidate_groups && ARRAY['ppk']"), open);

        // A group with no task, then with some: an empty or small group is counted each time, never remembered.
        var finance = new Actor("keuangan.1", ["finance"]);
        await AssertByCursorAsync(finance, new InstanceFilter(), [], 97);
        Assert.Equal(0, (await TaskInbox.CountOpenAsync(Db, finance, Scopes, Now, default)).Open);
        await ExecuteAsync("UPDATE pppk.user_tasks SET candidate_groups = candidate_groups || ARRAY['finance'] WHERE candidate_groups && ARRAY['verifier']");
        cases = await CasesAsync();
        await AssertByCursorAsync(finance, new InstanceFilter(), Newest(cases.Where(c => c.Groups.Contains("finance"))), 97);
        Assert.Equal(await CountAsync("SELECT count(*) FROM pppk.user_tasks WHERE state = 'open' AND assignee IS NULL AND candidate_groups && ARRAY['finance']"),
            (await TaskInbox.CountOpenAsync(Db, finance, Scopes, Now, default)).Open);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var cmd = Db.CreateCommand(sql);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_unit_scoped_member_and_their_substitute_follow_a_case_moved_to_another_unit()
    {
        var evaluator = new Actor("penilai.u1", ["evaluator"], "U1");
        var substitute = new Actor("sub.1", ["verifier"]);
        // Offered to evaluator in U1, or assigned to penilai.u1 (any unit); their substitute sees these and, in their own right (verifier), the cases offered to verifier.
        List<Guid> Expected(List<Case> cases) => Newest(cases.Where(c => (c.Unit == "U1" && c.Groups.Contains("evaluator")) || c.Assigned == "penilai.u1"));
        var cases = await CasesAsync();
        await AssertListAsync(evaluator, new InstanceFilter(), Expected(cases));

        // Cases of U2 move to U1 and of U1 to none: their tasks follow (the step writes the case's unit; here an UPDATE does).
        await ExecuteAsync("""
            UPDATE pppk.instances SET unit_code = CASE unit_code WHEN 'U2' THEN 'U1' ELSE NULL END
            WHERE unit_code IN ('U1', 'U2') AND substring(business_key from 2)::int % 7 = 0
            """);
        cases = await CasesAsync();
        var moved = Expected(cases);
        await AssertListAsync(evaluator, new InstanceFilter(), moved);
        var withVerifier = Newest(cases.Where(c => moved.Contains(c.Id) || c.Groups.Contains("verifier")));
        await AssertListAsync(substitute, new InstanceFilter(), withVerifier);
    }

    [Fact]
    public async Task A_substitutes_inbox_is_their_own_and_the_stood_in_users_open_tasks()
    {
        // The rule of README "Who sees what", written out: sub.1's own (verifier) and penilai.u1's (assigned, or evaluator in U1).
        var expected = await IdsAsync("""
            SELECT t.id FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id
            WHERE t.state = 'open' AND (t.assignee = 'penilai.u1'
                OR (t.assignee IS NULL AND (t.candidate_groups && ARRAY['verifier'] OR (t.candidate_groups && ARRAY['evaluator'] AND i.unit_code = 'U1'))))
            """);
        await AssertInboxAsync(new Actor("sub.1", ["verifier"]), expected);
    }

    private async Task<List<Guid>> IdsAsync(string sql, int atLeast = 1_001)
    {
        await using var cmd = Db.CreateCommand(sql);
        var ids = new List<Guid>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) ids.Add(r.GetGuid(0));
        Assert.True(ids.Count >= atLeast, $"{ids.Count} rows");
        return ids;
    }

    /// <summary>The inbox's count and all its pages by cursor: the expected tasks, once each.</summary>
    private async Task AssertInboxAsync(Actor actor, List<Guid> expected)
    {
        var (open, _) = await TaskInbox.CountOpenAsync(Db, actor, Scopes, Now, default);
        Assert.Equal(expected.Count, open);
        var seen = new List<Guid>();
        InboxKey? after = null;
        do
        {
            var page = await TaskInbox.PageAsync(Db, new InboxFilter(new TaskFilter()), actor, Scopes, Now, "due", after, 0, 250, default);
            Assert.Equal((expected.Count, false), (page.Total, page.TotalCapped));
            seen.AddRange(page.Items.Select(t => t.Id));
            after = page.Next;
        } while (after is not null);
        Assert.Equal(expected.Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_unit_heads_inbox_count_and_pages_read_the_tasks_unit()
    {
        await ExecuteAsync("""
            UPDATE pppk.user_tasks SET candidate_groups = candidate_groups || ARRAY['unit-head'];
            UPDATE pppk.instances SET unit_code = 'U2' WHERE unit_code = 'U1' AND substring(business_key from 2)::int % 11 = 0;
            """);
        var expected = await IdsAsync("""
            SELECT t.id FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id
            WHERE i.unit_code = 'U1' AND t.assignee IS NULL AND t.state = 'open'
            """);
        await AssertInboxAsync(new Actor("kepala.u1", ["unit-head"], "U1"), expected);
    }
}
