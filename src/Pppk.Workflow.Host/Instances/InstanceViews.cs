using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Npgsql;
using Pppk.Workflow.Engine.State;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Host.Instances;

/// <summary>
/// The instance as API.md shows it, plus the case's unit and subject (its process's <c>caseUnit</c>/<c>caseSubject</c>);
/// a start's answer adds <see cref="Tasks"/>, the user tasks its first step opened.
/// </summary>
public sealed record InstanceView(Guid Id, string DefinitionKey, int Version, string? BusinessKey, string Status, bool Incident,
    JsonObject Variables, IReadOnlyList<string> ActiveElementIds, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, Guid? ParentInstanceId,
    string? UnitCode, string? Subject,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<OpenedTask>? Tasks = null);

public static class InstanceViews
{
    /// <summary>The columns <see cref="Read"/> reads (alias <c>i</c>).</summary>
    public const string Columns = "i.id, i.definition_key, i.version, i.business_key, i.status, i.has_incident, i.state::text, i.started_at, i.ended_at, i.parent_instance_id, i.unit_code, i.subject";

    public static InstanceView Read(NpgsqlDataReader r, bool withState = true) =>
        From(r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetBoolean(5),
            withState && !r.IsDBNull(6) ? InstanceState.FromJson(r.GetString(6)) : null,
            r.GetFieldValue<DateTimeOffset>(7), r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8), r.IsDBNull(9) ? null : r.GetGuid(9),
            r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetString(11));

    /// <summary>A start's answer: the instance as its committed first step left it, and the tasks that step opened.</summary>
    public static InstanceView Of(StartedInstance s) =>
        From(s.Id, s.DefinitionKey, s.Version, s.BusinessKey, s.Status, s.State.HasIncident, s.State, s.StartedAt, s.EndedAt, s.ParentInstanceId,
            s.State.CaseUnit, s.State.CaseSubject) with { Tasks = s.Tasks };

    private static InstanceView From(Guid id, string definitionKey, int version, string? businessKey, string status, bool incident, InstanceState? state,
        DateTimeOffset startedAt, DateTimeOffset? endedAt, Guid? parentInstanceId, string? unitCode, string? subject) =>
        new(id, definitionKey, version, businessKey, status, incident, state?.Variables.DeepClone().AsObject() ?? [],
            state is null ? [] : state.ActiveElementIds.Distinct().ToList(), startedAt, endedAt, parentInstanceId, unitCode, subject);

    public static async Task<InstanceView?> GetAsync(NpgsqlDataSource db, Guid id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"SELECT {Columns} FROM pppk.instances i WHERE i.id = @id");
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? Read(r) : null;
    }
}
