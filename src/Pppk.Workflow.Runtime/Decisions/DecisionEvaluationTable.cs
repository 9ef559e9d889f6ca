using System.Text.Json.Nodes;
using Npgsql;
using static Pppk.Workflow.Runtime.Steps.StepBatch;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.UserTasks;

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

    /// <summary>
    /// For each of <paramref name="businessKeys"/>: its latest case of <paramref name="definitionKey"/> that <paramref name="actor"/> sees
    /// and that case's latest evaluation of <paramref name="decisionKey"/>, in one query (a list page reads all its rows at once).
    /// </summary>
    public static async Task<Dictionary<string, CaseDecisionItem>> LatestOfCasesAsync(NpgsqlDataSource db, string definitionKey, string decisionKey,
        string[] businessKeys, Actor actor, GroupScopes scopes, DateTimeOffset now, CancellationToken ct)
    {
        var found = new Dictionary<string, CaseDecisionItem>(StringComparer.Ordinal);
        if (businessKeys.Length == 0) return found;
        var filter = new SqlFilter().Add("i.definition_key = @key", ("key", definitionKey)).Add("i.business_key = ANY(@keys)", ("keys", businessKeys))
            .Restrict(Visibility.Case, actor, scopes, now);
        await using var cmd = filter.Bind(db.CreateCommand($"""
            SELECT DISTINCT ON (i.business_key) i.business_key, i.id, e.decision_version, e.decision_name, e.trace::text
            FROM pppk.instances i
            LEFT JOIN LATERAL (SELECT d.decision_version, d.decision_name, d.trace FROM pppk.decision_evaluations d
                               WHERE d.instance_id = i.id AND d.decision_key = @d ORDER BY d.id DESC LIMIT 1) e ON TRUE
            WHERE {filter.Where}
            ORDER BY i.business_key, i.started_at DESC, i.id
            """));
        cmd.Parameters.AddWithValue("d", decisionKey);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var trace = r.IsDBNull(4) ? null : JsonNode.Parse(r.GetString(4)) as JsonObject;
            found[r.GetString(0)] = new(r.GetString(0), r.GetGuid(1), r.IsDBNull(2) ? null : r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3),
                trace?["output"]?.DeepClone(), trace?["evaluatedDecisions"]?.DeepClone());
        }
        return found;
    }
}

/// <summary>The latest case of a business key the caller sees, with its latest evaluation of one decision (null fields when it has none).</summary>
public sealed record CaseDecisionItem(string BusinessKey, Guid InstanceId, int? DecisionVersion, string? DecisionName, JsonNode? Output, JsonNode? EvaluatedDecisions);
