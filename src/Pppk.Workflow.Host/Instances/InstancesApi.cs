using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Domain.Privacy;
using Pppk.Workflow.Host.AccessLog;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Host.OpenApi;
using Pppk.Workflow.Host.Operate;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Host.Instances;

/// <summary><c>/api/instances</c>: start (one or a batch), read, list, history, cancel, set variables.</summary>
public static class InstancesApi
{
    public sealed record StartBody(string? DefinitionKey, int? Version, string? BusinessKey, JsonObject? Variables, bool UniqueBusinessKey = false);

    public sealed record BatchBody(string? DefinitionKey, List<InstanceService.BatchItem>? Instances, bool UniqueBusinessKey);

    public sealed record CancelBody(string? Reason);

    public sealed record BatchAnswer(int Started, IReadOnlyList<string> Skipped, IReadOnlyList<Guid> StartedInstanceIds);

    public sealed record VariablesBody(JsonObject? Variables);

    private static readonly HashSet<string> Statuses = ["active", "completed", "terminated", "cancelled"];

    private static IResult NoInstance(Guid id) => Results.Problem(title: $"No instance {id}.", statusCode: 404);

    /// <summary>
    /// The case at <c>{id}</c> answers 404, as one that does not exist, to a caller who may not see it (<see cref="InstanceTable.SeesCaseAsync"/>);
    /// checked before the endpoint runs, so nothing of it is read and the access log records no opening.
    /// </summary>
    internal static RouteHandlerBuilder SeenOnlyByWhoMay(this RouteHandlerBuilder builder) => builder.AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        if (http.Request.RouteValues["id"] is string raw && Guid.TryParse(raw, out var id)
            && !await InstanceTable.SeesCaseAsync(http.RequestServices.GetRequiredService<NpgsqlDataSource>(), id, http.User.Actor(),
                http.RequestServices.GetRequiredService<GroupScopes>(), http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), http.RequestAborted))
            return NoInstance(id);
        return await next(context);
    });

    public static void MapInstancesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/instances").RequireAuthorization();

        group.MapPost("/", async (StartBody body, InstanceService instances, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.DefinitionKey))
                return Results.Problem(title: "definitionKey is required.", statusCode: 400);
            // The answer is the committed first step's result as it left it (not read back): the instance as GET shows it,
            // plus the user tasks that step opened, so a caller can go on to the first task without looking it up.
            var started = await instances.StartAsync(new(body.DefinitionKey, body.Version, body.BusinessKey, body.Variables, UniqueBusinessKey: body.UniqueBusinessKey),
                http.User.Identity?.Name, ct);
            Logging.RequestLog.Instance(http, started.Id);
            return Results.Created($"/api/instances/{started.Id}", InstanceView.Of(started));
        }).RequireAuthorization(Roles.HrAdmin).Produces<InstanceView>(StatusCodes.Status201Created);

        group.MapPost("/batch", async (BatchBody body, InstanceService instances, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.DefinitionKey))
                return Results.Problem(title: "definitionKey is required.", statusCode: 400);
            if (body.Instances is null || body.Instances.Count == 0)
                return Results.Problem(title: "instances must list at least one { businessKey, variables }.", statusCode: 400);
            var result = await instances.StartBatchAsync(body.DefinitionKey, body.Instances, body.UniqueBusinessKey, http.User.Identity?.Name, ct);
            return Results.Ok(new BatchAnswer(result.Started.Count, result.Skipped, result.Started));
        }).RequireAuthorization(Roles.HrAdmin).WithBodyLimit(BodyKind.Batch).Produces<BatchAnswer>();

        group.MapGet("/{id:guid}", async (Guid id, NpgsqlDataSource db, CancellationToken ct) =>
            await InstanceTable.GetAsync(db, id, ct) is { } view ? Results.Ok(view) : NoInstance(id))
            .SeenOnlyByWhoMay().RecordsAccess(AccessKinds.Instance).Produces<InstanceView>();

        group.MapGet("/", async (string? definitionKey, string? status, string? businessKey, string? unitCode, int? page, int? pageSize, string? cursor,
            string? version, string? hasIncident, string? startedFrom, string? startedTo, string? search, NpgsqlDataSource db,
            GroupScopes scopes, TimeProvider clock, ListCursor cursors, HttpContext http, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, cursor, cursors, "instances", out var paging, out var after, out var problem)) return problem!;
            if (status is not null && !Statuses.Contains(status))
                return Results.Problem(title: $"status must be one of {string.Join(", ", Statuses)}.", statusCode: 400);
            if (InstanceQuery.Conditions(definitionKey, version, hasIncident, startedFrom, startedTo, search, out var conditions) is { } bad) return bad;
            var (items, total, capped) = await InstanceTable.PageAsync(db, new InstanceFilter(definitionKey, status, businessKey, unitCode) { Conditions = conditions },
                http.User.Actor(), scopes, clock.GetUtcNow(), after, paging.Offset, paging.PageSize + 1, InstanceQuery.TotalCap, ct);
            return Results.Ok(paging.Answer(items, (total, capped), cursors, "instances", InstanceTable.KeyOf));
        }).Produces<PagedList<InstanceView>>();

        group.MapGet("/{id:guid}/history", async (Guid id, NpgsqlDataSource db, CancellationToken ct) =>
            Results.Ok(new ItemList<HistoryView>(await HistoryTable.OfAsync(db, id, ct))))
            .SeenOnlyByWhoMay().RecordsAccess(AccessKinds.Instance).Produces<ItemList<HistoryView>>();

        group.MapGet("/{id:guid}/audit", async (Guid id, NpgsqlDataSource db, CancellationToken ct) =>
            Results.Ok(new ItemList<AuditView>(await AuditTable.OfAsync(db, id, ct))))
            .SeenOnlyByWhoMay().RecordsAccess(AccessKinds.Instance).Produces<ItemList<AuditView>>();

        group.MapPost("/{id:guid}/cancel", async (Guid id, CancelBody? body, InstanceService instances, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
        {
            await instances.TriggerAsync(id, new CancelInstance(body?.Reason), http.User.Identity?.Name, "cancel", new JsonObject { ["reason"] = body?.Reason }, ct);
            return Results.Ok(await InstanceTable.GetAsync(db, id, ct));
        }).RequireAuthorization(Roles.HrAdmin).Produces<InstanceView>();

        group.MapPut("/{id:guid}/variables", async (Guid id, VariablesBody body, InstanceService instances, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
        {
            if (body.Variables is null || body.Variables.Count == 0)
                return Results.Problem(title: "variables must be an object with at least one variable.", statusCode: 400);
            await instances.TriggerAsync(id, new SetVariables(body.Variables.DeepClone().AsObject()), http.User.Identity?.Name, "set-variables",
                new JsonObject { ["variables"] = body.Variables.DeepClone() }, ct);
            return Results.Ok(await InstanceTable.GetAsync(db, id, ct));
        }).RequireAuthorization(Roles.HrAdmin).Produces<InstanceView>();
    }
}
