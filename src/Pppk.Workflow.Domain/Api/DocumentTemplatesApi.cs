using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Domain.Documents;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Domain.Api;

/// <summary>
/// The document templates HR edits in Word, per kind and versioned (hr-admin only): version 1 is the built-in file,
/// each upload or restore adds the next version, and documents are generated from the newest. An upload is checked
/// against the kind's placeholders before it is stored; a refused one is a 400 naming the unknown placeholder or list.
/// </summary>
public static class DocumentTemplatesApi
{
    public sealed record KindSummary(string Kind, string Title, string FileName, int CurrentVersion, string? UploadedBy, DateTimeOffset? UploadedAt);

    public sealed record VersionEntry(int Version, string FileName, string? UploadedBy, DateTimeOffset? UploadedAt, int? RestoredFrom, int Size, bool Current, bool BuiltIn);

    public sealed record KindDetail(string Kind, string Title, int CurrentVersion, IReadOnlyList<string> Fields,
        IReadOnlyDictionary<string, IReadOnlyList<string>> Lists, IReadOnlyList<VersionEntry> Versions);

    public static void MapDocumentTemplatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/document-templates").RequireAuthorization(Roles.HrAdmin);

        group.MapGet("", async (PppkDbContext db, CancellationToken ct) =>
        {
            var latest = await DocumentTemplateTable.LatestAsync(db, ct);
            return Results.Ok(Enum.GetValues<DocumentKind>().Select(k => latest.TryGetValue(k.Code(), out var v)
                ? new KindSummary(k.Code(), k.Title(), v.FileName, v.Version, v.UploadedBy, v.UploadedAt)
                : new KindSummary(k.Code(), k.Title(), k.TemplateFile(), DocumentTemplateTable.BuiltInVersion, null, null)).ToList());
        }).Produces<List<KindSummary>>();

        group.MapGet("/{kind}", async (string kind, PppkDbContext db, CancellationToken ct) =>
            DocumentKinds.FromCode(kind) is { } k ? Results.Ok(await DetailAsync(db, k, ct)) : UnknownKind(kind))
            .Produces<KindDetail>();

        group.MapPost("", (HttpRequest request, PppkDbContext db, TimeProvider clock, CancellationToken ct) => UploadAsync(request, null, db, clock, ct))
            .DisableAntiforgery().WithBodyLimit(BodyKind.Documents).Produces<VersionEntry>(StatusCodes.Status201Created);
        group.MapPost("/{kind}", (string kind, HttpRequest request, PppkDbContext db, TimeProvider clock, CancellationToken ct) => UploadAsync(request, kind, db, clock, ct))
            .DisableAntiforgery().WithBodyLimit(BodyKind.Documents).Produces<VersionEntry>(StatusCodes.Status201Created);

