using Npgsql;
using Pppk.Workflow.Runtime.Incidents;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Runtime.Tests.Incidents;

/// <summary>
/// Issue 21: the incidents list counts the incidents alone when neither the filter nor the caller's visibility reads the
/// cases (an administrator without a workflow, unit or search filter), else with their cases. Either way the count and the
/// pages are the open incidents the seeded facts name: exact below the cap, "10,000+" above it.
/// </summary>
public sealed class IncidentListCountTests(RuntimeDatabase database) : IClassFixture<RuntimeDatabase>, IAsyncLifetime
{
    private static readonly GroupScopes Scopes = new("hr-admin", ["unit-head", "evaluator"], ["unit-head"]);
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);
    private static readonly Actor Admin = new("admin", ["hr-admin"]);

    private sealed record Case(Guid Id, string Key, string? Unit);

    private sealed record Incident(Guid Instance, string Code, bool Open);

    private readonly List<Case> _cases = [];
    private readonly List<Incident> _incidents = [];
    private Case _bulk = null!;
    private const int Bulk = ListTotalCap + 50;
    private const int ListTotalCap = IncidentList.TotalCap;
    private NpgsqlDataSource Db => database.DataSource;

    public async Task InitializeAsync()
    {

        var random = new Random(21);
        for (var c = 0; c < 40; c++)
        {
            var item = new Case(Guid.NewGuid(), c % 2 == 0 ? "a" : "b", (c % 3) switch { 0 => "U1", 1 => "U2", _ => null });
            _cases.Add(item);
            for (var n = random.Next(4); n > 0; n--) _incidents.Add(new(item.Id, random.Next(2) == 0 ? "job-failed" : "timeout", random.Next(3) > 0));
        }
        _bulk = new Case(Guid.NewGuid(), "c", "U3");

        await using var batch = Db.CreateBatch();
        batch.BatchCommands.Add(new("TRUNCATE pppk.instances, pppk.incidents, pppk.user_tasks, pppk.substitutions, pppk.principals"));
        foreach (var c in _cases.Append(_bulk))
            batch.BatchCommands.Add(SeedCommand.Of("""
                INSERT INTO pppk.instances (id, definition_id, definition_key, version, status, has_incident, started_at, unit_code)
                VALUES (@id, 1, @key, 1, 'active', true, @at, @unit)
                """, ("id", c.Id), ("key", c.Key), ("at", Now), ("unit", (object?)c.Unit ?? DBNull.Value)));
        var n2 = 0;
        foreach (var x in _incidents)
            batch.BatchCommands.Add(SeedCommand.Of("""
                INSERT INTO pppk.incidents (instance_id, engine_incident_id, element_id, message, created_at, code, resolved_at)
                VALUES (@inst, @n, 'tugas', 'gagal', @at, @code, @resolved)
                """, ("inst", x.Instance), ("n", ++n2), ("at", Now.AddMinutes(-n2 % 7)), ("code", x.Code), ("resolved", x.Open ? DBNull.Value : Now)));
        batch.BatchCommands.Add(SeedCommand.Of("""
            INSERT INTO pppk.incidents (instance_id, engine_incident_id, element_id, message, created_at, code)
            SELECT @inst, 100000 + g, 'tugas', 'gagal', @at, 'bulk' FROM generate_series(1, @bulk) g
            """, ("inst", _bulk.Id), ("at", Now), ("bulk", Bulk)));
        await batch.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The open incidents of the seeded facts (without the bulk case's) that pass <paramref name="keep"/>, by case.</summary>
    private List<Guid> Expected(Func<Case, Incident, bool> keep) =>
        [.. _incidents.Where(x => x.Open).Select(x => (Case: _cases.Single(c => c.Id == x.Instance), x)).Where(p => keep(p.Case, p.x)).Select(p => p.Case.Id).Order()];

    /// <summary>Every page of the list for <paramref name="actor"/> and <paramref name="filter"/>, 7 rows a page, by cursor; and the first page's count.</summary>
    private async Task<(List<Guid> Cases, int Total, bool Capped)> ListAsync(Actor actor, IncidentFilter filter)
    {
        var (rows, total, capped) = await IncidentList.PageAsync(Db, filter, actor, Scopes, Now, false, null, 0, 7, default);
        var all = new List<IncidentRow>(rows);
        while (rows.Count == 7)
        {
            (rows, _, _) = await IncidentList.PageAsync(Db, filter, actor, Scopes, Now, false, IncidentList.KeyOf(all[^1]), 0, 7, default);
            all.AddRange(rows);
        }
        Assert.Equal(all.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Select(x => x.Id), all.Select(x => x.Id));
        return ([.. all.Select(x => x.InstanceId).Order()], total, capped);
    }

    [Fact]
    public async Task Counts_and_pages_are_the_open_incidents_of_the_facts_with_and_without_the_cases_read()
    {
        // Counted on the incidents alone: an administrator filtering by the incident's own columns.
        var timeouts = await ListAsync(Admin, new IncidentFilter(Code: "timeout"));
        Assert.Equal(Expected((_, x) => x.Code == "timeout"), timeouts.Cases);
        Assert.Equal((timeouts.Cases.Count, false), (timeouts.Total, timeouts.Capped));
        var one = _cases.First(c => _incidents.Count(x => x.Instance == c.Id && x.Open) > 1);
        var ofOne = await ListAsync(Admin, new IncidentFilter(InstanceId: one.Id));
        Assert.Equal(Expected((c, _) => c == one), ofOne.Cases);
        Assert.Equal(ofOne.Cases.Count, ofOne.Total);
        var (_, all, capped) = await IncidentList.PageAsync(Db, new IncidentFilter(), Admin, Scopes, Now, false, null, 0, 7, default);
        Assert.Equal((ListTotalCap, true), (all, capped));

        // Counted with the cases: a workflow or unit filter, or the visibility rule of a unit head.
        var ofA = await ListAsync(Admin, new IncidentFilter(DefinitionKey: "a"));
        Assert.Equal(Expected((c, _) => c.Key == "a"), ofA.Cases);
        Assert.Equal((ofA.Cases.Count, false), (ofA.Total, ofA.Capped));
        var ofU2 = await ListAsync(Admin, new IncidentFilter(UnitCode: "U2", Code: "job-failed"));
        Assert.Equal(Expected((c, x) => c.Unit == "U2" && x.Code == "job-failed"), ofU2.Cases);
        Assert.Equal(ofU2.Cases.Count, ofU2.Total);
        var head = await ListAsync(new Actor("kepala.u1", ["unit-head"], "U1"), new IncidentFilter());
        Assert.Equal(Expected((c, _) => c.Unit == "U1"), head.Cases);
        Assert.Equal((head.Cases.Count, false), (head.Total, head.Capped));
        Assert.NotEmpty(head.Cases);
        var (_, bulk, bulkCapped) = await IncidentList.PageAsync(Db, new IncidentFilter(DefinitionKey: "c"), Admin, Scopes, Now, false, null, 0, 7, default);
        Assert.Equal((ListTotalCap, true), (bulk, bulkCapped));
    }
}
