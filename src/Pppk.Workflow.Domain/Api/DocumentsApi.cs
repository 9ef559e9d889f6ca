using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Documents;
using Pppk.Workflow.Runtime.Api;

namespace Pppk.Workflow.Domain.Api;

/// <summary>
/// Generated documents: anyone may check one (the public page <c>/verifikasi/{code}</c> the QR code points to, and
/// <c>POST /api/documents/verify</c> with the PDF), both without sign-in and rate-limited per client address like the
/// sign-in (policy <see cref="VerificationPolicy"/>, registered by the host); hr-admin revokes one with a reason.
/// </summary>
public static class DocumentsApi
{
    public const string VerificationPolicy = "document-verification";

    public sealed record RevokeBody(string? Reason);

    /// <summary>What a check answers: only what is printed on the document, and whether it stands (<c>valid</c> or <c>revoked</c>).</summary>
    public sealed record VerifiedDocument(string Kind, string Title, string Number, DateOnly Date, string Name, string SignerName, string SignerTitle,
        string Status, DateTimeOffset? SignedAt, DateTimeOffset? RevokedAt);

    public sealed record VerifyResult(bool Match, VerifiedDocument? Document);

    public static void MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/verifikasi/{code}", async (string code, PppkDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var found = VerificationCodes.IsWellFormed(code) ? await DocumentTable.FindByCodeAsync(db, code, ct) : null;
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["X-Robots-Tag"] = "noindex";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            return Results.Content(VerificationPage.Html(found), "text/html; charset=utf-8", statusCode: found is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
        }).AllowAnonymous().RequireRateLimiting(VerificationPolicy);

        app.MapPost("/api/documents/verify", async (HttpRequest request, PppkDbContext db, CancellationToken ct) =>
        {
            var pdf = await ReadPdfAsync(request, ct);
            if (pdf is null) return LocalizedProblem.BadRequest(DocumentTexts.NoPdf.Format());
            var found = await DocumentTable.FindExactAsync(db, pdf, ct);
            return Results.Ok(new VerifyResult(found is not null, found is null ? null : Verified(found)));
        }).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(VerificationPolicy).WithBodyLimit(BodyKind.Documents).Produces<VerifyResult>();

        app.MapPost("/api/documents/{id:guid}/revoke", async (Guid id, RevokeBody body, PppkDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.Reason)) return LocalizedProblem.BadRequest(DocumentTexts.ReasonRequired.Format(), "reason");
            if (await DocumentTable.FindAsync(db, id, ct) is null) return new LocalizedProblem(DocumentTexts.Unknown.Format(id), StatusCodes.Status404NotFound);
            if (!await DocumentTable.RevokeAsync(db, id, body.Reason.Trim(), http.User.Actor().Name, clock.GetUtcNow(), ct))
                return new LocalizedProblem(DocumentTexts.AlreadyRevoked.Format(id), StatusCodes.Status409Conflict);
            return Results.Ok(Verified((await DocumentTable.FindAsync(db, id, ct))!));
        }).RequireAuthorization(Roles.HrAdmin).Produces<VerifiedDocument>();
    }

    private static VerifiedDocument Verified(DocumentSummary d) => new(d.Kind, d.Title, d.Number, d.Date, d.SubjectName, d.SignerName, d.SignerTitle,
        d.RevokedAt is null ? "valid" : "revoked", d.SignedAt, d.RevokedAt);

    /// <summary>The PDF as the body (application/pdf or octet-stream) or the first file of a form; null when there is none.</summary>
    private static async Task<byte[]?> ReadPdfAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.Count == 0) return null;
            await form.Files[0].CopyToAsync(buffer, ct);
        }
        else
        {
            await request.Body.CopyToAsync(buffer, ct);
        }
        return buffer.Length == 0 ? null : buffer.ToArray();
    }
}
