using Npgsql;
using Pppk.Workflow.Runtime.Database;
using static Pppk.Workflow.Runtime.Steps.StepBatch;

namespace Pppk.Workflow.Runtime.Incidents;

public sealed class IncidentRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }

    /// <summary>The engine's incident id within the instance.</summary>
    public long EngineIncidentId { get; set; }
    public required string ElementId { get; set; }

    /// <summary>The message's code (IncidentTexts); null on rows written before incidents had one.</summary>
    public string? Code { get; set; }

    /// <summary>The message in English, as API clients without Accept-Language read it.</summary>
    public required string Message { get; set; }

    /// <summary>The message in Indonesian, for Accept-Language: id; null on rows written before it was kept (English is shown).</summary>
    public string? MessageIndonesian { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}

/// <summary>An open incident as the incidents screen lists it; <see cref="Message"/> in the language asked for.</summary>
public sealed record IncidentView(long Id, Guid InstanceId, string ElementId, string? Code, string Message, DateTimeOffset CreatedAt);

/// <summary>The owner of <c>pppk.incidents</c>: the step's writes (raised, resolved) and the screens' reads.</summary>
public static class IncidentTable
{
    /// <summary>An incident as written: its code and message in English (<c>message</c>) and Indonesian (<c>message_indonesian</c>).</summary>
    internal sealed record Row(Guid InstanceId, long EngineId, string ElementId, string Code, string Message, string MessageIndonesian, DateTimeOffset At);

    /// <summary>The incidents a transaction raises and resolves.</summary>
    internal sealed class Writer
    {
        private readonly List<Row> _raised = [];
        private readonly List<(Guid InstanceId, long EngineId, DateTimeOffset At)> _resolved = [];

        public void Raised(Row row) => _raised.Add(row);

        public void Resolved(Guid instanceId, long engineId, DateTimeOffset at) => _resolved.Add((instanceId, engineId, at));

        private readonly List<(Guid InstanceId, long EngineId, string ElementId)> _migrated = [];

        /// <summary>An open incident carried by a migration to the element its element instance now stands at.</summary>
        public void Migrated(Guid instanceId, long engineId, string elementId) => _migrated.Add((instanceId, engineId, elementId));

        public void AddTo(NpgsqlBatch batch)
        {
            if (_migrated.Count > 0)
                Add(batch, """
                    UPDATE pppk.incidents i SET element_id = u.el FROM unnest(@inst, @eid, @el) AS u(inst, eid, el)
                    WHERE i.instance_id = u.inst AND i.engine_incident_id = u.eid AND i.resolved_at IS NULL
                    """,
                    P("inst", _migrated.Select(i => i.InstanceId)), P("eid", _migrated.Select(i => i.EngineId)), P("el", _migrated.Select(i => i.ElementId)));
            if (_raised.Count > 0)
                Add(batch, """
                    INSERT INTO pppk.incidents (instance_id, engine_incident_id, element_id, code, message, message_indonesian, created_at)
                    SELECT * FROM unnest(@inst, @eid, @el, @code, @msg, @msgid, @at)
                    """,
                    P("inst", _raised.Select(i => i.InstanceId)), P("eid", _raised.Select(i => i.EngineId)), P("el", _raised.Select(i => i.ElementId)),
                    P("code", _raised.Select(i => i.Code)), P("msg", _raised.Select(i => i.Message)), P("msgid", _raised.Select(i => i.MessageIndonesian)),
                    P("at", _raised.Select(i => i.At)));
            if (_resolved.Count > 0)
                Add(batch, """
                    UPDATE pppk.incidents i SET resolved_at = u.at FROM unnest(@inst, @eid, @at) AS u(inst, eid, at)
                    WHERE i.instance_id = u.inst AND i.engine_incident_id = u.eid AND i.resolved_at IS NULL
                    """,
                    P("inst", _resolved.Select(i => i.InstanceId)), P("eid", _resolved.Select(i => i.EngineId)), P("at", _resolved.Select(i => i.At)));
        }
    }

    /// <summary>The open incidents, counted up to <paramref name="cap"/> (the open-incidents gauge).</summary>
    public static async Task<long> CountOpenAsync(NpgsqlDataSource db, int cap, CancellationToken ct) =>
        (await Api.ListTotal.CountAsync(db, "SELECT 1 FROM pppk.incidents WHERE resolved_at IS NULL", new SqlFilter(), ct, cap)).Total;

    /// <summary>
    /// The open incidents (of one instance, if given) after incident <paramref name="afterId"/> (0: from the first), oldest
    /// (by id) first, the message in Indonesian when asked: a keyset chunk of the export, as cheap at any depth.
    /// </summary>
    public static async Task<List<IncidentView>> OpenAsync(NpgsqlDataSource db, Guid? instanceId, bool indonesian, long afterId, int take, CancellationToken ct)
    {
        var filter = Open(instanceId).Add("id > @after", ("after", afterId));
        // Rows from before incidents kept their Indonesian text have none: they answer in English.
        var message = indonesian ? "coalesce(message_indonesian, message)" : "message";
        await using var cmd = filter.Bind(db.CreateCommand(
            $"SELECT id, instance_id, element_id, code, {message}, created_at FROM pppk.incidents WHERE {filter.Where} ORDER BY id LIMIT @take"));
        cmd.Parameters.AddWithValue("take", take);
        var items = new List<IncidentView>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                items.Add(new(r.GetInt64(0), r.GetGuid(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5)));
        return items;
    }

    /// <summary>How many incidents are open (of one instance, if given), counted up to <paramref name="cap"/>.</summary>
    public static Task<(int Total, bool Capped)> CountOpenAsync(NpgsqlDataSource db, Guid? instanceId, int cap, CancellationToken ct)
    {
        var filter = Open(instanceId);
        return Api.ListTotal.CountAsync(db, $"SELECT 1 FROM pppk.incidents WHERE {filter.Where}", filter, ct, cap);
    }

    private static SqlFilter Open(Guid? instanceId) => new SqlFilter().Add("resolved_at IS NULL").When(instanceId, "instance_id = @inst", "inst");

    /// <summary>The incident <paramref name="id"/>: its instance, the engine's incident id and whether it is resolved; null if there is none.</summary>
    public static async Task<(Guid InstanceId, long EngineId, bool Resolved)?> FindAsync(NpgsqlDataSource db, long id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT instance_id, engine_incident_id, resolved_at IS NOT NULL FROM pppk.incidents WHERE id = @id");
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? (r.GetGuid(0), r.GetInt64(1), r.GetBoolean(2)) : null;
    }

    /// <summary>How many incidents are open (the dashboard).</summary>
    internal const string OpenCount = "SELECT count(*) FROM pppk.incidents WHERE resolved_at IS NULL";
}
