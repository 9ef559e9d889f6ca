using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Notifications.Delivery;
using Pppk.Workflow.Runtime.Api;

namespace Pppk.Workflow.Notifications.Api;

/// <summary><c>/api/emails</c> (hr-admin): the outbox with delivery state, one rendered message, retry of a failed one.</summary>
public static class EmailsApi
{
    /// <summary>A failed email queued again.</summary>
    public sealed record Requeued(long Id, string Status);

    public static IEndpointRouteBuilder MapEmailsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/emails").RequireAuthorization(Roles.HrAdmin);

        group.MapGet("/", async (string? status, Guid? instanceId, string? template, int? page, int? pageSize, string? cursor, NpgsqlDataSource db, ListCursor cursors,
            CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, cursor, cursors, "emails", out var paging, out var after, out var problem)) return problem!;
            if (status is not (null or EmailStatus.Queued or EmailStatus.Sent or EmailStatus.Failed))
                return Results.Problem(title: "status must be queued, sent or failed.", statusCode: 400);
            var (items, total) = await EmailTable.ListAsync(db, status, instanceId, template, after is [long lastId] ? lastId : null, paging.PageSize + 1, paging.Offset, ct);
            return Results.Ok(paging.Answer(items, total, cursors, "emails", e => [e.Id]));
        }).Produces<PagedList<EmailTable.View>>();

        group.MapGet("/{id:long}", async (long id, NpgsqlDataSource db, CancellationToken ct) =>
        {
            var email = await EmailTable.GetAsync(db, id, ct);
            return email is null ? Results.Problem(title: $"No email {id}.", statusCode: 404) : Results.Ok(email);
        }).Produces<EmailTable.View>();

        group.MapPost("/{id:long}/retry", async (long id, NpgsqlDataSource db, IBackgroundJobClient jobs, CancellationToken ct) =>
        {
            if (!await EmailTable.RetryFailedAsync(db, id, ct))
                return await EmailTable.StatusAsync(db, id, ct) is { } current
                    ? Results.Problem(title: $"Email {id} is {current}; only a failed email can be retried.", statusCode: 409)
                    : Results.Problem(title: $"No email {id}.", statusCode: 404);
            jobs.Enqueue<EmailJobs>(j => j.Deliver(CancellationToken.None));
            return Results.Accepted($"/api/emails/{id}", new Requeued(id, EmailStatus.Queued));
        }).Produces<Requeued>(StatusCodes.Status202Accepted);
        return app;
    }
}
