using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Runtime.Incidents;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Runtime.Instances;

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
            var (items, total) = await IncidentTable.OpenAsync(db, instanceId, request.Language() == Language.Indonesian, paging.Skip, paging.PageSize, ct);
            return Results.Ok(new PagedList<IncidentView>(items, total, paging.Page, paging.PageSize));
        });

        group.MapPost("/{id:long}/retry", async (long id, NpgsqlDataSource db, InstanceService instances, HttpContext http, CancellationToken ct) =>
        {
            if (await IncidentTable.FindAsync(db, id, ct) is not { } incident) return Results.Problem(title: $"No incident {id}.", statusCode: 404);
            if (incident.Resolved) return Results.Problem(title: $"Incident {id} is already resolved.", statusCode: 409);
            var (instanceId, engineId, _) = incident;
            await instances.TriggerAsync(instanceId, new RetryIncident(engineId), http.User.Identity?.Name, "retry-incident", new JsonObject { ["incidentId"] = id }, ct);
            return Results.Ok(await InstanceTable.GetAsync(db, instanceId, ct));
        });
    }
}
