using Npgsql;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Users;

namespace Pppk.Workflow.Host.Definitions;

/// <summary><c>/api/definitions</c>: validate, deploy, list and read BPMN definitions; <c>/api/forms</c> for their forms.</summary>
public static class DefinitionsApi
{
    /// <summary>One problem as API.md has it (<c>elementId</c>, <c>message</c>), with its stable <c>code</c>; the message is in the request's language.</summary>
    public sealed record ErrorItem(string? FileName, string? ElementId, string Message, string Code);

    public static void MapDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/definitions").RequireAuthorization();

        group.MapPost("/", async (HttpRequest request, DeploymentService deployments, CancellationToken ct) =>
        {
            var files = await ReadFilesAsync(request, ct);
            var result = await deployments.DeployAsync(files, request.HttpContext.User.Identity?.Name, ct);
            if (!result.Valid)
                return Invalid(result, request.Language());
            var body = new
            {
                deployed = result.Deployed.Where(d => d.Kind == "process").Select(d => new { key = d.Key, version = d.Version, name = d.Name }),
                forms = result.Deployed.Where(d => d.Kind == "form").Select(d => new { id = d.Key, version = d.Version }),
                warnings = Items(result, "warning", request.Language()),
            };
            return result.AnyCreated ? Results.Json(body, statusCode: 201) : Results.Ok(body);
        }).RequireAuthorization(Roles.HrAdmin).DisableAntiforgery().WithBodyLimit(BodyKind.Definitions);

        group.MapPost("/validate", async (HttpRequest request, DeploymentService deployments, CancellationToken ct) =>
        {
            var result = await deployments.ValidateAsync(await ReadFilesAsync(request, ct), ct);
            var language = request.Language();
            return Results.Ok(new { valid = result.Valid, errors = Items(result, "error", language), warnings = Items(result, "warning", language) });
        }).RequireAuthorization(Roles.HrAdmin).DisableAntiforgery().WithBodyLimit(BodyKind.Definitions);

        group.MapGet("/", async (int? page, int? pageSize, NpgsqlDataSource db, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
            var items = new List<object>();
            await using var cmd = db.CreateCommand("""
                SELECT key, name, version, deployed_at, count(*) OVER () FROM pppk.definitions WHERE is_latest ORDER BY key LIMIT @take OFFSET @skip
                """);
            cmd.Parameters.AddWithValue("take", paging.PageSize);
            cmd.Parameters.AddWithValue("skip", paging.Skip);
            var total = 0L;
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                items.Add(new { key = r.GetString(0), name = r.IsDBNull(1) ? null : r.GetString(1), version = r.GetInt32(2), deployedAt = r.GetFieldValue<DateTimeOffset>(3) });
                total = r.GetInt64(4);
            }
            if (items.Count == 0) total = await CountAsync(db, "SELECT count(*) FROM pppk.definitions WHERE is_latest", ct);
            return Results.Ok(new PagedList<object>(items, (int)total, paging.Page, paging.PageSize));
        });

        group.MapGet("/{key}", async (string key, int? version, NpgsqlDataSource db, DefinitionStore store, CancellationToken ct) =>
        {
            var found = await ReadVersionAsync(db, key, version, ct);
            if (found is null)
                return Results.Problem(title: version is null ? $"No process with key '{key}' is deployed." : $"Process '{key}' has no version {version}.", statusCode: 404);
            // What a start must or may give (the process's start.* declarations), for start forms and scripts.
            var model = (await store.VersionAsync(found.Key, found.Version, ct))?.Model;
            var startVariables = (model?.Process.StartVariables ?? []).Select(v => new
            {
                name = v.Name, type = v.Type.ToString().ToLowerInvariant(), required = v.Required, label = v.Label,
            });
            return Results.Ok(new
            {
                key = found.Key, name = found.Name, version = found.Version, deployedAt = found.DeployedAt, deployedBy = found.DeployedBy,
                fileName = found.FileName, xml = found.Xml, startVariables,
                caseUnit = model?.Process.Case.Unit, caseSubject = model?.Process.Case.Subject,
            });
        });

        group.MapGet("/{key}/versions", async (string key, NpgsqlDataSource db, CancellationToken ct) =>
        {
            await using var cmd = db.CreateCommand("SELECT version, name, deployed_at, deployed_by, is_latest FROM pppk.definitions WHERE key = @k ORDER BY version DESC");
            cmd.Parameters.AddWithValue("k", key);
            var items = new List<object>();
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                items.Add(new { version = r.GetInt32(0), name = r.IsDBNull(1) ? null : r.GetString(1), deployedAt = r.GetFieldValue<DateTimeOffset>(2), deployedBy = r.IsDBNull(3) ? null : r.GetString(3), latest = r.GetBoolean(4) });
            return items.Count == 0 ? Results.Problem(title: $"No process with key '{key}' is deployed.", statusCode: 404) : Results.Ok(new { items });
        });

        app.MapGet("/api/forms/{formId}", async (string formId, NpgsqlDataSource db, CancellationToken ct) =>
        {
            await using var cmd = db.CreateCommand("SELECT schema::text, version FROM pppk.forms WHERE form_id = @id ORDER BY version DESC LIMIT 1");
            cmd.Parameters.AddWithValue("id", formId);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return Results.Problem(title: $"No form with id '{formId}' is deployed.", statusCode: 404);
            return Results.Text($$"""{"id":{{System.Text.Json.JsonSerializer.Serialize(formId)}},"version":{{r.GetInt32(1)}},"schema":{{r.GetString(0)}}}""", "application/json");
        }).RequireAuthorization();
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
        result.Problems.Where(p => p.Severity == severity).Select(p => new ErrorItem(p.FileName, p.ElementId, p.Text.In(language), p.Text.Code));

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

    private sealed record StoredVersion(string Key, string? Name, int Version, DateTimeOffset DeployedAt, string? DeployedBy, string? FileName, string Xml);

    /// <summary>
    /// One stored version (the latest without <paramref name="version"/>). The reader is disposed once, when this returns:
    /// Npgsql reuses one reader object per pooled connection, so a reader disposed a second time after its connection
    /// went back to the pool closes whatever command uses that connection next (a 500 in the viewer, seen in CI).
    /// </summary>
    private static async Task<StoredVersion?> ReadVersionAsync(NpgsqlDataSource db, string key, int? version, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(version is null
            ? "SELECT key, name, version, deployed_at, deployed_by, file_name, xml FROM pppk.definitions WHERE key = @k AND is_latest"
            : "SELECT key, name, version, deployed_at, deployed_by, file_name, xml FROM pppk.definitions WHERE key = @k AND version = @v");
        cmd.Parameters.AddWithValue("k", key);
        cmd.Parameters.AddWithValue("v", version ?? 0);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new StoredVersion(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt32(2), r.GetFieldValue<DateTimeOffset>(3),
            r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6));
    }

    private static async Task<long> CountAsync(NpgsqlDataSource db, string sql, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(sql);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
