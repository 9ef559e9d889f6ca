using System.Text.Json.Nodes;
using Npgsql;
using static Pppk.Workflow.Runtime.Steps.StepBatch;

namespace Pppk.Workflow.Runtime.Decisions;

/// <summary>One recorded evaluation as the instance's decisions list answers it.</summary>
public sealed record DecisionEvaluationItem(long Id, string ElementId, string? ElementName, long ElementInstanceKey, string DecisionKey, int DecisionVersion,
    string? DecisionName, JsonNode? Output, JsonNode? EvaluatedDecisions, DateTimeOffset EvaluatedAt);

/// <summary>The SQL of <c>pppk.decision_evaluations</c> (its one owner): the "why" of business rule tasks in an instance's history.</summary>
public static class DecisionEvaluationTable
{
    /// <summary>The evaluations a step records, written with the step's other rows in its one batched round trip.</summary>
    internal sealed class Writer
    {
        private readonly List<DecisionEvaluationRecord> _rows = [];

        public void Record(DecisionEvaluationRecord row) => _rows.Add(row);

        public void AddTo(NpgsqlBatch batch)
        {
            if (_rows.Count > 0)
                Add(batch, """
                    INSERT INTO pppk.decision_evaluations (instance_id, element_instance_key, element_id, element_name, decision_key, decision_version, decision_name, trace, evaluated_at)
                    SELECT * FROM unnest(@i, @k, @e, @en, @d, @v, @dn, @t::jsonb[], @at)
                    """,
                    P("i", _rows.Select(r => r.InstanceId)), P("k", _rows.Select(r => r.ElementInstanceKey)), P("e", _rows.Select(r => r.ElementId)),
                    P("en", _rows.Select(r => r.ElementName)), P("d", _rows.Select(r => r.DecisionKey)), P("v", _rows.Select(r => r.DecisionVersion)),
                    P("dn", _rows.Select(r => r.DecisionName)), P("t", _rows.Select(r => r.Trace)), P("at", _rows.Select(r => r.EvaluatedAt)));
        }
    }

    /// <summary>The evaluations of one instance in the order they ran (at most <paramref name="limit"/>).</summary>
    public static async Task<List<DecisionEvaluationItem>> OfInstanceAsync(NpgsqlDataSource db, Guid instanceId, int limit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT id, element_id, element_name, element_instance_key, decision_key, decision_version, decision_name, trace::text, evaluated_at
            FROM pppk.decision_evaluations WHERE instance_id = @i ORDER BY id LIMIT @n
            """);
        cmd.Parameters.AddWithValue("i", instanceId);
        cmd.Parameters.AddWithValue("n", limit);
        var items = new List<DecisionEvaluationItem>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var trace = JsonNode.Parse(r.GetString(7)) as JsonObject;
            items.Add(new(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3), r.GetString(4), r.GetInt32(5),
                r.IsDBNull(6) ? null : r.GetString(6), trace?["output"]?.DeepClone(), trace?["evaluatedDecisions"]?.DeepClone(), r.GetFieldValue<DateTimeOffset>(8)));
        }
        return items;
    }
}
