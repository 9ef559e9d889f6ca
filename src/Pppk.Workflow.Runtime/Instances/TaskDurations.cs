using Npgsql;

namespace Pppk.Workflow.Runtime.Instances;

/// <summary>
/// How long people take in each user task: median and 90th percentile of completed tasks' time from created to completed,
/// per step (workflow and element) and per case unit, over a recent window. The dashboard's bottleneck tables.
/// </summary>
public sealed record TaskDurations(IReadOnlyList<TaskDurations.Step> Steps, IReadOnlyList<TaskDurations.Unit> Units)
{
    /// <param name="Median">In seconds.</param>
    /// <param name="P90">In seconds.</param>
    public sealed record Step(string DefinitionKey, string ElementId, string? Name, double Median, double P90, long Count);

    /// <param name="UnitCode">Null for cases without a unit.</param>
    public sealed record Unit(string? UnitCode, double Median, double P90, long Count);

    /// <summary>The most rows per table: the slowest steps and units come first.</summary>
    public const int Limit = 30;

    /// <summary>Tasks completed since <paramref name="since"/>, read through the (ended_at) index of completed tasks, in one round trip.</summary>
    public static async Task<TaskDurations> ReadAsync(NpgsqlDataSource db, DateTimeOffset since, CancellationToken ct)
    {
        const string Spent = "extract(epoch FROM t.ended_at - t.created_at)";
        const string Stats = $"percentile_cont(0.5) WITHIN GROUP (ORDER BY {Spent}), percentile_cont(0.9) WITHIN GROUP (ORDER BY {Spent}), count(*)";
        const string Completed = "FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id WHERE t.state = 'completed' AND t.ended_at >= $1";
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new($"SELECT i.definition_key, t.element_id, max(t.name), {Stats} {Completed} GROUP BY 1, 2 ORDER BY 5 DESC, 4 DESC LIMIT {Limit}")
            { Parameters = { new() { Value = since } } });
        batch.BatchCommands.Add(new($"SELECT i.unit_code, {Stats} {Completed} GROUP BY 1 ORDER BY 3 DESC, 2 DESC LIMIT {Limit}")
            { Parameters = { new() { Value = since } } });

        await using var r = await batch.ExecuteReaderAsync(ct);
        var steps = new List<Step>();
        while (await r.ReadAsync(ct))
            steps.Add(new(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetDouble(3), r.GetDouble(4), r.GetInt64(5)));
        await r.NextResultAsync(ct);
        var units = new List<Unit>();
        while (await r.ReadAsync(ct)) units.Add(new(r.IsDBNull(0) ? null : r.GetString(0), r.GetDouble(1), r.GetDouble(2), r.GetInt64(3)));
        return new TaskDurations(steps, units);
    }
}
