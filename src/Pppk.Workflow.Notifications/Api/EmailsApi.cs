using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Runtime.Database;
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
            var filter = new SqlFilter()
                .When(status, "status = @status", "status")
                .When(instanceId, "instance_id = @inst", "inst")
                .When(template, "template = @tpl", "tpl");
            await using var cmd = filter.Bind(db.CreateCommand($"""
                SELECT id, message_id, "to", cc, template, subject, status, attempts, last_error, instance_id, element_id, created_at, sent_at, next_attempt_at
                FROM pppk.emails WHERE {filter.Where} ORDER BY id DESC LIMIT @take OFFSET @skip
                """));
            await using var count = filter.Bind(db.CreateCommand($"SELECT count(*) FROM pppk.emails WHERE {filter.Where}"));
            cmd.Parameters.AddWithValue("take", size);
            // In 64 bits: a page far past the end is an empty page, not an overflow.
            cmd.Parameters.AddWithValue("skip", (long)(p - 1) * size);
            var items = new List<object>();
            await using (var r = await cmd.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct))
                    items.Add(Summary(r));
            var total = (long)(await count.ExecuteScalarAsync(ct))!;
            return Results.Ok(new { items, total, page = p, pageSize = size });
        });

        group.MapGet("/{id:long}", async (long id, NpgsqlDataSource db, CancellationToken ct) =>
        {
            await using var cmd = db.CreateCommand("""
                SELECT id, message_id, "to", cc, template, subject, status, attempts, last_error, instance_id, element_id, created_at, sent_at, next_attempt_at, html, text
                FROM pppk.emails WHERE id = @id
                """);
            cmd.Parameters.AddWithValue("id", id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return Results.Problem(title: $"No email {id}.", statusCode: 404);
            var summary = (Dictionary<string, object?>)Summary(r);
            summary["html"] = r.GetString(14);
            summary["text"] = r.GetString(15);
            return Results.Ok(summary);
        });

        group.MapPost("/{id:long}/retry", async (long id, NpgsqlDataSource db, IBackgroundJobClient jobs, CancellationToken ct) =>
        {
            await using var cmd = db.CreateCommand("""
                UPDATE pppk.emails SET status = 'queued', attempts = 0, next_attempt_at = now(), lease_until = NULL, lease_owner = NULL
                WHERE id = @id AND status = 'failed' RETURNING id
                """);
            cmd.Parameters.AddWithValue("id", id);
            if (await cmd.ExecuteScalarAsync(ct) is null)
            {
                await using var exists = db.CreateCommand("SELECT status FROM pppk.emails WHERE id = @id");
                exists.Parameters.AddWithValue("id", id);
                return await exists.ExecuteScalarAsync(ct) is string current
                    ? Results.Problem(title: $"Email {id} is {current}; only a failed email can be retried.", statusCode: 409)
                    : Results.Problem(title: $"No email {id}.", statusCode: 404);
            }
            jobs.Enqueue<EmailJobs>(j => j.Deliver(CancellationToken.None));
            return Results.Accepted($"/api/emails/{id}", new { id, status = EmailStatus.Queued });
        });
        return app;
    }

    private static object Summary(NpgsqlDataReader r) => new Dictionary<string, object?>
    {
        ["id"] = r.GetInt64(0),
        ["messageId"] = r.GetString(1),
        ["to"] = r.GetFieldValue<string[]>(2),
        ["cc"] = r.GetFieldValue<string[]>(3),
        ["template"] = r.GetString(4),
        ["subject"] = r.GetString(5),
        ["status"] = r.GetString(6),
        ["attempts"] = r.GetInt32(7),
        ["lastError"] = r.IsDBNull(8) ? null : r.GetString(8),
        ["instanceId"] = r.IsDBNull(9) ? null : r.GetGuid(9),
        ["elementId"] = r.IsDBNull(10) ? null : r.GetString(10),
        ["createdAt"] = r.GetFieldValue<DateTimeOffset>(11),
        ["sentAt"] = r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12),
        ["nextAttemptAt"] = r.GetFieldValue<DateTimeOffset>(13),
    };
}
