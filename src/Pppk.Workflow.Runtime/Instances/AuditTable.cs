using System.Text.Json.Nodes;
using Npgsql;
using static Pppk.Workflow.Runtime.Steps.StepBatch;

namespace Pppk.Workflow.Runtime.Instances;

/// <summary>Instance-level audit: cancellations, variable changes, incident retries, with the user.</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? User { get; set; }
    public required string Action { get; set; }
    public string? Details { get; set; }
}

/// <summary>One audit entry as the audit screen shows it.</summary>
public sealed record AuditView(DateTimeOffset At, string? User, string Action, JsonNode? Details);

/// <summary>The owner of <c>pppk.audit</c>: the entries a transaction adds, and the audit screen's read.</summary>
public static class AuditTable
{
    internal sealed class Writer
    {
        private readonly List<(Guid InstanceId, DateTimeOffset At, string? User, string Action, string? Details)> _rows = [];

        public void Record(Guid instanceId, DateTimeOffset at, string? user, string action, string? details) => _rows.Add((instanceId, at, user, action, details));

        public void AddTo(NpgsqlBatch batch)
        {
            if (_rows.Count > 0)
                Add(batch, "INSERT INTO pppk.audit (instance_id, at, \"user\", action, details) SELECT * FROM unnest(@inst, @at, @user, @action, @details::jsonb[])",
                    P("inst", _rows.Select(a => a.InstanceId)), P("at", _rows.Select(a => a.At)), P("user", _rows.Select(a => a.User)),
                    P("action", _rows.Select(a => a.Action)), P("details", _rows.Select(a => a.Details)));
        }
    }

    /// <summary>An instance's audit entries, in the order they were written.</summary>
    public static async Task<List<AuditView>> OfAsync(NpgsqlDataSource db, Guid instanceId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT at, \"user\", action, details::text FROM pppk.audit WHERE instance_id = @id ORDER BY id");
        cmd.Parameters.AddWithValue("id", instanceId);
        var items = new List<AuditView>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            items.Add(new(r.GetFieldValue<DateTimeOffset>(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : JsonNode.Parse(r.GetString(3))));
        return items;
    }
}
