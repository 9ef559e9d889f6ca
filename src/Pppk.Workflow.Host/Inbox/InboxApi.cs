using Microsoft.Extensions.Options;
using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Host.Inbox;

/// <summary>
/// The inbox (docs/api.md, "The task list"): <c>GET /api/tasks</c> with search, filters, sorts and keyset paging,
/// <c>/api/tasks/count</c> for the menu's badge, <c>/api/tasks/bulk</c>, a task's colleagues to hand it to, and the units' names.
/// </summary>
public static class InboxApi
{
    /// <summary>Tasks one bulk call acts on.</summary>
    public const int BulkMax = 100;

    /// <summary>Colleagues listed for a hand-over.</summary>
    public const int ColleaguesMax = 200;

    /// <summary>A bulk call: <c>claim</c>, <c>unclaim</c> or <c>complete</c> (with one set of answers) for each task.</summary>
    public sealed record BulkBody(string? Action, Guid[]? TaskIds, JsonObject? Variables);

    /// <summary>One task's outcome: ok, or the problem's code and title (in the request's language) and status.</summary>
    public sealed record BulkResult(Guid Id, bool Ok, string? Code = null, string? Error = null, int? Status = null);

    /// <summary>The page answer: the paging shape of every list plus the keyset cursor and whether the total is capped.</summary>
    public sealed record InboxList(IReadOnlyList<TaskView> Items, int Total, int Page, int PageSize, bool TotalCapped, string? NextCursor);

    /// <summary>The menu's badge: open and overdue tasks, each counted up to <see cref="CapAt"/>.</summary>
    public sealed record TaskCount(int Open, int Overdue, int CapAt);

    public sealed record UnitName(string Code, string Name);

    public sealed record Colleague(string UserName, string? FullName);

    public sealed record BulkAnswer(string Action, int Succeeded, int Failed, IReadOnlyList<BulkResult> Results);

    public static void MapInboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").RequireAuthorization();

        group.MapGet("/", async (Guid? instanceId, string? assignee, string? candidateGroup, string? state, string? definitionKey, string? unitCode, bool? mine,
            string? sort, int? page, int? pageSize, string? search, string? due, string? assigned, string? cursor,
            NpgsqlDataSource db, GroupScopes scopes, TimeProvider clock, InboxCursor cursors, IOptions<RuntimeOptions> runtime, IServiceProvider services,
            HttpContext http, CancellationToken ct) =>
        {
            // A page after a cursor has no page number: the OFFSET cap does not apply to it.
            if (!Paging.TryCreate(string.IsNullOrEmpty(cursor) ? page : 1, pageSize, out var paging, out var problem)) return problem!;
            if (!TaskInbox.IsKnownSort(sort))
                return LocalizedProblem.BadRequest(ApiTexts.SortUnknown.Format(sort, string.Join(", ", TaskInbox.Sorts)), "sort");
            if ((Unknown("due", due, TaskInbox.DueWindows) ?? Unknown("assigned", assigned, TaskInbox.AssignedKinds)) is { } unknown) return unknown;
            InboxKey? after = null;
            if (!string.IsNullOrEmpty(cursor) && (after = cursors.Read(cursor, sort ?? "due")) is null)
                return LocalizedProblem.BadRequest(InboxTexts.CursorInvalid.Format(), "cursor");
            var now = clock.GetUtcNow();
            var (todayFrom, todayTo) = Today(now, runtime.Value.TimeZone);
            var filter = new InboxFilter(new TaskFilter(instanceId, assignee, candidateGroup, state, definitionKey, unitCode, mine == true, sort),
                search, due, assigned, todayFrom, todayTo);
            var result = await TaskInbox.PageAsync(db, filter, http.User.Actor(), scopes, now, sort, after, paging.Skip, paging.PageSize, ct);
            var names = await UnitNamesAsync(services, ct);
            var items = result.Items.Select(t => t with { UnitName = t.UnitCode is { } u ? names.GetValueOrDefault(u) : null }).ToList();
            return Results.Ok(new InboxList(items, result.Total, after is null ? paging.Page : 0, paging.PageSize, result.TotalCapped,
                result.Next is { } next ? cursors.Write(next) : null));
        }).Produces<InboxList>();