        group.MapGet("/{kind}/versions/{version:int}", async (string kind, int version, PppkDbContext db, CancellationToken ct) =>
        {
            if (DocumentKinds.FromCode(kind) is not { } k) return UnknownKind(kind);
            var bytes = await DocumentTemplateTable.BytesAsync(db, k, version, ct);
            return bytes is null
                ? new LocalizedProblem(TemplateTexts.UnknownVersion.Format(k.Code(), version), StatusCodes.Status404NotFound)
                : Results.File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{k.Code()}-v{version}.docx");
        }).Produces(StatusCodes.Status200OK, typeof(Stream), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        group.MapPost("/{kind}/versions/{version:int}/restore", async (string kind, int version, PppkDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        {
            if (DocumentKinds.FromCode(kind) is not { } k) return UnknownKind(kind);
            var bytes = await DocumentTemplateTable.BytesAsync(db, k, version, ct);
            if (bytes is null) return new LocalizedProblem(TemplateTexts.UnknownVersion.Format(k.Code(), version), StatusCodes.Status404NotFound);
            var name = version == DocumentTemplateTable.BuiltInVersion ? k.TemplateFile()
                : (await DocumentTemplateTable.VersionsAsync(db, k, ct)).Single(v => v.Version == version).FileName;
            return await StoreAsync(db, k, bytes, name, http, clock, version, ct);
        }).Produces<VersionEntry>(StatusCodes.Status201Created);

        group.MapGet("/{kind}/preview", async (string kind, int? version, PppkDbContext db, DocumentGenerator generator, IOptions<DocumentsOptions> documents, IOptions<PppkOptions> pppk, TimeProvider clock, CancellationToken ct) =>
        {
            if (DocumentKinds.FromCode(kind) is not { } k) return UnknownKind(kind);
            DocxTemplate template;
            if (version is { } v)
            {
                var bytes = await DocumentTemplateTable.BytesAsync(db, k, v, ct);
                if (bytes is null) return new LocalizedProblem(TemplateTexts.UnknownVersion.Format(k.Code(), v), StatusCodes.Status404NotFound);
                template = DocxTemplate.Load(bytes, KindPlaceholders.For(k));
            }
            else template = await CurrentTemplates.ForAsync(db, k, ct);
            var facts = SampleFacts.For(k, documents.Value.Place, pppk.Value.SkSigner, DocumentDates.Today(clock));
            var pdf = generator.Generate(facts, VerificationCodes.New(), template).Pdf;
            return Results.File(pdf, "application/pdf", $"contoh-{k.Code()}.pdf");
        }).Produces(StatusCodes.Status200OK, typeof(Stream), "application/pdf");
    }

    private static async Task<KindDetail> DetailAsync(PppkDbContext db, DocumentKind kind, CancellationToken ct)
    {
        var stored = await DocumentTemplateTable.VersionsAsync(db, kind, ct);
        var current = stored.Count > 0 ? stored[0].Version : DocumentTemplateTable.BuiltInVersion;
        var versions = stored.Select(v => new VersionEntry(v.Version, v.FileName, v.UploadedBy, v.UploadedAt, v.RestoredFrom, v.Size, v.Version == current, false)).ToList();
        versions.Add(new VersionEntry(DocumentTemplateTable.BuiltInVersion, kind.TemplateFile(), null, null, null, DefaultDocumentTemplates.Bytes(kind).Length,
            current == DocumentTemplateTable.BuiltInVersion, true));
        var vocabulary = KindPlaceholders.For(kind);
        return new KindDetail(kind.Code(), kind.Title(), current, vocabulary.Fields.Order(StringComparer.Ordinal).ToList(),
            vocabulary.Sections.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value.Order(StringComparer.Ordinal).ToList()), versions);
    }

    private static async Task<IResult> UploadAsync(HttpRequest request, string? kindInPath, PppkDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!request.HasFormContentType) return LocalizedProblem.BadRequest(TemplateTexts.NoFile.Format(), "file");
        var form = await request.ReadFormAsync(ct);
        var kindCode = kindInPath ?? form["kind"].ToString();
        if (DocumentKinds.FromCode(kindCode) is not { } kind) return UnknownKind(kindCode, kindInPath is null ? StatusCodes.Status400BadRequest : StatusCodes.Status404NotFound);
        if (form.Files.Count == 0 || form.Files[0].Length == 0) return LocalizedProblem.BadRequest(TemplateTexts.NoFile.Format(), "file");
        using var buffer = new MemoryStream();
        await form.Files[0].CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        try
        {
            DocxTemplate.Load(bytes, KindPlaceholders.For(kind));
        }
        catch (WorkflowException e) when (e.Text is not null)
        {
            return LocalizedProblem.BadRequest(e.Text, "file");
        }
        var name = Path.GetFileName(form.Files[0].FileName);
        return await StoreAsync(db, kind, bytes, name.Length is > 0 and <= 200 ? name : kind.TemplateFile(), request.HttpContext, clock, null, ct);
    }

    private static async Task<IResult> StoreAsync(PppkDbContext db, DocumentKind kind, byte[] bytes, string fileName, HttpContext http, TimeProvider clock, int? restoredFrom, CancellationToken ct)
    {
        try
        {
            var stored = await DocumentTemplateTable.AddAsync(db, kind, bytes, fileName, http.User.Actor().Name ?? "", clock.GetUtcNow(), restoredFrom, ct);
            return Results.Created($"/api/document-templates/{kind.Code()}/versions/{stored.Version}",
                new VersionEntry(stored.Version, stored.FileName, stored.UploadedBy, stored.UploadedAt, stored.RestoredFrom, stored.Size, true, false));
        }
        catch (DbUpdateException)
        {
            return new LocalizedProblem(TemplateTexts.Busy.Format(kind.Code()), StatusCodes.Status409Conflict);
        }
    }

    private static LocalizedProblem UnknownKind(string kind, int status = StatusCodes.Status404NotFound) =>
        new(TemplateTexts.UnknownKind.Format(kind, string.Join(", ", Enum.GetValues<DocumentKind>().Select(k => k.Code()))), status);
}
