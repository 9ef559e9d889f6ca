using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Host.Access;
using Pppk.Workflow.Host.AccessLog;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Host.Instances;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.UserTasks;
using Pppk.Workflow.Runtime.Users;

namespace Pppk.Workflow.Host.UserTasks;

/// <summary><c>/api/tasks</c>: the task list, one task with its form and variables, claim, unclaim, assign and complete.</summary>
public static class TasksApi
{
    public sealed record TaskView(Guid Id, Guid InstanceId, string ElementId, string? Name, string? Assignee, string[] CandidateGroups, string[] CandidateUsers,
        DateTimeOffset? DueAt, DateTimeOffset? FollowUpAt, string? FormId, DateTimeOffset CreatedAt, string State, DateTimeOffset? EndedAt, string? CompletedBy,
        string DefinitionKey, string? BusinessKey, string? UnitCode, string? OnBehalfOf);

    /// <summary>The body of claim (optional: hr-admin claims for someone) and assign (required).</summary>
    public sealed record ClaimBody(string? Assignee);

    public sealed record CompleteBody(JsonObject? Variables);

    private const string Select = """
        SELECT t.id, t.instance_id, t.element_id, t.name, t.assignee, t.candidate_groups, t.candidate_users, t.due_at, t.follow_up_at, t.form_id,
               t.created_at, t.state, t.ended_at, t.completed_by, i.definition_key, i.business_key, i.unit_code, t.on_behalf_of
        FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id
        """;

    public static void MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").RequireAuthorization();

        group.MapGet("/", async (Guid? instanceId, string? assignee, string? candidateGroup, string? state, string? definitionKey, string? unitCode, bool? mine,
            int? page, int? pageSize, NpgsqlDataSource db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
            var actor = http.User.Actor();
            var filter = new SqlFilter()
                .When(state == "all" ? null : state ?? "open", "t.state = @state", "state")
                .When(instanceId, "t.instance_id = @inst", "inst")
                .When(assignee, "t.assignee = @assignee", "assignee")
                .When(candidateGroup, "@group = ANY(t.candidate_groups)", "group")
                .When(definitionKey, "i.definition_key = @def", "def")
                .When(unitCode?.Trim(), "i.unit_code = @unit", "unit")
                .Restrict(Visibility.Task, actor, clock.GetUtcNow());
            // hr-admin's "mine": the tasks offered to them as to anyone else, not the whole list.
            if (mine == true && actor.IsHrAdmin) filter.Add(Visibility.Task, Visibility.Parameters(actor, clock.GetUtcNow()));
            await using var cmd = filter.Bind(db.CreateCommand($"{Select} WHERE {filter.Where} ORDER BY t.due_at NULLS LAST, t.created_at, t.id LIMIT @take OFFSET @skip"));
            await using var count = filter.Bind(db.CreateCommand($"SELECT count(*) FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id WHERE {filter.Where}"));
            cmd.Parameters.AddWithValue("take", paging.PageSize);
            cmd.Parameters.AddWithValue("skip", paging.Skip);
            var items = new List<TaskView>();
            await using (var r = await cmd.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct)) items.Add(Read(r));
            return Results.Ok(new PagedList<TaskView>(items, (int)(long)(await count.ExecuteScalarAsync(ct))!, paging.Page, paging.PageSize));
        });

        group.MapGet("/{id:guid}", async (Guid id, NpgsqlDataSource db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            // One query: a task the caller may not see reads as missing.
            var task = await GetAsync(db, id, ct, new SqlFilter().Restrict(Visibility.Task, http.User.Actor(), clock.GetUtcNow()));
            if (task is null) return Results.Problem(title: $"No task {id}.", statusCode: 404);
            JsonNode? form = null;
            if (task.FormId is not null)
            {
                await using var cmd = db.CreateCommand("SELECT schema::text FROM pppk.forms WHERE form_id = @f ORDER BY version DESC LIMIT 1");
                cmd.Parameters.AddWithValue("f", task.FormId);
                if (await cmd.ExecuteScalarAsync(ct) is string schema) form = JsonNode.Parse(schema);
            }
            var instance = await InstanceViews.GetAsync(db, task.InstanceId, ct);
            return Results.Ok(new { task, form, variables = instance?.Variables ?? [] });
        }).RecordsAccess(Pppk.Workflow.Domain.Privacy.AccessKinds.Task);

        group.MapPost("/{id:guid}/claim", async (Guid id, ClaimBody? body, TaskService tasks, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
        {
            await tasks.ClaimAsync(id, http.User.Actor(), body?.Assignee, ct);
            return Results.Ok(await GetAsync(db, id, ct));
        });

        group.MapPost("/{id:guid}/unclaim", async (Guid id, TaskService tasks, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
        {
            await tasks.UnclaimAsync(id, http.User.Actor(), ct);
            return Results.Ok(await GetAsync(db, id, ct));
        });

        group.MapPost("/{id:guid}/assign", async (Guid id, ClaimBody? body, TaskService tasks, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
        {
            await tasks.AssignAsync(id, http.User.Actor(), body?.Assignee, ct);
            return Results.Ok(await GetAsync(db, id, ct));
        });

        group.MapPost("/{id:guid}/complete", async (Guid id, CompleteBody? body, TaskService tasks, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
        {
            // The answer is the task as the committed step left it, built in memory (equal to what GET then shows).
            var done = await tasks.CompleteAsync(id, http.User.Actor(), body?.Variables, ct);
            return Results.Ok(done is null ? await GetAsync(db, id, ct) : new TaskView(done.Id, done.InstanceId, done.ElementId, done.Name, done.Assignee,
                done.CandidateGroups, done.CandidateUsers, done.DueAt, done.FollowUpAt, done.FormId, done.CreatedAt, "completed", done.EndedAt, done.CompletedBy,
                done.DefinitionKey, done.BusinessKey, done.UnitCode, done.OnBehalfOf));
        });
    }

    /// <summary>One task; with <paramref name="visible"/>, only if it passes that filter too.</summary>
    private static async Task<TaskView?> GetAsync(NpgsqlDataSource db, Guid id, CancellationToken ct, SqlFilter? visible = null)
    {
        await using var cmd = (visible ?? new SqlFilter()).Bind(db.CreateCommand($"{Select} WHERE t.id = @id AND {(visible ?? new SqlFilter()).Where}"));
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? Read(r) : null;
    }

    private static TaskView Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
        r.GetFieldValue<string[]>(5), r.GetFieldValue<string[]>(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7),
        r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8), r.IsDBNull(9) ? null : r.GetString(9), r.GetFieldValue<DateTimeOffset>(10),
        r.GetString(11), r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12), r.IsDBNull(13) ? null : r.GetString(13),
        r.GetString(14), r.IsDBNull(15) ? null : r.GetString(15), r.IsDBNull(16) ? null : r.GetString(16), r.IsDBNull(17) ? null : r.GetString(17));
}
