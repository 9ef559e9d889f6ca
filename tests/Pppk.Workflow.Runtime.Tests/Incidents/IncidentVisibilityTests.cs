using Npgsql;
using Pppk.Workflow.Runtime.Incidents;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Runtime.Tests.Incidents;

/// <summary>
/// Issue 21: a unit head's incidents are read by the branches of the visibility rule, the unit's on the incidents' own copy
/// of their case's unit (<c>case_unit</c>, kept by the database). The list, its count, its offset and cursor pages and its
/// facets are the open incidents of exactly the cases the rule names: the unit's (also after a case moves into it, not
/// after one moves out), the cases with a task assigned to the head or completed by them, the cases about them.
/// </summary>
public sealed class IncidentVisibilityTests(RuntimeDatabase database) : IClassFixture<RuntimeDatabase>, IAsyncLifetime
{
    private static readonly GroupScopes Scopes = new("hr-admin", ["unit-head", "evaluator"], ["unit-head"]);
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);
    private const string HeadNik = "6402000000000001";
    private static readonly Actor Head = new("kepala.u1", ["unit-head"], "U1", HeadNik);

    private sealed record Case(Guid Id, string Key, string? Unit, string? Assignee = null, string? CompletedBy = null, string? Subject = null)
    {
        public string? UnitNow { get; set; } = Unit;
    }

    private readonly List<Case> _cases = [];
    private readonly List<(Guid Instance, string Code)> _open = [];
    private NpgsqlDataSource Db => database.DataSource;

    public async Task InitializeAsync()
    {

        for (var c = 0; c < 30; c++) _cases.Add(new(Guid.NewGuid(), c % 2 == 0 ? "a" : "b", (c % 3) switch { 0 => "U1", 1 => "U2", _ => null }));
        _cases.AddRange([
            new(Guid.NewGuid(), "a", "U2", Assignee: Head.Name), new(Guid.NewGuid(), "b", null, CompletedBy: Head.Name),
            new(Guid.NewGuid(), "a", "U2", Subject: HeadNik), new(Guid.NewGuid(), "b", "U2", Assignee: "penilai.lain"),
        ]);
        var random = new Random(7);
        await using var batch = Db.CreateBatch();
        var n = 0;
        foreach (var c in _cases)
        {
            batch.BatchCommands.Add(SeedCommand.Of("""
                INSERT INTO pppk.instances (id, definition_id, definition_key, version, status, has_incident, started_at, unit_code, subject)
                VALUES (@id, 1, @key, 1, 'active', true, @at, @unit, @subject)
                """, ("id", c.Id), ("key", c.Key), ("at", Now), ("unit", (object?)c.Unit ?? DBNull.Value), ("subject", (object?)c.Subject ?? DBNull.Value)));
            if (c.Assignee is not null || c.CompletedBy is not null)
                batch.BatchCommands.Add(SeedCommand.Of("""
                    INSERT INTO pppk.user_tasks (id, instance_id, wait_id, element_id, assignee, candidate_users, candidate_groups, state, created_at, completed_by, priority)
                    VALUES (gen_random_uuid(), @inst, @wait, 'tugas', @assignee, '{}', '{}', @state, @at, @by, 50)
                    """, ("inst", c.Id), ("wait", ++n), ("assignee", (object?)c.Assignee ?? DBNull.Value), ("state", c.CompletedBy is null ? "open" : "completed"),
                    ("at", Now), ("by", (object?)c.CompletedBy ?? DBNull.Value)));
            for (var k = 1 + random.Next(3); k > 0; k--)
            {
                var code = random.Next(2) == 0 ? "job-failed" : "timeout";
                var open = random.Next(4) > 0;
                if (open) _open.Add((c.Id, code));
                batch.BatchCommands.Add(SeedCommand.Of("""
                    INSERT INTO pppk.incidents (instance_id, engine_incident_id, element_id, message, created_at, code, resolved_at)
                    VALUES (@inst, @n, 'tugas', 'gagal', @at, @code, @resolved)
                    """, ("inst", c.Id), ("n", ++n), ("at", Now.AddMinutes(-(n % 5))), ("code", code), ("resolved", open ? DBNull.Value : Now)));
            }
        }
        await batch.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The cases of the head's open incidents by the rule, one entry per incident.</summary>
    private List<Guid> Expected() =>
        [.. _open.Where(x => _cases.Single(c => c.Id == x.Instance) is var c && (c.UnitNow == "U1" || c.Assignee == Head.Name || c.CompletedBy == Head.Name || c.Subject == HeadNik))
            .Select(x => x.Instance).Order()];

    [Fact]
    public async Task A_unit_heads_incidents_are_those_of_the_cases_the_rule_names_by_offset_by_cursor_counted_and_grouped()
    {
        await AssertHeadSeesExpectedAsync();

        // A case moves into the unit and one moves out: the incidents' copy of the unit follows the case.
        var movedIn = _cases.First(c => c.Unit == "U2" && c.Assignee is null && c.Subject is null && _open.Any(x => x.Instance == c.Id));
        var movedOut = _cases.First(c => c.Unit == "U1" && _open.Any(x => x.Instance == c.Id));
        await using (var move = Db.CreateCommand("UPDATE pppk.instances SET unit_code = CASE WHEN id = @in THEN 'U1' ELSE 'U2' END WHERE id IN (@in, @out)"))
        {
            move.Parameters.AddWithValue("in", movedIn.Id);
            move.Parameters.AddWithValue("out", movedOut.Id);
            await move.ExecuteNonQueryAsync();
        }
        (movedIn.UnitNow, movedOut.UnitNow) = ("U1", "U2");
        await AssertHeadSeesExpectedAsync();

        // A new incident in the unit takes its case's unit when written.
        var late = _cases.First(c => c.UnitNow == "U1" && c != movedIn);
        await using (var raise = Db.CreateCommand("INSERT INTO pppk.incidents (instance_id, engine_incident_id, element_id, message, created_at, code) VALUES (@inst, 99999, 'tugas', 'gagal', @at, 'late')"))
        {
            raise.Parameters.AddWithValue("inst", late.Id);
            raise.Parameters.AddWithValue("at", Now);
            await raise.ExecuteNonQueryAsync();
        }
        _open.Add((late.Id, "late"));
        await AssertHeadSeesExpectedAsync();
    }

    private async Task AssertHeadSeesExpectedAsync()
    {
        var expected = Expected();
        Assert.Contains(expected, id => _cases.Single(c => c.Id == id).UnitNow != "U1");

        // By cursor, 4 a page; by offset, 4 a page: the same rows in the same order.
        var byCursor = new List<IncidentRow>();
        var (rows, total, capped) = await IncidentList.PageAsync(Db, new IncidentFilter(), Head, Scopes, Now, false, null, 0, 4, default);
        Assert.Equal((expected.Count, false), (total, capped));
        for (byCursor.AddRange(rows); rows.Count == 4; byCursor.AddRange(rows))
            (rows, _, _) = await IncidentList.PageAsync(Db, new IncidentFilter(), Head, Scopes, Now, false, IncidentList.KeyOf(byCursor[^1]), 0, 4, default);
        var byOffset = new List<IncidentRow>();
        for (var skip = 0; skip <= expected.Count; skip += 4)
            byOffset.AddRange((await IncidentList.PageAsync(Db, new IncidentFilter(), Head, Scopes, Now, false, null, skip, 4, default)).Items);
        Assert.Equal(expected, byCursor.Select(x => x.InstanceId).Order());
        Assert.Equal(byCursor.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Select(x => x.Id), byCursor.Select(x => x.Id));
        Assert.Equal(byCursor.Select(x => x.Id), byOffset.Select(x => x.Id));

        // With a filter on the case (its workflow) the branches join the cases.
        var ofA = await IncidentList.PageAsync(Db, new IncidentFilter(DefinitionKey: "a"), Head, Scopes, Now, false, null, 0, 500, default);
        Assert.Equal(expected.Where(id => _cases.Single(c => c.Id == id).Key == "a"), ofA.Items.Select(x => x.InstanceId).Order());
        Assert.Equal(ofA.Items.Count, ofA.Total);

        var facets = await IncidentList.FacetsAsync(Db, Head, Scopes, Now, false, default);
        Assert.Equal(expected.Count, facets.Sum(f => f.Count));
        Assert.Equal(_open.Where(x => expected.Contains(x.Instance)).GroupBy(x => x.Code).Select(g => (g.Key, g.Count())).Order(),
            facets.GroupBy(f => f.Code).Select(g => (g.Key!, g.Sum(f => f.Count))).Order());
    }
}
