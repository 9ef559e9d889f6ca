using Npgsql;
using Pppk.Workflow.Runtime.Incidents;

namespace Pppk.Workflow.Runtime.Instances;

/// <summary>The dashboard's counts of the runtime's tables: instances by workflow and status, open and overdue tasks (by workflow and by the case's unit), open incidents.</summary>
public sealed record WorkCounts(IReadOnlyList<WorkCounts.Instances> ByStatus, IReadOnlyList<WorkCounts.Tasks> TasksByWorkflow, long OpenIncidents,
    IReadOnlyList<WorkCounts.UnitTasks> TasksByUnit)
{
    public sealed record Instances(string DefinitionKey, string Status, long Count);

    public sealed record Tasks(string DefinitionKey, long Open, long Overdue);

    public sealed record UnitTasks(string Unit, long Open, long Overdue);

    /// <summary>What a task of a case without a unit counts under.</summary>
    public const string NoUnit = "Tanpa unit";

    /// <summary>The counts, in one round trip; the 20 units with the most overdue (then open) tasks.</summary>
    public static async Task<WorkCounts> ReadAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new("SELECT definition_key, status, count(*) FROM pppk.instances GROUP BY 1, 2 ORDER BY 1, 2"));
        batch.BatchCommands.Add(new("""
            SELECT i.definition_key, count(*), count(*) FILTER (WHERE t.due_at < now())
            FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id
            WHERE t.state = 'open' GROUP BY 1 ORDER BY 1
            """));
        batch.BatchCommands.Add(new(IncidentTable.OpenCount));
        // A task's unit is its case's (the process's caseUnit rule).
        batch.BatchCommands.Add(new($"""
            SELECT coalesce(i.unit_code, '{NoUnit}') AS unit, count(*), count(*) FILTER (WHERE t.due_at < now())
            FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id
            WHERE t.state = 'open' GROUP BY 1 ORDER BY 3 DESC, 2 DESC, 1 LIMIT 20
            """));

        await using var r = await batch.ExecuteReaderAsync(ct);
        var instances = new List<Instances>();
        while (await r.ReadAsync(ct)) instances.Add(new(r.GetString(0), r.GetString(1), r.GetInt64(2)));
        await r.NextResultAsync(ct);
        var tasks = new List<Tasks>();
        while (await r.ReadAsync(ct)) tasks.Add(new(r.GetString(0), r.GetInt64(1), r.GetInt64(2)));
        await r.NextResultAsync(ct);
        await r.ReadAsync(ct);
        var incidents = r.GetInt64(0);
        await r.NextResultAsync(ct);
        var units = new List<UnitTasks>();
        while (await r.ReadAsync(ct)) units.Add(new(r.GetString(0), r.GetInt64(1), r.GetInt64(2)));
        return new WorkCounts(instances, tasks, incidents, units);
    }
}
