using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Documents;
using Pppk.Workflow.Domain.Privacy;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Domain.Api;

/// <summary>
/// A generated document's PDF and the lists of a case's and a person's documents. A document of a case is seen exactly by who
/// sees the case (docs/access.md: hr-admin, the unit's head, the person it is about, whoever sees a task in it); one made
/// outside a case by hr-admin and its person. For anyone else it does not exist (404). Each download and each person's list
/// is recorded in the access log.
/// </summary>
public static class DocumentFilesApi
{
    /// <summary>The most documents one person's list reads before paging (decades of SKs, contracts and SPMTs stay far below).</summary>
    public const int PersonCap = 1_000;

    /// <summary>The documents a case generated, <c>{ "items": [...] }</c>.</summary>
    public sealed record CaseDocuments(IReadOnlyList<DocumentListItem> Items);

    public static void MapDocumentFilesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/documents/{id:guid}", DownloadAsync).RequireAuthorization().Produces(StatusCodes.Status200OK, typeof(Stream), "application/pdf");
        app.MapGet("/api/documents/{id:guid}/pdf", DownloadAsync).RequireAuthorization().Produces(StatusCodes.Status200OK, typeof(Stream), "application/pdf");

        app.MapGet("/api/instances/{id:guid}/documents", async (Guid id, PppkDbContext db, NpgsqlDataSource data, AccessRecorder access, HttpContext http, CancellationToken ct) =>
        {
            if (!await SeesCaseAsync(data, id, http, ct)) return Results.Problem(title: $"No instance {id}.", statusCode: StatusCodes.Status404NotFound);
            var items = await DocumentListing.OfCaseAsync(db, id, ct);
            await access.RecordAsync(http.User.Identity?.Name ?? "anonymous", AccessKinds.Instance, id.ToString(), null, ct);
            return Results.Ok(new CaseDocuments(items));
        }).RequireAuthorization().Produces<CaseDocuments>();

        app.MapGet("/api/employees/{id:int}/documents", async (int id, int? page, int? pageSize, DomainScope scope, PppkDbContext db, NpgsqlDataSource data,
            AccessRecorder access, HttpContext http, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
            var nik = await scope.Employees(db.Employees.AsNoTracking()).Where(e => e.Id == id).Select(e => e.Nik).FirstOrDefaultAsync(ct);
            if (nik is null) return DomainAccess.NotFound($"No employee with id {id}.");
            var visible = new List<Guid>();
            var cases = new Dictionary<Guid, bool>();
            foreach (var (docId, instanceId) in await DocumentListing.OfPersonAsync(db, nik, PersonCap, ct))
            {
                var sees = instanceId is { } i
                    ? cases.TryGetValue(i, out var known) ? known : cases[i] = await SeesCaseAsync(data, i, http, ct)
                    : IsAdministrator(http) || http.User.Actor().EmployeeNik == nik;
                if (sees) visible.Add(docId);
            }
            var items = await DocumentListing.ByIdsAsync(db, [.. visible.Skip(paging.Skip).Take(paging.PageSize)], ct);
            await access.RecordAsync(http.User.Identity?.Name ?? "anonymous", AccessKinds.EmployeeDocuments, id.ToString(System.Globalization.CultureInfo.InvariantCulture), nik, ct);
            return Results.Ok(new PagedList<DocumentListItem>(items, visible.Count, paging.Page, paging.PageSize));
        }).RequireStaffOrEmployee().Produces<PagedList<DocumentListItem>>();
    }

    private static async Task<IResult> DownloadAsync(Guid id, PppkDbContext db, NpgsqlDataSource data, AccessRecorder access, HttpContext http, CancellationToken ct)
    {
        // Whose document it is is decided before the bytes are read.
        if (await DocumentListing.OwnerAsync(db, id, ct) is not { } owner || !await MaySeeAsync(data, owner, http, ct)
            || await DocumentListing.PdfAsync(db, id, ct) is not { } file)
            return new LocalizedProblem(DocumentTexts.Unknown.Format(id), StatusCodes.Status404NotFound);
        await access.RecordAsync(http.User.Identity?.Name ?? "anonymous", AccessKinds.Document, id.ToString(), owner.SubjectNik, ct);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        // inline: the signing task and the profile show it in the page; the name still comes with a download.
        http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = file.FileName, Inline = http.Request.Query["download"] != "1" }.ToString();
        return Results.Bytes(file.Pdf, "application/pdf");
    }

    private static async Task<bool> MaySeeAsync(NpgsqlDataSource data, (Guid? InstanceId, string? SubjectNik) owner, HttpContext http, CancellationToken ct) =>
        owner.InstanceId is { } instanceId
            ? await SeesCaseAsync(data, instanceId, http, ct)
            : IsAdministrator(http) || (owner.SubjectNik is not null && http.User.Actor().EmployeeNik == owner.SubjectNik);

    private static bool IsAdministrator(HttpContext http) => http.RequestServices.GetRequiredService<GroupScopes>().IsAdministrator(http.User.Actor());

    private static Task<bool> SeesCaseAsync(NpgsqlDataSource data, Guid instanceId, HttpContext http, CancellationToken ct) =>
        InstanceTable.SeesCaseAsync(data, instanceId, http.User.Actor(), http.RequestServices.GetRequiredService<GroupScopes>(),
            http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
}
