using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Host.AccessLog;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Host.Summary;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Host.UserTasks;

/// <summary><c>/api/tasks</c>: the task list, one task with its form and variables, claim, unclaim, assign and complete.</summary>
public static class TasksApi
{
    /// <summary>The body of claim (optional: hr-admin claims for someone) and assign (required).</summary>
    public sealed record ClaimBody(string? Assignee);

    public sealed record CompleteBody(JsonObject? Variables);

    /// <summary>One task: its form (form-js JSON), the case variables it may show, and the case summary.</summary>
    public sealed record TaskDetail(TaskView Task, JsonNode? Form, JsonObject Variables, IReadOnlyList<SummaryLine> Summary);

    public static void MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").RequireAuthorization();

        // The list (GET /api/tasks) is the inbox's: Inbox/InboxApi.cs.

        group.MapGet("/{id:guid}", async (Guid id, NpgsqlDataSource db, DefinitionStore definitions, GroupScopes scopes, TimeProvider clock, HttpContext http,
            CaseSummary summaries, CancellationToken ct) =>
        {
            // One query: a task the caller may not see reads as missing.
            var task = await UserTaskTable.GetAsync(db, id, http.User.Actor(), scopes, clock.GetUtcNow(), ct);
            if (task is null) return Results.Problem(title: $"No task {id}.", statusCode: 404);
            var instance = await InstanceTable.GetAsync(db, task.InstanceId, ct);
            var form = instance is null ? null : await TaskForm.LoadAsync(db, definitions, task, instance.Version, ct);
            var variables = instance?.Variables ?? [];
            // The case in words for everyone; the raw variables only for hr-admin, others get what their form reads.
            var summary = instance is null ? [] : await SummaryApi.OfAsync(summaries, definitions, task.DefinitionKey, instance.Version, variables, ct);
            return Results.Ok(new TaskDetail(task, form, http.User.IsInRole(Roles.HrAdmin) ? variables : FormVariables.Read(form, variables), summary));
        }).RecordsAccess(Pppk.Workflow.Domain.Privacy.AccessKinds.Task).Produces<TaskDetail>();

        group.MapPost("/{id:guid}/claim", async (Guid id, ClaimBody? body, TaskService tasks, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
        {
            await tasks.ClaimAsync(id, http.User.Actor(), body?.Assignee, ct);
            return Results.Ok(await UserTaskTable.GetAsync(db, id, ct));
        }).Produces<TaskView>();

        group.MapPost("/{id:guid}/unclaim", async (Guid id, TaskService tasks, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
        {
            await tasks.UnclaimAsync(id, http.User.Actor(), ct);
            return Results.Ok(await UserTaskTable.GetAsync(db, id, ct));
        }).Produces<TaskView>();

        group.MapPost("/{id:guid}/assign", async (Guid id, ClaimBody? body, TaskService tasks, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
        {
            await tasks.AssignAsync(id, http.User.Actor(), body?.Assignee, ct);
            return Results.Ok(await UserTaskTable.GetAsync(db, id, ct));
        }).Produces<TaskView>();

        group.MapPost("/{id:guid}/complete", async (Guid id, CompleteBody? body, TaskService tasks, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
        {
            // The answer is the task as the committed step left it, built in memory (equal to what GET then shows).
            var done = await tasks.CompleteAsync(id, http.User.Actor(), body?.Variables, ct);
            if (done is not null) Logging.RequestLog.Instance(http, done.InstanceId);
            return Results.Ok(done ?? await UserTaskTable.GetAsync(db, id, ct));
        }).Produces<TaskView>();
    }
}
