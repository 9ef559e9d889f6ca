using Microsoft.Extensions.Options;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Operations;

namespace Pppk.Workflow.Host.Operations;

/// <summary><c>/api/operations</c>: batch operations over many instances (hr-admin, as cancelling one instance): create (or dry-run), list, read, cancel.</summary>
public static class OperationsApi
{
    /// <summary>A created operation's id; its progress is at <c>GET /api/operations/{id}</c>.</summary>
    public sealed record OperationCreated(Guid Id);

    public static void MapOperationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/operations").RequireAuthorization(Roles.HrAdmin);

        group.MapPost("/", async (OperationRequest body, bool? dryRun, OperationService operations, IOptions<LimitsOptions> limits, HttpContext http,
            CancellationToken ct) =>
        {
            // Lists in the request (start items, filter ids and keys) are bounded like a batch start's instances.
            var max = limits.Value.BatchMaxInstances;
            if (dryRun == true) return Results.Ok(await operations.DryRunAsync(body, max, http.Request.Language(), ct));
            var id = await operations.CreateAsync(body, http.User.Identity?.Name, max, ct);
            return Results.Accepted($"/api/operations/{id}", new OperationCreated(id));
        }).WithBodyLimit(BodyKind.Batch).Produces<OperationDryRun>().Produces<OperationCreated>(StatusCodes.Status202Accepted);

        group.MapGet("/", async (int? page, int? pageSize, Npgsql.NpgsqlDataSource db, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
            var (items, total) = await OperationTable.ListAsync(db, paging.Skip, paging.PageSize, ct);
            return Results.Ok(new PagedList<OperationView>(items, total, paging.Page, paging.PageSize));
        }).Produces<PagedList<OperationView>>();

        group.MapGet("/{id:guid}", async (Guid id, OperationService operations, HttpContext http, CancellationToken ct) =>
            await operations.GetAsync(id, http.Request.Language(), ct) is { } view ? Results.Ok(view) : NotFound(id))
            .Produces<OperationView>();

        group.MapPost("/{id:guid}/cancel", async (Guid id, OperationService operations, HttpContext http, CancellationToken ct) =>
        {
            await operations.CancelAsync(id, ct);
            return Results.Accepted($"/api/operations/{id}", await operations.GetAsync(id, http.Request.Language(), ct));
        }).Produces<OperationView>(StatusCodes.Status202Accepted);
    }

    private static LocalizedProblem NotFound(Guid id) => new(OperationTexts.NotFound.Format(id), StatusCodes.Status404NotFound);
}
