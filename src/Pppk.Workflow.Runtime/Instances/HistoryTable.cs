using System.Text.Json.Nodes;
using Npgsql;
using static Pppk.Workflow.Runtime.Steps.StepBatch;

namespace Pppk.Workflow.Runtime.Instances;

/// <summary>One element instance of the audit trail: started, ended, by whom, with the variables it set. Never edited through the API.</summary>
public sealed class HistoryRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public long ElementInstanceKey { get; set; }
    public required string ElementId { get; set; }
    public required string ElementType { get; set; }
    public string? Name { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public bool Terminated { get; set; }
    public string? CompletedBy { get; set; }

    /// <summary>The user a substitute completed the element's task for.</summary>
    public string? OnBehalfOf { get; set; }
    public string? Variables { get; set; }
}

/// <summary>One element instance as the history screen shows it.</summary>
public sealed record HistoryView(string ElementId, string ElementType, string? Name, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    string? CompletedBy, string? OnBehalfOf, bool Terminated, JsonNode? Variables);

/// <summary>The owner of <c>pppk.history</c>: the step's writes (element started, ended, done for whom) and the history screen's read.</summary>
public static class HistoryTable
{
    internal sealed record Row(Guid InstanceId, long Key, string ElementId, string ElementType, string? Name, DateTimeOffset StartedAt)
    {
        public DateTimeOffset? EndedAt { get; set; }
        public bool Terminated { get; set; }
        public string? CompletedBy { get; set; }
        public string? Variables { get; set; }
    }

    /// <param name="Since">The earliest the element can have started (its instance's start, less a day): the end's update looks only in the months from then on.</param>
    private sealed record End(Guid InstanceId, long Key, DateTimeOffset EndedAt, bool Terminated, string? CompletedBy, string? Variables, DateTimeOffset Since);

    /// <summary>The history rows a transaction writes: an element started and ended in it is one insert.</summary>
    internal sealed class Writer
    {
        private readonly Dictionary<(Guid, long), Row> _starts = [];
        private readonly List<End> _ends = [];
        private readonly List<(Guid InstanceId, long Key, string User)> _onBehalfOf = [];

        public void Started(Row row) => _starts[(row.InstanceId, row.Key)] = row;

        public void Ended(Guid instanceId, long key, DateTimeOffset at, bool terminated, string? by, JsonObject? variables, DateTimeOffset instanceStartedAt)
        {
            var json = variables is { Count: > 0 } ? variables.ToJsonString() : null;
            if (_starts.TryGetValue((instanceId, key), out var started))
            {
                started.EndedAt = at;
                started.Terminated = terminated;
                started.CompletedBy = by;
                started.Variables = json;
            }
            else
            {
                _ends.Add(new End(instanceId, key, at, terminated, by, json, instanceStartedAt.ToUniversalTime().AddDays(-1)));
            }
        }

        /// <summary>A substitute's completion: the element's row names the user it was done for.</summary>
        public void OnBehalfOf(Guid instanceId, long key, string user) => _onBehalfOf.Add((instanceId, key, user));

        private readonly List<(Guid InstanceId, long Key, string ElementId, string ElementType, string? Name)> _migrated = [];

        /// <summary>A live element instance moved to another element by a migration: its open row names the new element.</summary>
        public void Migrated(Guid instanceId, long key, string elementId, string elementType, string? name) => _migrated.Add((instanceId, key, elementId, elementType, name));

        public void AddTo(NpgsqlBatch batch)
        {
            if (_migrated.Count > 0)
                Add(batch, """
                    UPDATE pppk.history h SET element_id = u.el, element_type = u.type, name = u.name
                    FROM unnest(@inst, @key, @el, @type, @name) AS u(inst, key, el, type, name)
                    WHERE h.instance_id = u.inst AND h.element_instance_key = u.key AND h.ended_at IS NULL
                    """,
                    P("inst", _migrated.Select(m => m.InstanceId)), P("key", _migrated.Select(m => m.Key)), P("el", _migrated.Select(m => m.ElementId)),
                    P("type", _migrated.Select(m => m.ElementType)), P("name", _migrated.Select(m => m.Name)));
            var starts = _starts.Values.ToList();
            if (starts.Count > 0)
                Add(batch, """
                    INSERT INTO pppk.history (instance_id, element_instance_key, element_id, element_type, name, started_at, ended_at, terminated, completed_by, variables)
                    SELECT * FROM unnest(@inst, @key, @el, @type, @name, @started, @ended, @term, @by, @vars::jsonb[])
                    """,
                    P("inst", starts.Select(h => h.InstanceId)), P("key", starts.Select(h => h.Key)), P("el", starts.Select(h => h.ElementId)),
                    P("type", starts.Select(h => h.ElementType)), P("name", starts.Select(h => h.Name)), P("started", starts.Select(h => h.StartedAt)),
                    P("ended", starts.Select(h => h.EndedAt)), P("term", starts.Select(h => h.Terminated)), P("by", starts.Select(h => h.CompletedBy)),
                    P("vars", starts.Select(h => h.Variables)));
            if (_ends.Count > 0)
                Add(batch, """
                    UPDATE pppk.history h SET ended_at = u.ended, terminated = u.term, completed_by = u.by, variables = u.vars
                    FROM unnest(@inst, @key, @ended, @term, @by, @vars::jsonb[], @since) AS u(inst, key, ended, term, by, vars, since)
                    WHERE h.instance_id = u.inst AND h.element_instance_key = u.key AND h.ended_at IS NULL AND h.started_at >= u.since
                    """,
                    P("inst", _ends.Select(h => h.InstanceId)), P("key", _ends.Select(h => h.Key)), P("ended", _ends.Select(h => h.EndedAt)),
                    P("term", _ends.Select(h => h.Terminated)), P("by", _ends.Select(h => h.CompletedBy)), P("vars", _ends.Select(h => h.Variables)),
                    P("since", _ends.Select(h => h.Since)));
            if (_onBehalfOf.Count > 0)
                Add(batch, """
                    UPDATE pppk.history h SET on_behalf_of = u.obo
                    FROM unnest(@inst, @key, @obo) AS u(inst, key, obo) WHERE h.instance_id = u.inst AND h.element_instance_key = u.key
                    """,
                    P("inst", _onBehalfOf.Select(h => h.InstanceId)), P("key", _onBehalfOf.Select(h => h.Key)), P("obo", _onBehalfOf.Select(h => h.User)));
        }
    }

    /// <summary>An instance's history, in the order it was written.</summary>
    public static async Task<List<HistoryView>> OfAsync(NpgsqlDataSource db, Guid instanceId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT element_id, element_type, name, started_at, ended_at, completed_by, terminated, variables::text, on_behalf_of
            FROM pppk.history WHERE instance_id = @id ORDER BY id
            """);
        cmd.Parameters.AddWithValue("id", instanceId);
        var items = new List<HistoryView>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            items.Add(new(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetFieldValue<DateTimeOffset>(3),
                r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(8) ? null : r.GetString(8),
                r.GetBoolean(6), r.IsDBNull(7) ? null : JsonNode.Parse(r.GetString(7))));
        return items;
    }
}
