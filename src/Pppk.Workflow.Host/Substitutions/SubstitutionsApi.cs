using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Substitutions;
using Pppk.Workflow.Runtime.UserTasks;
using Pppk.Workflow.Host.Users;

namespace Pppk.Workflow.Host.Substitutions;

/// <summary>
/// <c>/api/substitutions</c>: substitutes (Plt/Plh). hr-admin names one for anyone, a user for their own absence; while
/// in force the substitute sees and acts on the user's tasks (TaskService and the task list read the table).
/// </summary>
public static class SubstitutionsApi
{
    public const int ReasonMaxLength = 500;

    public sealed record SubstitutionBody(string? UserName, string? SubstituteUserName, DateTimeOffset? From, DateTimeOffset? To, string? Reason);

    public sealed record SubstitutionView(Guid Id, string UserName, string SubstituteUserName, DateTimeOffset From, DateTimeOffset To, string Reason,
        string CreatedBy, DateTimeOffset CreatedAt, bool InForce);

    public static void MapSubstitutionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/substitutions").RequireAuthorization();

        // hr-admin sees all; anyone else the substitutions they are the user or the substitute of.
        group.MapGet("/", async (string? userName, string? substituteUserName, bool? inForce, int? page, int? pageSize, WorkflowDbContext db,
            TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
            var actor = http.User.Actor();
            var now = clock.GetUtcNow();
            var query = Visible(db, actor);
            if (!string.IsNullOrEmpty(userName)) query = query.Where(s => s.UserName == userName);
            if (!string.IsNullOrEmpty(substituteUserName)) query = query.Where(s => s.SubstituteUserName == substituteUserName);
            if (inForce is { } active) query = query.Where(s => (s.ValidFrom <= now && s.ValidTo > now) == active);
            var total = await query.CountAsync(ct);
            var items = await query.OrderByDescending(s => s.ValidFrom).ThenBy(s => s.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            return Results.Ok(new PagedList<SubstitutionView>(items.Select(s => View(s, now)).ToList(), total, paging.Page, paging.PageSize));
        }).Produces<PagedList<SubstitutionView>>();

        group.MapPost("/", async (SubstitutionBody? body, WorkflowDbContext db, UsersDbContext users, TimeProvider clock, HttpContext http, ILogger<SubstitutionRecord> log,
            CancellationToken ct) =>
        {
            var actor = http.User.Actor();
            var userName = string.IsNullOrWhiteSpace(body?.UserName) ? actor.Name : body.UserName.Trim();
            var user = await StoredNameAsync(users, userName, ct);
            if (!IsHrAdmin(actor) && user != actor.Name) return new LocalizedProblem(SubstitutionTexts.ForOther.Format(actor.Name), StatusCodes.Status403Forbidden);
            if (user is null) return LocalizedProblem.BadRequest(SubstitutionTexts.UnknownUser.Format("userName", userName), "userName");
            if (string.IsNullOrWhiteSpace(body?.SubstituteUserName)) return Required("substituteUserName");
            var substitute = await StoredNameAsync(users, body.SubstituteUserName.Trim(), ct);
            if (substitute is null) return LocalizedProblem.BadRequest(SubstitutionTexts.UnknownUser.Format("substituteUserName", body.SubstituteUserName.Trim()), "substituteUserName");
            if (substitute == user) return LocalizedProblem.BadRequest(SubstitutionTexts.Self.Format(user), "substituteUserName");
            if (body.From is not { } from) return Required("from");
            if (body.To is not { } to) return Required("to");
            if (from >= to) return LocalizedProblem.BadRequest(SubstitutionTexts.Period.Format(from.ToString("O"), to.ToString("O")), "to");
            if (string.IsNullOrWhiteSpace(body.Reason)) return Required("reason");
            var reason = body.Reason.Trim();
            if (reason.Length > ReasonMaxLength)
                return LocalizedProblem.BadRequest(SubstitutionTexts.ReasonTooLong.Format(reason.Length, ReasonMaxLength), "reason", ReasonMaxLength);
            // One substitute at a time: whose tasks a substitute acts on, and in whose name, must have one answer.
            var (fromUtc, toUtc) = (Stored(from), Stored(to));
            if (await db.Set<SubstitutionRecord>().AsNoTracking().Where(s => s.UserName == user && s.ValidFrom < toUtc && s.ValidTo > fromUtc)
                    .OrderBy(s => s.ValidFrom).FirstOrDefaultAsync(ct) is { } overlapping)
                return new LocalizedProblem(SubstitutionTexts.Overlap.Format(user, overlapping.SubstituteUserName, Wita(overlapping.ValidFrom), Wita(overlapping.ValidTo)),
                    StatusCodes.Status409Conflict, new Dictionary<string, object?> { ["field"] = "from", ["substitutionId"] = overlapping.Id });
            var record = new SubstitutionRecord
            {
                Id = Guid.CreateVersion7(), UserName = user, SubstituteUserName = substitute, ValidFrom = Stored(from), ValidTo = Stored(to),
                Reason = reason, CreatedBy = actor.Name, CreatedAt = Stored(clock.GetUtcNow()),
            };
            db.Add(record);
            await db.SaveChangesAsync(ct);
            log.LogInformation("{Actor} named {Substitute} substitute of {User} from {From} to {To}", actor.Name, substitute, user, record.ValidFrom, record.ValidTo);
            await UserAudit.RecordAsync(users, actor.Name, user, "substitute-add",
                new { record.Id, substitute, from = record.ValidFrom, to = record.ValidTo, reason }, ct);
            return Results.Created($"/api/substitutions/{record.Id}", View(record, clock.GetUtcNow()));
        }).Produces<SubstitutionView>(StatusCodes.Status201Created);

        // Withdrawn by hr-admin, the absent user or whoever named the substitute; takes effect at once (also mid-period).
        group.MapDelete("/{id:guid}", async (Guid id, WorkflowDbContext db, UsersDbContext users, HttpContext http, ILogger<SubstitutionRecord> log, CancellationToken ct) =>
        {
            var actor = http.User.Actor();
            var admin = IsHrAdmin(actor);
            var withdrawn = await db.Set<SubstitutionRecord>()
                .FirstOrDefaultAsync(s => s.Id == id && (admin || s.UserName == actor.Name || s.CreatedBy == actor.Name), ct);
            if (withdrawn is null) return new LocalizedProblem(SubstitutionTexts.NotFound.Format(id), StatusCodes.Status404NotFound);
            db.Remove(withdrawn);
            await db.SaveChangesAsync(ct);
            log.LogInformation("{Actor} withdrew substitution {Id}", actor.Name, id);
            await UserAudit.RecordAsync(users, actor.Name, withdrawn.UserName, "substitute-withdraw",
                new { id, substitute = withdrawn.SubstituteUserName, from = withdrawn.ValidFrom, to = withdrawn.ValidTo }, ct);
            return Results.NoContent();
        }).Produces(StatusCodes.Status204NoContent);

        // Ended early: the period ends now and the record stays (history names the substitute for what they did); one not yet
        // begun ends before it began, so it never applies.
        group.MapPost("/{id:guid}/end", async (Guid id, WorkflowDbContext db, UsersDbContext users, TimeProvider clock, HttpContext http,
            ILogger<SubstitutionRecord> log, CancellationToken ct) =>
        {
            var actor = http.User.Actor();
            var admin = IsHrAdmin(actor);
            var record = await db.Set<SubstitutionRecord>()
                .FirstOrDefaultAsync(s => s.Id == id && (admin || s.UserName == actor.Name || s.CreatedBy == actor.Name), ct);
            if (record is null) return new LocalizedProblem(SubstitutionTexts.NotFound.Format(id), StatusCodes.Status404NotFound);
            var now = Stored(clock.GetUtcNow());
            if (record.ValidTo <= now) return new LocalizedProblem(SubstitutionTexts.Ended.Format(id), StatusCodes.Status409Conflict);
            var previous = record.ValidTo;
            if (record.ValidFrom >= now) db.Remove(record);
            else record.ValidTo = now;
            await db.SaveChangesAsync(ct);
            log.LogInformation("{Actor} ended substitution {Id} early", actor.Name, id);
            await UserAudit.RecordAsync(users, actor.Name, record.UserName, "substitute-end", new { id, previousTo = previous, to = now }, ct);
            return Results.Ok(View(record, now));
        }).Produces<SubstitutionView>();
    }

