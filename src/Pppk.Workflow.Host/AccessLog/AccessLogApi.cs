using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Privacy;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Host.Api;

namespace Pppk.Workflow.Host.AccessLog;

/// <summary><c>GET /api/access-log</c>: who read whose personal data, when (hr-admin only), newest first.</summary>
public static class AccessLogApi
{
    /// <summary>One read; <paramref name="Name"/> is the person's name where the NIK is an employee's or applicant's.</summary>
    public sealed record AccessLogItem(DateTimeOffset At, string User, string Kind, string RecordId, string? Nik, string? Name);

    private static readonly TextTemplate KindInvalid = new("access-log-kind-invalid",
        "kind must be one of {0}.",
        "kind harus salah satu dari {0}.");

    public static void MapAccessLogApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/access-log", async (string? kind, string? recordId, string? nik, string? user, DateTimeOffset? from, DateTimeOffset? to,
            int? page, int? pageSize, string? cursor, PppkDbContext db, ListCursor cursors, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, cursor, cursors, "access-log", out var paging, out var after, out var problem)) return problem!;
            if (!string.IsNullOrEmpty(kind) && !AccessKinds.All.Contains(kind))
                return LocalizedProblem.BadRequest(KindInvalid.Format(string.Join(", ", AccessKinds.All)), "kind");
            var query = db.AccessLog.AsNoTracking();
            if (!string.IsNullOrEmpty(kind)) query = query.Where(a => a.Kind == kind);
            if (!string.IsNullOrEmpty(recordId)) query = query.Where(a => a.RecordId == recordId);
            if (!string.IsNullOrEmpty(nik)) query = query.Where(a => a.PersonNik == nik);
            if (!string.IsNullOrEmpty(user)) query = query.Where(a => a.UserName == user);
            if (from is { } since) query = query.Where(a => a.At >= since.ToUniversalTime());
            if (to is { } until) query = query.Where(a => a.At < until.ToUniversalTime());
            var total = await ListTotal.CountAsync(query, ct);
            var rest = query;
            if (after is [DateTimeOffset lastAt, long lastId]) rest = rest.Where(a => EF.Functions.LessThan(ValueTuple.Create(a.At, a.Id), ValueTuple.Create(lastAt, lastId)));
            var rows = await rest.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(paging.Offset).Take(paging.PageSize + 1)
                .Select(a => new { a.Id, Item = new AccessLogItem(a.At, a.UserName, a.Kind, a.RecordId, a.PersonNik,
                    db.Employees.Where(e => e.Nik == a.PersonNik).Select(e => e.Name).FirstOrDefault()
                    ?? db.Applicants.Where(p => p.Nik == a.PersonNik).OrderByDescending(p => p.Id).Select(p => p.Name).FirstOrDefault()) })
                .ToListAsync(ct);
            var answer = paging.Answer(rows, total, cursors, "access-log", r => [r.Item.At, r.Id]);
            return Results.Ok(answer.With(answer.Items.Select(r => r.Item).ToList()));
        }).RequireAuthorization(Roles.HrAdmin).Produces<PagedList<AccessLogItem>>();
    }
}
