using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Notifications.Delivery;

namespace Pppk.Workflow.Notifications.Api;

/// <summary><c>/api/emails</c> (hr-admin): the outbox with delivery state, one rendered message, retry of a failed one.</summary>
public static class EmailsApi
{
    private const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapEmailsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/emails").RequireAuthorization(Roles.HrAdmin);

        group.MapGet("/", async (string? status, Guid? instanceId, string? template, int? page, int? pageSize, NpgsqlDataSource db, CancellationToken ct) =>
        {
            var (p, size) = (page ?? 1, pageSize ?? 50);
            if (p < 1 || size < 1 || size > MaxPageSize)
                return Results.Problem(title: $"page must be at least 1 and pageSize between 1 and {MaxPageSize}.", statusCode: 400);
            if (status is not (null or EmailStatus.Queued or EmailStatus.Sent or EmailStatus.Failed))
                return Results.Problem(title: "status must be queued, sent or failed.", statusCode: 400);
            // In 64 bits: a page far past the end is an empty page, not an overflow.
            var (items, total) = await EmailTable.ListAsync(db, status, instanceId, template, size, (long)(p - 1) * size, ct);
            return Results.Ok(new { items, total, page = p, pageSize = size });
        });

        group.MapGet("/{id:long}", async (long id, NpgsqlDataSource db, CancellationToken ct) =>
        {
            var email = await EmailTable.GetAsync(db, id, ct);
            return email is null ? Results.Problem(title: $"No email {id}.", statusCode: 404) : Results.Ok(email);
        });

        group.MapPost("/{id:long}/retry", async (long id, NpgsqlDataSource db, IBackgroundJobClient jobs, CancellationToken ct) =>
        {
            if (!await EmailTable.RetryFailedAsync(db, id, ct))
                return await EmailTable.StatusAsync(db, id, ct) is { } current
                    ? Results.Problem(title: $"Email {id} is {current}; only a failed email can be retried.", statusCode: 409)
                    : Results.Problem(title: $"No email {id}.", statusCode: 404);
            jobs.Enqueue<EmailJobs>(j => j.Deliver(CancellationToken.None));
            return Results.Accepted($"/api/emails/{id}", new { id, status = EmailStatus.Queued });
        });
        return app;
    }
}
