using Npgsql;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Engine.Localization;
using System.Text.Json.Nodes;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Host.OpenApi;
using Pppk.Workflow.Runtime.Definitions;

namespace Pppk.Workflow.Host.Definitions;

/// <summary><c>/api/definitions</c>: validate, deploy, list and read BPMN definitions; <c>/api/forms</c> for their forms.</summary>
public static class DefinitionsApi
{
    /// <summary>One problem as docs/api.md has it (<c>elementId</c>, <c>message</c>), with its stable <c>code</c>; the message is in the request's language,
    /// <c>englishMessage</c> the English text the designer's "Rincian teknis" shows next to the code.</summary>
    public sealed record ErrorItem(string? FileName, string? ElementId, string Message, string Code, string EnglishMessage);

    /// <summary>A deployed process or decision: its version, and whether this deployment created it (false: unchanged).</summary>
    public sealed record DeployedKey(string Key, int Version, string? Name, bool Created);

    public sealed record DeployedForm(string Id, int Version, bool Created);

    public sealed record DeployAnswer(IEnumerable<DeployedKey> Deployed, IEnumerable<DeployedForm> Forms, IEnumerable<DeployedKey> Decisions,
        IEnumerable<ErrorItem> Warnings);

    public sealed record ValidateAnswer(bool Valid, IEnumerable<ErrorItem> Errors, IEnumerable<ErrorItem> Warnings);

    /// <summary>One version of a process with its XML, what a start must or may give, and the case's unit and subject expressions.</summary>
    public sealed record DefinitionDetail(string Key, string? Name, int Version, DateTimeOffset DeployedAt, string? DeployedBy, string? FileName, string Xml,
        IEnumerable<StartFormApi.StartVariableView> StartVariables, string? CaseUnit, string? CaseSubject);

    /// <summary>A deployed form. The answer is written as text (the schema as stored); this type describes it.</summary>
    public sealed record FormAnswer(string Id, int Version, JsonNode Schema);

    public static void MapDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/definitions").RequireAuthorization();

        group.MapPost("/", async (HttpRequest request, DeploymentService deployments, CancellationToken ct) =>
        {
            var files = await ReadFilesAsync(request, ct);
            var result = await deployments.DeployAsync(files, request.HttpContext.User.Identity?.Name, ct);
            if (!result.Valid)
                return Invalid(result, request.Language());
            var body = new DeployAnswer(
                result.Deployed.Where(d => d.Kind == "process").Select(d => new DeployedKey(d.Key, d.Version, d.Name, d.Created)),
                result.Deployed.Where(d => d.Kind == "form").Select(d => new DeployedForm(d.Key, d.Version, d.Created)),
                result.Deployed.Where(d => d.Kind == "decision").Select(d => new DeployedKey(d.Key, d.Version, d.Name, d.Created)),
                Items(result, "warning", request.Language()));
            return result.AnyCreated ? Results.Json(body, statusCode: 201) : Results.Ok(body);
        }).RequireAuthorization(Roles.HrAdmin).DisableAntiforgery().WithBodyLimit(BodyKind.Definitions)
            .Produces<DeployAnswer>().Produces<DeployAnswer>(StatusCodes.Status201Created);

        group.MapPost("/validate", async (HttpRequest request, DeploymentService deployments, CancellationToken ct) =>
        {
            var result = await deployments.ValidateAsync(await ReadFilesAsync(request, ct), ct);
            var language = request.Language();
            return Results.Ok(new ValidateAnswer(result.Valid, Items(result, "error", language), Items(result, "warning", language)));
        }).RequireAuthorization(Roles.HrAdmin).DisableAntiforgery().WithBodyLimit(BodyKind.Definitions).Produces<ValidateAnswer>();

        group.MapGet("/", async (int? page, int? pageSize, NpgsqlDataSource db, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
            var (items, total) = await DefinitionTable.LatestAsync(db, paging.Skip, paging.PageSize, ct);
            return Results.Ok(new PagedList<DefinitionSummary>(items, (int)total, paging.Page, paging.PageSize));
        }).Produces<PagedList<DefinitionSummary>>();

        group.MapGet("/{key}", async (string key, int? version, NpgsqlDataSource db, DefinitionStore store, CancellationToken ct) =>
        {
            var found = await DefinitionTable.VersionAsync(db, key, version, ct);
            if (found is null)
                return Results.Problem(title: version is null ? $"No process with key '{key}' is deployed." : $"Process '{key}' has no version {version}.", statusCode: 404);
            // What a start must or may give (the process's start.* declarations), for start forms and scripts.
            var model = (await store.VersionAsync(found.Key, found.Version, ct))?.Model;
            var startVariables = StartFormApi.StartVariablesOf(model?.Process);
            return Results.Ok(new DefinitionDetail(found.Key, found.Name, found.Version, found.DeployedAt, found.DeployedBy, found.FileName, found.Xml,
                startVariables, model?.Process.Case.Unit, model?.Process.Case.Subject));
        }).Produces<DefinitionDetail>();

        group.MapGet("/{key}/versions", async (string key, NpgsqlDataSource db, CancellationToken ct) =>
        {
            var items = await DefinitionTable.VersionsAsync(db, key, ct);
            return items.Count == 0 ? Results.Problem(title: $"No process with key '{key}' is deployed.", statusCode: 404)
                : Results.Ok(new ItemList<DefinitionVersionSummary>(items));
        }).Produces<ItemList<DefinitionVersionSummary>>();

        app.MapGet("/api/forms/{formId}", async (string formId, NpgsqlDataSource db, CancellationToken ct) =>
        {
            if (await DefinitionTable.FormAsync(db, formId, ct) is not { } form) return Results.Problem(title: $"No form with id '{formId}' is deployed.", statusCode: 404);
            return Results.Text($$"""{"id":{{System.Text.Json.JsonSerializer.Serialize(formId)}},"version":{{form.Version}},"schema":{{form.Schema}}}""", "application/json");
        }).RequireAuthorization().Produces<FormAnswer>();
    }

    private static IResult Invalid(DeploymentService.Result result, Language language) => Results.Json(new
    {
        type = "https://pppk.workflow/problems/invalid-definition",
        title = HostTexts.InvalidDefinition.In(language),
        status = 400,
        code = HostTexts.InvalidDefinition.Code,
        errors = Items(result, "error", language),
        warnings = Items(result, "warning", language),
    }, statusCode: 400, contentType: "application/problem+json");

    private static IEnumerable<ErrorItem> Items(DeploymentService.Result result, string severity, Language language) =>
        result.Problems.Where(p => p.Severity == severity).Select(p => new ErrorItem(p.FileName, p.ElementId, p.Text.In(language), p.Text.Code, p.Text.In(Language.English)));

    /// <summary>BPMN XML as the body (application/xml or text/xml), or multipart with one or more .bpmn / .form files.</summary>
    private static async Task<List<DeploymentService.DeployFile>> ReadFilesAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var files = new List<DeploymentService.DeployFile>();
            foreach (var file in form.Files)
            {
                using var reader = new StreamReader(file.OpenReadStream());
                files.Add(new(file.FileName, await reader.ReadToEndAsync(ct)));
            }
            return files;
        }
        using var body = new StreamReader(request.Body);
        var xml = await body.ReadToEndAsync(ct);
        var name = request.Headers["X-File-Name"].FirstOrDefault() ?? "upload.bpmn";
        return string.IsNullOrWhiteSpace(xml) ? [] : [new(name, xml)];
    }
}
