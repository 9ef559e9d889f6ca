using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Domain.Api;
using Pppk.Workflow.Domain.CaseNotes;
using Pppk.Workflow.Domain.Data;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Host.OpenApi;
using Pppk.Workflow.Host.Users;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Host.CaseNotes;

/// <summary>
/// Comments and attachments on a case (docs/api.md): read by whoever may see the case (for anyone else the case, its
/// notes and files do not exist: 404), written by staff who see it while it runs, never edited or deleted.
/// </summary>
public static class CaseNotesApi
{
    /// <summary>The longest comment: a paragraph or two, not a document (attach that).</summary>
    public const int CommentMaxLength = 4_000;

    public sealed record CommentBody(string? Text, Guid? TaskId);

    /// <summary>A case's attachments with what the page needs to offer an upload: the limit, the types, and whether the caller may write now.</summary>
    public sealed record AttachmentList(IReadOnlyList<AttachmentView> Items, long MaxBytes, string AllowedTypes, bool CanWrite);

    /// <summary>Whether a task requires an attachment, whether the case has one since the task opened, and the sentence saying so.</summary>
    public sealed record AttachmentRequirementView(bool Required, bool Met, string? Text);

    public static IServiceCollection AddCaseNotes(this IServiceCollection services) =>
        services.AddSingleton<ITaskCompletionRule>(sp => new AttachmentRequirement(sp.GetRequiredService<DefinitionStore>()));

    public static void MapCaseNotesApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/instances/{id:guid}").RequireAuthorization();

        cases.MapGet("/comments", async (Guid id, PppkDbContext db, CancellationToken ct) =>
            Results.Ok(new ItemList<CommentView>(await CaseNoteTables.CommentsAsync(db, id, ct))))
            .SeenOnlyByWhoMay().RecordsAccess(AccessKinds.Instance).Produces<ItemList<CommentView>>();

