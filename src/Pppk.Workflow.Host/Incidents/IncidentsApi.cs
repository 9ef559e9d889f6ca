using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Users;

namespace Pppk.Workflow.Host.Incidents;

/// <summary><c>/api/incidents</c>: open incidents and their retry (hr-admin fixes incidents).</summary>
public static class IncidentsApi
{
    public static void MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents").RequireAuthorization(Roles.HrAdmin);

        group.MapGet("/", async (Guid? instanceId, int? page, int? pageSize, NpgsqlDataSource db, HttpRequest request, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
            var filter = new SqlFilter().Add("resolved_at IS NULL").When(instanceId, "instance_id = @inst", "inst");
            // Rows from before incidents kept their Indonesian text have none: they answer in English.
            var message = request.Language() == Language.Indonesian ? "coalesce(message_indonesian, message)" : "message";
            await using var cmd = filter.Bind(db.CreateCommand(
                $"SELECT id, instance_id, element_id, code, {message}, created_at FROM pppk.incidents WHERE {filter.Where} ORDER BY id LIMIT @take OFFSET @skip"));
            await using var count = filter.Bind(db.CreateCommand($"SELECT count(*) FROM pppk.incidents WHERE {filter.Where}"));
            cmd.Parameters.AddWithValue("take", paging.PageSize);
            cmd.Parameters.AddWithValue("skip", paging.Skip);
            var items = new List<object>();
            await using (var r = await cmd.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct))
                    items.Add(new
                    {
                        id = r.GetInt64(0), instanceId = r.GetGuid(1), elementId = r.GetString(2), code = r.IsDBNull(3) ? null : r.GetString(3),
                        message = r.GetString(4), createdAt = r.GetFieldValue<DateTimeOffset>(5),
                    });
            return Results.Ok(new PagedList<object>(items, (int)(long)(await count.ExecuteScalarAsync(ct))!, paging.Page, paging.PageSize));
        });

        group.MapPost("/{id:long}/retry", async (long id, NpgsqlDataSource db, InstanceService instances, HttpContext http, CancellationToken ct) =>
        {
            await using var cmd = db.CreateCommand("SELECT instance_id, engine_incident_id, resolved_at IS NOT NULL FROM pppk.incidents WHERE id = @id");
            cmd.Parameters.AddWithValue("id", id);
            Guid instanceId;
            long engineId;
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                if (!await r.ReadAsync(ct)) return Results.Problem(title: $"No incident {id}.", statusCode: 404);
                if (r.GetBoolean(2)) return Results.Problem(title: $"Incident {id} is already resolved.", statusCode: 409);
                (instanceId, engineId) = (r.GetGuid(0), r.GetInt64(1));
            }
            await instances.TriggerAsync(instanceId, new RetryIncident(engineId), http.User.Identity?.Name, "retry-incident", new JsonObject { ["incidentId"] = id }, ct);
            return Results.Ok(await Instances.InstanceViews.GetAsync(db, instanceId, ct));
        });
    }
}
