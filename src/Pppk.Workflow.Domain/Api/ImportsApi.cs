using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Domain.Imports;
using Pppk.Workflow.Runtime.Api;

namespace Pppk.Workflow.Domain.Api;

/// <summary>
/// CSV imports of the national portal's exports and the agency's own data (hr-admin; the fiscal kinds also finance): <c>POST /api/imports/{kind}</c> with a multipart file or a
/// <c>text/csv</c> body, UTF-8. 200 with what was written, or 400 with the bad rows (<c>errors: [{ row, column, message, code }]</c>,
/// the first <c>Limits:Imports:MaxErrors</c> of <c>errorCount</c>) and nothing written.
/// </summary>
public static class ImportsApi
{
    public sealed record ImportKindDto(string Kind, IReadOnlyList<string> Columns);

    /// <summary>A bad row as the import answers it: the message in the request's language, with its stable code.</summary>
    public sealed record ImportErrorDto(int Row, string Column, string Message, string Code);

    public static void MapImportsApi(this IEndpointRouteBuilder app)
    {
        // Finance (BPKAD) imports the fiscal kinds too; every other kind is hr-admin's.
        var group = app.MapGroup("/api/imports").RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(Roles.HrAdmin, Roles.Finance));

        group.MapGet("/", (HttpContext http) => Results.Ok(ImportKinds.All.Where(k => May(http, k)).Select(k => new ImportKindDto(k, CsvImporter.ColumnsOf(k)))))
            .Produces<IEnumerable<ImportKindDto>>();

        group.MapGet("/{kind}/template", (string kind, HttpContext http) => !ImportKinds.IsKnown(kind) ? UnknownKind(kind)
            : !May(http, kind) ? Results.Forbid()
            : Results.Text(string.Join(",", CsvImporter.ColumnsOf(kind)) + "\n", "text/csv"))
            .Produces(StatusCodes.Status200OK, typeof(Stream), "text/csv");

        group.MapPost("/{kind}", async (string kind, HttpRequest request, CsvImporter importer, IBackgroundJobClient jobs, CancellationToken ct) =>
        {
            if (!ImportKinds.IsKnown(kind)) return UnknownKind(kind);
            if (!May(request.HttpContext, kind)) return Results.Forbid();
            // The file's bytes, as sent (at most Limits:ImportBodyBytes, InputGuard): the importer decides whether they are UTF-8.
            using var file = new MemoryStream();
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                if (form.Files.Count == 0) return DomainAccess.BadRequest("The form has no file; send the CSV as a file field or as a text/csv body.");
                await form.Files[0].CopyToAsync(file, ct);
            }
            else
            {
                await request.Body.CopyToAsync(file, ct);
            }
            if (file.Length == 0) return DomainAccess.BadRequest("The request has no CSV content.");

            var started = DateTimeOffset.UtcNow.AddSeconds(-1);
            var outcome = await importer.ImportAsync(kind, file.GetBuffer().AsMemory(0, (int)file.Length), ct);
            if (outcome.Succeeded)
            {
                if (kind == "scores")
                    jobs.Enqueue<Pppk.Workflow.Domain.Selection.ScoreNotifications>(n => n.PublishAsync(started, CancellationToken.None));
                return Results.Ok(outcome.Result);
            }
            var language = request.Language();
            return Results.Problem(
                title: ImportTexts.ImportFailed.Format(ImportTexts.ImportKind(kind), outcome.ErrorCount).In(language),
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?>
                {
                    ["code"] = ImportTexts.ImportFailed.Code,
                    ["errors"] = outcome.Errors.Select(e => new ImportErrorDto(e.Row, e.Column, e.Text.In(language), e.Text.Code)).ToList(),
                    // The list holds the first Limits:Imports:MaxErrors problems; errorCount is all of them.
                    ["errorCount"] = outcome.ErrorCount,
                });
        }).DisableAntiforgery().WithBodyLimit(BodyKind.Imports).Produces<ImportResult>();
    }

    private static bool May(HttpContext http, string kind) => http.User.IsInRole(Roles.HrAdmin) || ImportKinds.Fiscal.Contains(kind);

    private static IResult UnknownKind(string kind) => kind == ImportKinds.Thresholds
        ? LocalizedProblem.BadRequest(ImportTexts.ThresholdsMoved.Format(), "kind")
        : DomainAccess.NotFound($"Unknown import kind '{kind}'; use one of {string.Join(", ", ImportKinds.All)}.");
}