        cases.MapPost("/comments", async (Guid id, CommentBody body, PppkDbContext db, UsersDbContext users, NpgsqlDataSource data, HttpContext http,
            TimeProvider clock, CancellationToken ct) =>
        {
            var text = body.Text?.Trim() ?? "";
            if (text.Length == 0) return LocalizedProblem.BadRequest(CaseNotesTexts.TextRequired.Format(), "text");
            if (TextCheck.Problem(HostTexts.Fields.Json, "text", text, CommentMaxLength) is { } problem) return problem.ToResult();
            if (await WriteProblemAsync(data, id, body.TaskId, http, ct) is { } refused) return refused;
            var author = http.User.Identity?.Name ?? "anonymous";
            var comment = await CaseNoteTables.AddCommentAsync(db, new CaseComment
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()), InstanceId = id, TaskId = body.TaskId, Author = author,
                AuthorName = await DisplayNameAsync(users, author, ct), Text = text, CreatedAt = clock.GetUtcNow(),
            }, ct);
            return Results.Created($"/api/instances/{id}/comments", comment);
        }).SeenOnlyByWhoMay().Produces<CommentView>(StatusCodes.Status201Created);

        // With what the page needs to offer an upload: the limit, the types, and whether this caller may write here now.
        cases.MapGet("/attachments", async (Guid id, PppkDbContext db, NpgsqlDataSource data, IOptions<LimitsOptions> limits, HttpContext http, CancellationToken ct) =>
            Results.Ok(new AttachmentList(await CaseNoteTables.AttachmentsAsync(db, id, ct), limits.Value.AttachmentBytes, FileSniffer.AllowedList,
                await WriteProblemAsync(data, id, null, http, ct) is null)))
            .SeenOnlyByWhoMay().RecordsAccess(AccessKinds.Instance).Produces<AttachmentList>();

        cases.MapPost("/attachments", async (Guid id, HttpRequest request, PppkDbContext db, UsersDbContext users, NpgsqlDataSource data,
            IOptions<LimitsOptions> limits, TimeProvider clock, CancellationToken ct) =>
        {
            if (!request.HasFormContentType) return LocalizedProblem.BadRequest(CaseNotesTexts.FileRequired.Format(), "file");
            // Read (and bounded by the endpoint's body limit) by the input guard already; this is its parsed copy.
            var form = await request.ReadFormAsync(ct);
            if (form.Files.Count != 1)
                return LocalizedProblem.BadRequest(form.Files.Count == 0 ? CaseNotesTexts.FileRequired.Format() : CaseNotesTexts.OneFile.Format(form.Files.Count), "file");
            Guid? taskId = null;
            if (form.TryGetValue("taskId", out var rawTask) && !string.IsNullOrEmpty(rawTask))
            {
                if (!Guid.TryParse(rawTask, out var parsed)) return LocalizedProblem.BadRequest(CaseNotesTexts.TaskNotOfCase.Format(TextCheck.Shown(rawTask!)), "taskId");
                taskId = parsed;
            }
            var file = form.Files[0];
            var max = limits.Value.AttachmentBytes;
            if (file.Length > max)
                return new LocalizedProblem(CaseNotesTexts.TooLarge.Format(Size(file.Length), Size(max)), StatusCodes.Status413PayloadTooLarge, LocalizedProblem.Extras("file", max));
            if (file.Length == 0) return LocalizedProblem.BadRequest(CaseNotesTexts.Empty.Format(), "file");
            if (await WriteProblemAsync(data, id, taskId, request.HttpContext, ct) is { } refused) return refused;

            var (content, sha256) = await ReadHashedAsync(file, ct);
            var name = AttachmentNames.Safe(file.FileName);
            var type = FileSniffer.Sniff(content, name);
            if (!type.Allowed)
                return new LocalizedProblem(CaseNotesTexts.TypeRefused.Format(type.Label, FileSniffer.AllowedList), StatusCodes.Status415UnsupportedMediaType,
                    new Dictionary<string, object?> { ["field"] = "file", ["detectedType"] = type.ContentType });
            var extension = AttachmentNames.Extension(name);
            if (extension.Length == 0) name = AttachmentNames.Safe(name + type.Extensions[0]);
            else if (!type.Extensions.Contains(extension))
                return new LocalizedProblem(CaseNotesTexts.NameMismatch.Format(name, type.Label, string.Join(" / ", type.Extensions)), StatusCodes.Status415UnsupportedMediaType,
                    new Dictionary<string, object?> { ["field"] = "file", ["detectedType"] = type.ContentType });

            var uploader = request.HttpContext.User.Identity?.Name ?? "anonymous";
            var stored = await CaseNoteTables.AddAttachmentAsync(db, new CaseAttachment
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()), InstanceId = id, TaskId = taskId, FileName = name, ContentType = type.ContentType,
                Size = content.Length, Sha256 = sha256, Content = content, UploadedBy = uploader, UploadedByName = await DisplayNameAsync(users, uploader, ct),
                UploadedAt = clock.GetUtcNow(),
            }, ct);
            return Results.Created($"/api/attachments/{stored.Id}", stored);
        }).SeenOnlyByWhoMay().WithBodyLimit(BodyKind.Attachments).Produces<AttachmentView>(StatusCodes.Status201Created);

        app.MapGet("/api/attachments/{id:guid}", async (Guid id, PppkDbContext db, NpgsqlDataSource data, AccessRecorder access, HttpContext http, CancellationToken ct) =>
        {
            // Whose case it is is decided before the bytes are read, and an attachment of a case the caller may not see does not exist.
            if (await CaseNoteTables.InstanceOfAttachmentAsync(db, id, ct) is not { } instanceId || !await SeesAsync(data, instanceId, http, ct)
                || await CaseNoteTables.FileAsync(db, id, ct) is not { } file)
                return new LocalizedProblem(CaseNotesTexts.NoAttachment.Format(id), StatusCodes.Status404NotFound);
            var subject = (await InstanceTable.GetAsync(data, instanceId, ct))?.Subject;
            await access.RecordAsync(http.User.Identity?.Name ?? "anonymous", AccessKinds.Attachment, id.ToString(), subject, ct);
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization().Produces(StatusCodes.Status200OK, typeof(Stream), "application/octet-stream");

        app.MapGet("/api/tasks/{id:guid}/attachment-requirement", async (Guid id, NpgsqlDataSource data, DefinitionStore definitions, GroupScopes scopes,
            TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var task = await UserTaskTable.GetAsync(data, id, http.User.Actor(), scopes, clock.GetUtcNow(), ct);
            if (task is null || await InstanceTable.GetAsync(data, task.InstanceId, ct) is not { } instance
                || await definitions.VersionAsync(instance.DefinitionKey, instance.Version, ct) is not { } deployed)
                return Results.Problem(title: $"No task {id}.", statusCode: 404);
            var required = AttachmentRequirement.Requires(deployed, task.ElementId);
            await using var connection = await data.OpenConnectionAsync(ct);
            var met = required && await CaseNoteTables.HasAttachmentForTaskAsync(connection, null, task.InstanceId, task.Id, task.CreatedAt, ct);
            return Results.Ok(new AttachmentRequirementView(required, met,
                required ? CaseNotesTexts.AttachmentRequired.Format(task.Name ?? task.ElementId).In(http.Request.Language()) : null));
        }).RequireAuthorization().Produces<AttachmentRequirementView>();
    }

    /// <summary>Why the caller may not write on this case now: 403 for a role that only reads, 409 for a case that has ended, 400 for a task of another case.</summary>
    private static async Task<IResult?> WriteProblemAsync(NpgsqlDataSource data, Guid id, Guid? taskId, HttpContext http, CancellationToken ct)
    {
        var actor = http.User.Actor();
        if (!actor.Roles.Any(DomainAccess.StaffRoles.Contains))
            return new LocalizedProblem(CaseNotesTexts.ReadOnly.Format(string.Join(", ", actor.Roles)), StatusCodes.Status403Forbidden);
        var instance = await InstanceTable.GetAsync(data, id, ct);
        if (instance is null) return Results.Problem(title: $"No instance {id}.", statusCode: 404);
        if (instance.Status != "active") return new LocalizedProblem(CaseNotesTexts.CaseEnded.Format(Ended(instance.Status)), StatusCodes.Status409Conflict);
        if (taskId is { } task && (await UserTaskTable.GetAsync(data, task, ct))?.InstanceId != id)
            return LocalizedProblem.BadRequest(CaseNotesTexts.TaskNotOfCase.Format(task), "taskId");
        return null;
    }

    private static Pppk.Workflow.Engine.Localization.Term Ended(string status) => status switch
    {
        "completed" => new("completed", "selesai"),
        "cancelled" => new("cancelled", "dibatalkan"),
        "terminated" => new("terminated", "dihentikan"),
        _ => new(status, status),
    };

    /// <summary>The case at <c>{id}</c> is a 404, as one that does not exist, to a caller who may not see it; checked before anything of it is read.</summary>
    private static RouteHandlerBuilder SeenOnlyByWhoMay(this RouteHandlerBuilder builder) => builder.AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        if (http.Request.RouteValues["id"] is string raw && Guid.TryParse(raw, out var id)
            && !await SeesAsync(http.RequestServices.GetRequiredService<NpgsqlDataSource>(), id, http, http.RequestAborted))
            return Results.Problem(title: $"No instance {id}.", statusCode: 404);
        return await next(context);
    });

    private static Task<bool> SeesAsync(NpgsqlDataSource data, Guid instanceId, HttpContext http, CancellationToken ct) =>
        InstanceTable.SeesCaseAsync(data, instanceId, http.User.Actor(), http.RequestServices.GetRequiredService<GroupScopes>(),
            http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), ct);

    /// <summary>The user's full name as people know them, else the user name (an API key has no profile).</summary>
    private static async Task<string> DisplayNameAsync(UsersDbContext users, string userName, CancellationToken ct) =>
        await users.Users.AsNoTracking().Where(u => u.UserName == userName && u.FullName != null && u.FullName != "").Select(u => u.FullName).FirstOrDefaultAsync(ct)
        ?? userName;

    /// <summary>The file's bytes (its length is known and bounded) and their SHA-256, computed as they are copied.</summary>
    private static async Task<(byte[] Content, byte[] Sha256)> ReadHashedAsync(IFormFile file, CancellationToken ct)
    {
        var content = new byte[file.Length];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var stream = file.OpenReadStream();
        var read = 0;
        while (read < content.Length)
        {
            var n = await stream.ReadAsync(content.AsMemory(read), ct);
            if (n == 0) break;
            hash.AppendData(content, read, n);
            read += n;
        }
        return (read == content.Length ? content : content[..read], hash.GetHashAndReset());
    }

    /// <summary>A size as people read it: bytes, KB or MB (1 MB = 1,048,576 bytes).</summary>
    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / 1024d / 1024d:0.#} MB",
        >= 1024 => $"{bytes / 1024d:0.#} KB",
        _ => $"{bytes} B",
    };
}