    private static IQueryable<SubstitutionRecord> Visible(WorkflowDbContext db, Actor actor)
    {
        var all = db.Set<SubstitutionRecord>().AsNoTracking();
        return IsHrAdmin(actor) ? all : all.Where(s => s.UserName == actor.Name || s.SubstituteUserName == actor.Name || s.CreatedBy == actor.Name);
    }

    private static bool IsHrAdmin(Actor actor) => actor.Roles.Contains(Roles.HrAdmin);

    /// <summary>A user's name as stored, found as sign-in finds it (case-insensitive); null if there is none.</summary>
    private static Task<string?> StoredNameAsync(UsersDbContext users, string name, CancellationToken ct)
    {
        var normalized = name.ToUpperInvariant();
        return users.Users.Where(u => u.NormalizedUserName == normalized).Select(u => u.UserName).FirstOrDefaultAsync(ct);
    }

    private static readonly TimeZoneInfo WitaZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");

    /// <summary>A period's bound as people at BKPSDM read it: "07-12-2026 08.00 WITA".</summary>
    private static string Wita(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, WitaZone).ToString("dd-MM-yyyy HH.mm", CultureInfo.InvariantCulture) + " WITA";

    private static LocalizedProblem Required(string field) => LocalizedProblem.BadRequest(SubstitutionTexts.Required.Format(field), field);

    /// <summary>In UTC and to the microsecond, as PostgreSQL keeps it, so the answer equals what is read back.</summary>
    private static DateTimeOffset Stored(DateTimeOffset t) => new DateTimeOffset(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);

    private static SubstitutionView View(SubstitutionRecord s, DateTimeOffset now) =>
        new(s.Id, s.UserName, s.SubstituteUserName, s.ValidFrom, s.ValidTo, s.Reason, s.CreatedBy, s.CreatedAt, s.ValidFrom <= now && s.ValidTo > now);
}
