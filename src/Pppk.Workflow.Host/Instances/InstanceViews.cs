using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Engine.State;

namespace Pppk.Workflow.Host.Instances;

/// <summary>The instance as API.md shows it.</summary>
public sealed record InstanceView(Guid Id, string DefinitionKey, int Version, string? BusinessKey, string Status, bool Incident,
    JsonObject Variables, IReadOnlyList<string> ActiveElementIds, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, Guid? ParentInstanceId);

public static class InstanceViews
{
    public const string Columns = "id, definition_key, version, business_key, status, has_incident, state::text, started_at, ended_at, parent_instance_id";

    public static InstanceView Read(NpgsqlDataReader r, bool withState = true)
    {
        var state = withState && !r.IsDBNull(6) ? InstanceState.FromJson(r.GetString(6)) : null;
        return new InstanceView(r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetBoolean(5),
            state?.Variables.DeepClone().AsObject() ?? [], state is null ? [] : state.ActiveElementIds.Distinct().ToList(),
            r.GetFieldValue<DateTimeOffset>(7), r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8), r.IsDBNull(9) ? null : r.GetGuid(9));
    }

    public static async Task<InstanceView?> GetAsync(NpgsqlDataSource db, Guid id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"SELECT {Columns} FROM pppk.instances WHERE id = @id");
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? Read(r) : null;
    }
}