        group.MapGet("/count", async (NpgsqlDataSource db, GroupScopes scopes, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var (open, overdue) = await TaskInbox.CountOpenAsync(db, http.User.Actor(), scopes, clock.GetUtcNow(), ct);
            return Results.Ok(new TaskCount(open, overdue, TaskInbox.TotalCap));
        }).Produces<TaskCount>();

        group.MapGet("/units", async (IServiceProvider services, CancellationToken ct) =>
            Results.Ok((await UnitNamesAsync(services, ct)).Select(u => new UnitName(u.Key, u.Value)).OrderBy(u => u.Name, StringComparer.CurrentCulture)))
            .Produces<IEnumerable<UnitName>>();

        group.MapGet("/{id:guid}/colleagues", async (Guid id, NpgsqlDataSource db, GroupScopes scopes, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.User.Actor();
            if (await UserTaskTable.GetAsync(db, id, actor, scopes, clock.GetUtcNow(), ct) is not { } task)
                return new LocalizedProblem(InboxTexts.TaskNotFound.Format(id), 404);
            var people = await TaskInbox.ColleaguesAsync(db, task, scopes, actor.Name, ColleaguesMax, ct);
            return Results.Ok(people.Select(p => new Colleague(p.UserName, p.FullName)));
        }).Produces<IEnumerable<Colleague>>();

        group.MapPost("/bulk", async (BulkBody? body, TaskService tasks, NpgsqlDataSource db, DefinitionStore definitions, GroupScopes scopes, TimeProvider clock,
            HttpContext http, CancellationToken ct) =>
        {
            var action = body?.Action;
            if (action is not ("claim" or "unclaim" or "complete")) return LocalizedProblem.BadRequest(InboxTexts.BulkAction.Format(action), "action");
            var ids = body!.TaskIds?.Distinct().ToArray() ?? [];
            if (ids.Length is 0 or > BulkMax) return LocalizedProblem.BadRequest(InboxTexts.BulkCount.Format(BulkMax), "taskIds", BulkMax);
            var actor = http.User.Actor();
            var language = http.Request.Language();
            var bulk = new BulkComplete(db, definitions, scopes, clock);
            var results = new List<BulkResult>();
            foreach (var id in ids)
            {
                // Each task in its own transaction, through the same calls as one task: one refusal leaves the others done.
                try
                {
                    switch (action)
                    {
                        case "claim": await tasks.ClaimAsync(id, actor, null, ct); break;
                        case "unclaim": await tasks.UnclaimAsync(id, actor, ct); break;
                        default:
                            await bulk.EnsureAllowedAsync(id, actor, ct);
                            await tasks.CompleteAsync(id, actor, body.Variables, ct);
                            break;
                    }
                    results.Add(new BulkResult(id, true));
                }
                catch (WorkflowException e)
                {
                    results.Add(new BulkResult(id, false, e.Text?.Code ?? $"http-{e.Status}", e.Text?.In(language) ?? e.Message, e.Status));
                }
            }
            return Results.Ok(new BulkAnswer(action, results.Count(r => r.Ok), results.Count(r => !r.Ok), results));
        }).Produces<BulkAnswer>();
    }

    /// <summary>A 400 naming <paramref name="name"/> when <paramref name="value"/> is given and not one of <paramref name="allowed"/> (the export checks alike).</summary>
    internal static IResult? Unknown(string name, string? value, string[] allowed) =>
        string.IsNullOrEmpty(value) || allowed.Contains(value) ? null
            : LocalizedProblem.BadRequest(InboxTexts.ValueUnknown.Format(name, value, string.Join(", ", allowed)), name);

    /// <summary>Today in the runtime's zone (WITA for Kukar): the "today" due window.</summary>
    internal static (DateTimeOffset From, DateTimeOffset To) Today(DateTimeOffset now, string zoneId)
    {
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
        var start = new DateTimeOffset(local.Date, local.Offset);
        return (start, start.AddDays(1));
    }

    private static async Task<IReadOnlyDictionary<string, string>> UnitNamesAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetService<IUnitNames>() is { } names ? await names.AllAsync(ct) : new Dictionary<string, string>();
}
