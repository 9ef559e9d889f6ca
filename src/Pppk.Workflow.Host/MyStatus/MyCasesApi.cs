using Npgsql;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Domain.Privacy;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Host.AccessLog;
using Pppk.Workflow.Host.Api;

namespace Pppk.Workflow.Host.MyStatus;

/// <summary>
/// <c>GET /api/me/cases</c>: the caller's own cases ("Status saya"), those whose subject is the NIK their account is linked to.
/// Any signed-in user; without a linked NIK the page is empty and says so (<c>linked: false</c>).
/// </summary>
public static class MyCasesApi
{
    /// <summary><see cref="PagedList{T}"/>'s shape, plus whether the account is linked to a person at all.</summary>
    public sealed record MyCasesPage(IReadOnlyList<MyCase> Items, int Total, int Page, int PageSize, bool Linked);

    private static readonly TextTemplate StatusInvalid = new("my-cases-status-invalid",
        "status must be one of {0}.",
        "status harus salah satu dari {0}.");

    public static void MapMyCasesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/cases", async (string? status, int? page, int? pageSize, HttpContext http, NpgsqlDataSource db,
            AccessRecorder access, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
            if (!string.IsNullOrEmpty(status) && !MyCasesQuery.StatusTexts.ContainsKey(status))
                return LocalizedProblem.BadRequest(StatusInvalid.Format(string.Join(", ", MyCasesQuery.StatusTexts.Keys)), "status");
            var me = http.User.Actor();
            if (string.IsNullOrEmpty(me.EmployeeNik))
                return Results.Ok(new MyCasesPage([], 0, paging.Page, paging.PageSize, Linked: false));

            var (items, total) = await new MyCasesQuery(db).ReadAsync(me.EmployeeNik, string.IsNullOrEmpty(status) ? null : status, paging.Skip, paging.PageSize, ct);
            // Even one's own cases are personal data: the read is logged like any other (the record is the NIK whose cases were listed).
            await access.RecordAsync(me.Name, AccessKinds.OwnCases, me.EmployeeNik, me.EmployeeNik, ct);
            return Results.Ok(new MyCasesPage(items, total, paging.Page, paging.PageSize, Linked: true));
        }).RequireAuthorization().Produces<MyCasesPage>();
    }
}
