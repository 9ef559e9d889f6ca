using Npgsql;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Runtime.Tests.UserTasks;

/// <summary>
/// Issue 21: the inbox's open tasks of anyone but an administrator are a union of the visibility rule's branches (assigned,
/// offered by name, by organisation-wide group, by unit-scoped group in the caller's unit), each read in the page's order.
/// For a seeded mix of tasks, a unit head's, a group member's and an evaluator's inbox, walked by cursor one row at a time
/// (so the cursor crosses branches) in every sort, is exactly the set the rule names — computed here from the seeded
/// facts — in the sort's order, once each; pages by offset and the capped count agree, with and without filters.
/// </summary>
public sealed class InboxVisibilityTests(RuntimeDatabase database) : IClassFixture<RuntimeDatabase>, IAsyncLifetime
{
    private static readonly GroupScopes Scopes = new("hr-admin", ["unit-head", "evaluator"], ["unit-head"]);
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);

    private sealed record TaskRow(Guid Id, Guid Instance, int Case, string? Unit, string Workflow, string? Assignee, string[] Users, string[] Groups, string State,
        DateTimeOffset? DueAt, int Priority, DateTimeOffset CreatedAt);

    public static TheoryData<string> Callers => ["unit head U1", "member of ppk", "evaluator U1"];

    private static Actor ActorOf(string caller) => caller switch
    {
        "unit head U1" => new("kepala.u1", ["unit-head"], "U1"),
        "member of ppk" => new("ppk.1", ["ppk"]),
        _ => new("penilai.u1", ["evaluator"], "U1"),
    };

    private readonly List<TaskRow> _tasks = [];
    private NpgsqlDataSource Db => database.DataSource;

    public async Task InitializeAsync()
    {
        await SeedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>60 cases in two units (and none), each with up to 3 tasks of every kind; due dates, priorities and creation times repeat, so the id breaks ties.</summary>
    private async Task SeedAsync()
    {
        var random = new Random(21);
        T Pick<T>(params T[] from) => from[random.Next(from.Length)];
        await using var batch = Db.CreateBatch();
        batch.BatchCommands.Add(new("TRUNCATE pppk.instances, pppk.user_tasks, pppk.substitutions"));
        var wait = 0L;
        for (var c = 0; c < 60; c++)
        {
            var instance = Guid.NewGuid();
            var unit = Pick("U1", "U2", null);
            var workflow = Pick("kenaikan", "cuti");
            batch.BatchCommands.Add(SeedCommand.Of("""
                INSERT INTO pppk.instances (id, definition_id, definition_key, version, status, has_incident, started_at, unit_code, search)
                VALUES (@id, 1, @key, 1, 'active', false, @at, @unit, @search)
                """, ("id", instance), ("key", workflow), ("at", Now), ("unit", (object?)unit ?? DBNull.Value), ("search", $"kasus {c}")));
            for (var n = random.Next(4); n > 0; n--)
            {
                var task = new TaskRow(Guid.NewGuid(), instance, c, unit, workflow, Pick(null, null, null, "penilai.u1", "kepala.u1", "ppk.1", "lain"),
                    Pick("", "penilai.u1", "kepala.u1", "ppk.1", "lain")!.Split(',', StringSplitOptions.RemoveEmptyEntries),
                    Pick("", "unit-head", "evaluator", "ppk", "verifier", "unit-head,ppk", "evaluator,ppk")!.Split(',', StringSplitOptions.RemoveEmptyEntries),
                    Pick("open", "open", "open", "completed"), Pick<DateTimeOffset?>(null, Now.AddDays(-1), Now.AddHours(3), Now.AddDays(3), Now.AddDays(30)),
                    Pick(10, 50, 90), Now.AddMinutes(-random.Next(3)));
                _tasks.Add(task);
                batch.BatchCommands.Add(SeedCommand.Of("""
                    INSERT INTO pppk.user_tasks (id, instance_id, wait_id, element_id, assignee, candidate_users, candidate_groups, state, created_at, due_at, priority)
                    VALUES (@id, @inst, @wait, 'tugas', @assignee, @users, @groups, @state, @at, @due, @priority)
                    """, ("id", task.Id), ("inst", instance), ("wait", ++wait), ("assignee", (object?)task.Assignee ?? DBNull.Value), ("users", task.Users),
                    ("groups", task.Groups), ("state", task.State), ("at", task.CreatedAt), ("due", (object?)task.DueAt ?? DBNull.Value), ("priority", task.Priority)));
            }
        }
        batch.BatchCommands.Add(new("ANALYZE pppk.instances"));
        batch.BatchCommands.Add(new("ANALYZE pppk.user_tasks"));
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>The rule of README "Who sees what" for open tasks of a caller who stands in for no one, from the seeded facts, in <paramref name="sort"/> order.</summary>
    private List<Guid> Expected(Actor actor, string sort, Func<TaskRow, bool>? where = null)
    {
        var seen = _tasks.Where(t => t.State == "open" && (t.Assignee == actor.Name
            || (t.Assignee is null && (t.Users.Contains(actor.Name) || t.Groups.Intersect(Scopes.GroupsFor(actor.Roles, actor.UnitCode, t.Unit)).Any()))));
        if (where is not null) seen = seen.Where(where);
        // PostgreSQL orders uuids by their bytes as written: the hex text's order.
        var keys = seen.Select(t => (Id: t.Id, Keys: new object[] { -t.Priority, t.DueAt ?? DateTimeOffset.MaxValue, t.CreatedAt, t.Id.ToString("N") }));
        var skipPriority = sort.TrimStart('-') == "priority" ? 0 : 1;
        var skipDue = sort.TrimStart('-') == "created" ? 2 : skipPriority;
        var ordered = keys.Select(k => (k.Id, Keys: k.Keys.Skip(skipDue).ToArray())).ToList();
        ordered.Sort((a, b) => a.Keys.Zip(b.Keys, (x, y) => x is string s ? string.CompareOrdinal(s, (string)y) : Comparer<object>.Default.Compare(x, y)).FirstOrDefault(c => c != 0));
        if (sort.StartsWith('-')) ordered.Reverse();
        return ordered.Select(k => k.Id).ToList();
    }

    private Task<InboxPage> PageAsync(Actor actor, InboxFilter filter, string sort, InboxKey? after, int skip, int take, int cap = 10_000) =>
        TaskInbox.PageAsync(Db, filter, actor, Scopes, Now, sort, after, skip, take, default, cap);

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Each_callers_inbox_walked_one_row_at_a_time_in_every_sort_is_exactly_the_rules_set_once_each_in_order(string caller)
    {
        var actor = ActorOf(caller);
        foreach (var sort in TaskInbox.Sorts)
        {
            var expected = Expected(actor, sort);
            Assert.True(expected.Count > 5, $"{caller}: {expected.Count} tasks");
            var seen = new List<Guid>();
            InboxKey? after = null;
            do
            {
                var page = await PageAsync(actor, new InboxFilter(new TaskFilter()), sort, after, 0, 1);
                Assert.Equal((expected.Count, false), (page.Total, page.TotalCapped));
                seen.AddRange(page.Items.Select(t => t.Id));
                after = page.Next;
            } while (after is not null);
            Assert.Equal(expected, seen);

            var byPage = new List<Guid>();
            for (var skip = 0; skip < expected.Count; skip += 4) byPage.AddRange((await PageAsync(actor, new InboxFilter(new TaskFilter()), sort, null, skip, 4)).Items.Select(t => t.Id));
            Assert.Equal(expected, byPage);
        }
        var small = await PageAsync(actor, new InboxFilter(new TaskFilter()), "due", null, 0, 1, cap: 5);
        Assert.Equal((5, true), (small.Total, small.TotalCapped));
        var (open, overdue) = await TaskInbox.CountOpenAsync(Db, actor, Scopes, Now, default);
        Assert.Equal((Expected(actor, "due").Count, Expected(actor, "due", t => t.DueAt < Now).Count), (open, overdue));
    }

    public static TheoryData<string, string> Filters => new()
    {
        { "unit head U1", "groups" }, { "unit head U1", "me" }, { "member of ppk", "overdue" }, { "member of ppk", "workflow" },
        { "evaluator U1", "unit U1" }, { "evaluator U1", "search" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task A_filtered_inbox_walked_by_cursor_is_the_rules_set_with_the_filter(string caller, string filter)
    {
        var actor = ActorOf(caller);
        var (inbox, where) = filter switch
        {
            "groups" => (new InboxFilter(new TaskFilter(), Assigned: "groups"), t => t.Assignee is null),
            "me" => (new InboxFilter(new TaskFilter(), Assigned: "me"), t => t.Assignee == actor.Name),
            "overdue" => (new InboxFilter(new TaskFilter(), Due: "overdue"), t => t.DueAt < Now),
            "workflow" => (new InboxFilter(new TaskFilter(DefinitionKey: "cuti")), t => t.Workflow == "cuti"),
            "unit U1" => (new InboxFilter(new TaskFilter(UnitCode: "U1")), t => t.Unit == "U1"),
            // "kasus 1" is in the search text of cases 1 and 10-19.
            _ => (new InboxFilter(new TaskFilter(), Search: "KASUS 1"), (Func<TaskRow, bool>)(t => $"kasus {t.Case}".StartsWith("kasus 1", StringComparison.Ordinal))),
        };
        foreach (var sort in new[] { "priority", "-due" })
        {
            var expected = Expected(actor, sort, where);
            Assert.NotEmpty(expected);
            var seen = new List<Guid>();
            InboxKey? after = null;
            do
            {
                var page = await PageAsync(actor, inbox, sort, after, 0, 1);
                Assert.Equal(expected.Count, page.Total);
                seen.AddRange(page.Items.Select(t => t.Id));
                after = page.Next;
            } while (after is not null);
            Assert.Equal(expected, seen);
        }
    }
}
