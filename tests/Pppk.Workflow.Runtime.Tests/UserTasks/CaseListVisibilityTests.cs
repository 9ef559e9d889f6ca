using Npgsql;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Runtime.Tests.UserTasks;

/// <summary>
/// Issue 21: the case list of anyone but an administrator is a union of the case rule's branches (<c>Visibility.CaseBranchesAsync</c>).
/// For a seeded mix of cases and tasks, each kind of caller's list, walked by cursor and by page, is exactly the set the
/// rule ("Who sees what") names — computed here from the seeded facts — in the list's order, once each; the counts agree.
/// </summary>
public sealed class CaseListVisibilityTests(RuntimeDatabase database) : IClassFixture<RuntimeDatabase>, IAsyncLifetime
{
    private static readonly GroupScopes Scopes = new("hr-admin", ["unit-head", "evaluator"], ["unit-head"]);
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);
    private const string Nik = "6402010101900001";

    private sealed record Case(Guid Id, string? Unit, string? Subject, DateTimeOffset StartedAt);

    private sealed record TaskRow(Guid Instance, string? Assignee, string[] Users, string[] Groups, string State, string? CompletedBy, string? OnBehalfOf);

    private sealed record Principal(string Name, string[] Groups, string? Unit);

    private static readonly Principal[] Principals =
    [
        new("kepala.u2", ["unit-head"], "U2"), new("penilai.u1", ["evaluator"], "U1"), new("ppk.1", ["ppk"], null), new("sub.1", ["verifier"], null),
    ];

    // sub.1 stands in for kepala.u2 now; their stand-in for penilai.u1 has ended.
    private static readonly (string User, string Substitute, DateTimeOffset From, DateTimeOffset To)[] Substitutions =
    [
        ("kepala.u2", "sub.1", Now.AddDays(-1), Now.AddDays(1)), ("penilai.u1", "sub.1", Now.AddDays(-10), Now.AddDays(-2)),
    ];

    public static TheoryData<string> Callers => ["unit head U1", "evaluator U1", "org group ppk", "employee (subject)", "substitute in force", "unit head without unit", "hr-admin"];

    private static Actor ActorOf(string caller) => caller switch
    {
        "unit head U1" => new("kepala.u1", ["unit-head"], "U1"),
        "evaluator U1" => new("penilai.u1", ["evaluator"], "U1"),
        "org group ppk" => new("ppk.1", ["ppk"]),
        "employee (subject)" => new("pegawai.1", ["employee"], "U1", Nik),
        "substitute in force" => new("sub.1", ["verifier"]),
        "unit head without unit" => new("kepala.x", ["unit-head"]),
        _ => new("admin", ["hr-admin"]),
    };

    private readonly List<Case> _cases = [];
    private readonly List<TaskRow> _tasks = [];
    private NpgsqlDataSource Db => database.DataSource;

    public async Task InitializeAsync()
    {
        Seed();
        await WriteAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>80 cases in two units (and none), some about the employee, pairs started at the same instant (the id breaks the tie), each with up to 3 tasks of every kind.</summary>
    private void Seed()
    {
        var random = new Random(21);
        string? Pick(params string?[] from) => from[random.Next(from.Length)];
        for (var c = 0; c < 80; c++)
        {
            var id = Guid.NewGuid();
            _cases.Add(new Case(id, Pick("U1", "U2", null), c % 7 == 0 ? Nik : Pick("6402000000000002", null), Now.AddMinutes(-(c / 2))));
            for (var n = random.Next(4); n > 0; n--)
            {
                var state = Pick("open", "completed", "cancelled")!;
                var completedBy = state == "completed" ? Pick("penilai.u1", "sub.1", "kepala.u1", "ppk.1", "lain") : null;
                _tasks.Add(new TaskRow(id, Pick(null, null, "penilai.u1", "kepala.u2", "ppk.1", "lain"),
                    Pick("", "penilai.u1", "kepala.u2", "sub.1", "ppk.1", "lain")!.Split(',', StringSplitOptions.RemoveEmptyEntries),
                    Pick("", "unit-head", "evaluator", "ppk", "verifier", "unit-head,ppk")!.Split(',', StringSplitOptions.RemoveEmptyEntries),
                    state, completedBy, completedBy == "sub.1" ? Pick("kepala.u2", "penilai.u1") : null));
            }
        }
    }

    private async Task WriteAsync()
    {
        await using var batch = Db.CreateBatch();
        // The host's view of its users, as a table: the runtime's tests have no host.
        batch.BatchCommands.Add(new("TRUNCATE pppk.instances, pppk.user_tasks, pppk.substitutions, pppk.principals"));
        foreach (var c in _cases)
            batch.BatchCommands.Add(SeedCommand.Of("""
                INSERT INTO pppk.instances (id, definition_id, definition_key, version, status, has_incident, started_at, unit_code, subject)
                VALUES (@id, 1, 'kasus', 1, 'active', false, @at, @unit, @subject)
                """, ("id", c.Id), ("at", c.StartedAt), ("unit", (object?)c.Unit ?? DBNull.Value), ("subject", (object?)c.Subject ?? DBNull.Value)));
        var wait = 0L;
        foreach (var t in _tasks)
            batch.BatchCommands.Add(SeedCommand.Of("""
                INSERT INTO pppk.user_tasks (id, instance_id, wait_id, element_id, assignee, candidate_users, candidate_groups, state, created_at, completed_by, on_behalf_of, priority)
                VALUES (gen_random_uuid(), @inst, @wait, 'tugas', @assignee, @users, @groups, @state, @at, @by, @obo, 50)
                """, ("inst", t.Instance), ("wait", ++wait), ("assignee", (object?)t.Assignee ?? DBNull.Value), ("users", t.Users), ("groups", t.Groups),
                ("state", t.State), ("at", Now), ("by", (object?)t.CompletedBy ?? DBNull.Value), ("obo", (object?)t.OnBehalfOf ?? DBNull.Value)));
        foreach (var p in Principals)
            batch.BatchCommands.Add(SeedCommand.Of("INSERT INTO pppk.principals (user_name, groups, unit_code, active) VALUES (@n, @g, @u, true)",
                ("n", p.Name), ("g", p.Groups), ("u", (object?)p.Unit ?? DBNull.Value)));
        foreach (var s in Substitutions)
            batch.BatchCommands.Add(SeedCommand.Of("""
                INSERT INTO pppk.substitutions (id, user_name, substitute_user_name, valid_from, valid_to, reason, created_by, created_at)
                VALUES (gen_random_uuid(), @u, @s, @from, @to, 'cuti', 'admin', @from)
                """, ("u", s.User), ("s", s.Substitute), ("from", s.From), ("to", s.To)));
        batch.BatchCommands.Add(new("ANALYZE pppk.instances"));
        batch.BatchCommands.Add(new("ANALYZE pppk.user_tasks"));
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>The rule of README "Who sees what", from the seeded facts: the cases of <paramref name="actor"/>, newest first.</summary>
    private List<Guid> Expected(Actor actor)
    {
        bool Offered(TaskRow t, Case c, string name, IEnumerable<string> groups, string? unit) =>
            t.Assignee is null && (t.Users.Contains(name) || t.Groups.Intersect(Scopes.GroupsFor(groups, unit, c.Unit)).Any());
        bool Sees(TaskRow t, Case c) =>
            t.Assignee == actor.Name || t.CompletedBy == actor.Name || t.OnBehalfOf == actor.Name || Offered(t, c, actor.Name, actor.Roles, actor.UnitCode)
            || Substitutions.Where(s => s.Substitute == actor.Name && s.From <= Now && s.To > Now).Select(s => Principals.Single(p => p.Name == s.User))
                .Any(p => t.Assignee == p.Name || Offered(t, c, p.Name, p.Groups, p.Unit));
        var unitHead = actor.UnitCode is not null && actor.Roles.Any(Scopes.UnitWide.Contains);
        return _cases
            .Where(c => Scopes.IsAdministrator(actor) || (unitHead && c.Unit == actor.UnitCode) || (actor.EmployeeNik is not null && c.Subject == actor.EmployeeNik)
                || _tasks.Any(t => t.Instance == c.Id && Sees(t, c)))
            .OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id).Select(c => c.Id).ToList();
    }

    private Task<(List<InstanceView> Items, int Total, bool Capped)> PageAsync(Actor actor, object?[]? after, int skip, int take, int cap = 10_000) =>
        InstanceTable.PageAsync(Db, new InstanceFilter(), actor, Scopes, Now, after, skip, take, cap, default);

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Each_callers_list_walked_by_cursor_and_by_page_is_exactly_the_rules_set_once_each_in_order(string caller)
    {
        var actor = ActorOf(caller);
        var expected = Expected(actor);
        if (actor.Name != "kepala.x") Assert.NotEmpty(expected);

        var byCursor = new List<Guid>();
        object?[]? after = null;
        while (true)
        {
            var (items, total, capped) = await PageAsync(actor, after, 0, 3);
            Assert.Equal((expected.Count, false), (total, capped));
            byCursor.AddRange(items.Select(i => i.Id));
            if (items.Count < 3) break;
            after = InstanceTable.KeyOf(items[^1]);
        }
        Assert.Equal(expected, byCursor);

        var byPage = new List<Guid>();
        for (var skip = 0; skip < expected.Count + 4; skip += 4) byPage.AddRange((await PageAsync(actor, null, skip, 4)).Items.Select(i => i.Id));
        Assert.Equal(expected, byPage);

        // The capped count: exact up to the cap, else the cap and capped; and the uncapped list's total.
        var small = await PageAsync(actor, null, 0, 1, cap: 5);
        Assert.Equal((Math.Min(expected.Count, 5), expected.Count > 5), (small.Total, small.Capped));
        Assert.Equal(expected.Count, (await InstanceTable.ListAsync(Db, new InstanceFilter(), actor, Scopes, Now, 0, 1, default)).Total);
        foreach (var id in expected.Take(5).Concat(_cases.Select(c => c.Id).Except(expected).Take(5)))
            Assert.Equal(expected.Contains(id), await InstanceTable.SeesCaseAsync(Db, id, actor, Scopes, Now, default));
    }

    [Fact]
    public async Task A_case_two_branches_name_appears_once_and_a_cursor_across_branches_neither_skips_nor_repeats()
    {
        // The unit head of U1 who is also the subject: a U1 case about them is in two branches; the cases started at the
        // same instant alternate between the unit branch and the subject branch, so each page's last row is another branch's.
        var actor = new Actor("kepala.u1", ["unit-head"], "U1", Nik);
        var expected = Expected(actor);
        Assert.Contains(_cases, c => c.Unit == "U1" && c.Subject == Nik);
        var seen = new List<Guid>();
        object?[]? after = null;
        do
        {
            var (items, _, _) = await PageAsync(actor, after, 0, 1);
            seen.AddRange(items.Select(i => i.Id));
            after = items.Count == 0 ? null : InstanceTable.KeyOf(items[^1]);
        } while (after is not null);
        Assert.Equal(expected, seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }
}
