using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Runtime.Incidents;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Host.Operate;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Host.Incidents;

/// <summary>
/// <c>/api/incidents</c>: the open incidents of the cases the caller sees (hr-admin all, a unit head their unit's), their
/// filter choices, one incident with the variables its step reads, and its retry (hr-admin fixes incidents).
/// </summary>
public static class IncidentsApi
{
    /// <summary>An open incident as the incidents screen shows it: the case, workflow and step by name, the message in the language asked for.</summary>
    public sealed record IncidentItem(long Id, Guid InstanceId, string ElementId, string? Code, string Message, DateTimeOffset CreatedAt,
        string DefinitionKey, string? DefinitionName, int Version, string? CaseTitle, string? BusinessKey, string? UnitCode, string? UnitName,
        string? ElementName, string TechnicalMessage);

    /// <summary>One incident and the names of its case's variables its step reads (the "fix by editing variables" dialog).</summary>
    public sealed record IncidentDetail(IncidentItem Incident, IReadOnlyList<string> VariablesReadByStep);

    /// <summary>Who reads the incidents: the administrators, and unit heads for their unit's cases.</summary>
    private static readonly string[] Readers = [Roles.HrAdmin, Roles.UnitHead];

    /// <summary>The oldest age filter: a year.</summary>
    private const int MaxOlderThanHours = 24 * 366;

    public static void MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents").RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(Readers));

        group.MapGet("/", async (Guid? instanceId, string? definitionKey, string? elementId, string? code, string? unitCode, string? olderThanHours,
            string? search, int? page, int? pageSize, string? cursor, NpgsqlDataSource db, GroupScopes scopes, TimeProvider clock, ListCursor cursors, HttpContext http,
            CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, cursor, cursors, "incidents", out var paging, out var after, out var problem)) return problem!;
            if (!OperateQuery.TryNumber("olderThanHours", olderThanHours, 1, MaxOlderThanHours, out var hours, out var bad)) return bad!;
            var now = clock.GetUtcNow();
            var filter = new IncidentFilter(definitionKey, elementId, code, unitCode, hours is { } h ? now.AddHours(-h) : null, search, instanceId);
            var (rows, total, capped) = await IncidentList.PageAsync(db, filter, http.User.Actor(), scopes, now, http.Request.Language() == Language.Indonesian,
                after, paging.Offset, paging.PageSize + 1, ct);
            var answer = paging.Answer(rows, (total, capped), cursors, "incidents", IncidentList.KeyOf);
            return Results.Ok(answer.With(await DefinitionNames.For(http).ItemsAsync(answer.Items, ct)));
        }).Produces<PagedList<IncidentItem>>();

        group.MapGet("/facets", async (NpgsqlDataSource db, GroupScopes scopes, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var facets = await IncidentList.FacetsAsync(db, http.User.Actor(), scopes, clock.GetUtcNow(), http.Request.Language() == Language.Indonesian, ct);
            return Results.Ok(await DefinitionNames.For(http).FacetsAsync(facets, ct));
        }).Produces<IncidentFacets>();

        group.MapGet("/{id:long}", async (long id, NpgsqlDataSource db, GroupScopes scopes, TimeProvider clock, HttpContext http,
            CancellationToken ct) =>
        {
            if (await IncidentList.GetAsync(db, id, http.User.Actor(), scopes, clock.GetUtcNow(), http.Request.Language() == Language.Indonesian, ct) is not { } row)
                return new LocalizedProblem(OperateTexts.IncidentNotFound.Format(id), 404);
            var names = DefinitionNames.For(http);
            var item = (await names.ItemsAsync([row], ct))[0];
            var variables = (await InstanceTable.GetAsync(db, row.InstanceId, ct))?.Variables.Select(v => v.Key) ?? [];
            return Results.Ok(new IncidentDetail(item, await names.ReadByStepAsync(row, variables, ct)));
        }).Produces<IncidentDetail>();

        group.MapPost("/{id:long}/retry", async (long id, NpgsqlDataSource db, InstanceService instances, HttpContext http, CancellationToken ct) =>
        {
            if (await IncidentTable.FindAsync(db, id, ct) is not { } incident) return new LocalizedProblem(OperateTexts.IncidentNotFound.Format(id), 404);
            if (incident.Resolved) return new LocalizedProblem(OperateTexts.IncidentResolved.Format(id), 409);
            var (instanceId, engineId, _) = incident;
            await instances.TriggerAsync(instanceId, new RetryIncident(engineId), http.User.Identity?.Name, "retry-incident", new JsonObject { ["incidentId"] = id }, ct);
            return Results.Ok(await InstanceTable.GetAsync(db, instanceId, ct));
        }).RequireAuthorization(Roles.HrAdmin).Produces<InstanceView>();
    }
}
