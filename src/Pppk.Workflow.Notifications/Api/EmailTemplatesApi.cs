using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Notifications.TemplateEditing;
using Pppk.Workflow.Notifications.Templates;
using Pppk.Workflow.Runtime.Api;

namespace Pppk.Workflow.Notifications.Api;

/// <summary><c>/api/email-templates</c> (hr-admin): the templates with their versions, saving a new version, a preview of an edit.</summary>
public static class EmailTemplatesApi
{
    private const int MaxPageSize = 100;

    /// <summary>A save: the edited parts on top of <see cref="BaseVersion"/>, or a restore of <see cref="RestoredFrom"/> (then the parts are that version's).</summary>
    public sealed record SaveBody(int? BaseVersion, string? Subject, string? Html, string? Text, string? Comment, int? RestoredFrom);

    public sealed record PreviewBody(string? Subject, string? Html, string? Text, JsonObject? Variables);

    /// <summary>A template in the list: its current version and who changed it last (null while it is as shipped).</summary>
    public sealed record TemplateItem(string Name, string? Description, int Version, string? ChangedBy, string? ChangedByName, DateTimeOffset? ChangedAt);

    public sealed record TemplateList(IEnumerable<TemplateItem> Items, int Total, int Page, int PageSize);

    /// <summary>A version's history entry; version 1 is the shipped one (<c>shipped</c>, no author).</summary>
    public sealed record VersionInfo(int Version, string? ChangedBy, string? ChangedByName, DateTimeOffset? ChangedAt, string? Comment, int? RestoredFrom, bool Shipped);

    public sealed record TemplateDetail(string Name, string? Description, int Version, string Subject, string Html, string Text, EmailTemplates.Variables Variables,
        IEnumerable<VersionInfo> Versions);

    public sealed record TemplateVersion(string Name, int Version, string Subject, string Html, string Text, VersionInfo Info);

    /// <summary>The saved version, and the variables it newly requires (tasks deployed for the previous version may not provide them).</summary>
    public sealed record SavedVersion(string Name, int Version, VersionInfo Info, IReadOnlyList<string> NewlyRequired);

    /// <summary>A problem in a part (<c>subject</c>, <c>html</c>, <c>text</c>), at a line when known, in the request's language.</summary>
    public sealed record PartProblemView(string? Part, int? Line, string Code, string Message);

    /// <summary>
    /// The preview: the rendered parts and the template's variables, or its problems. What a failed check or render does not
    /// have is left out of the answer (not written as null).
    /// </summary>
    public sealed record PreviewAnswer(
        [property: JsonPropertyOrder(1)] IEnumerable<PartProblemView> Problems,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Subject = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Html = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EmailTemplates.Variables? Variables = null);

    public static IEndpointRouteBuilder MapEmailTemplatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/email-templates").RequireAuthorization(Roles.HrAdmin);

        group.MapGet("/", async (string? search, int? page, int? pageSize, EmailTemplates templates, NpgsqlDataSource db, CancellationToken ct) =>
        {
            var (p, size) = (page ?? 1, pageSize ?? 25);
            if (p < 1 || size < 1 || size > MaxPageSize)
                return Results.Problem(title: $"page must be at least 1 and pageSize between 1 and {MaxPageSize}.", statusCode: 400);
            var latest = (await TemplateVersionTable.LatestAsync(db, ct)).ToDictionary(r => r.Entry.Name, r => r.Entry, StringComparer.Ordinal);
            var rows = templates.Names
                .Select(name => (name, description: TemplateDescriptions.Of(name), version: templates.Find(name)?.Version ?? 1, changed: latest.GetValueOrDefault(name)))
                .Where(t => string.IsNullOrWhiteSpace(search) || t.name.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
                    || (t.description?.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase) ?? false))
                .ToList();
            var items = rows.Skip((p - 1) * size).Take(size)
                .Select(t => new TemplateItem(t.name, t.description, t.version, t.changed?.ChangedBy, t.changed?.ChangedByName, t.changed?.ChangedAt));
            return Results.Ok(new TemplateList(items, rows.Count, p, size));
        }).Produces<TemplateList>();

        group.MapGet("/{name}", async (string name, EmailTemplates templates, TemplateStore store, NpgsqlDataSource db, CancellationToken ct) =>
        {
            if (templates.Find(name) is not { } current || store.Shipped(name) is null) return NotFound(name);
            var versions = await TemplateVersionTable.VersionsAsync(db, name, ct);
            return Results.Ok(new TemplateDetail(name, TemplateDescriptions.Of(name), current.Version, current.Source.Subject, current.Source.Html, current.Source.Text,
                templates.VariablesOf(current), versions.Select(VersionView).Append(ShippedView())));
        }).Produces<TemplateDetail>();

        group.MapGet("/{name}/versions/{version:int}", async (string name, int version, TemplateStore store, NpgsqlDataSource db, CancellationToken ct) =>
        {
            if (store.Shipped(name) is not { } shipped) return NotFound(name);
            if (version == 1) return Results.Ok(new TemplateVersion(name, version, shipped.Subject, shipped.Html, shipped.Text, ShippedView()));
            return await TemplateVersionTable.GetAsync(db, name, version, ct) is { } row
                ? Results.Ok(new TemplateVersion(name, version, row.Source.Subject, row.Source.Html, row.Source.Text, VersionView(row.Entry)))
                : new LocalizedProblem(TemplateEditTexts.VersionNotFound.Format(name, version), 404);
        }).Produces<TemplateVersion>();

        group.MapPut("/{name}", async (string name, SaveBody body, HttpContext http, EmailTemplates templates, TemplateStore store, NpgsqlDataSource db, CancellationToken ct) =>
        {
            if (templates.Find(name) is not { } current || store.Shipped(name) is not { } shipped) return NotFound(name);
            if (body.BaseVersion is not (>= 1 and var baseVersion)) return LocalizedProblem.BadRequest(TemplateEditTexts.BaseVersion.Format(), "baseVersion");
            if (body.Comment is { Length: > TemplateLimits.Comment })
                return LocalizedProblem.BadRequest(TemplateEditTexts.CommentTooLong.Format(body.Comment.Length, TemplateLimits.Comment), "comment", TemplateLimits.Comment);
            EmailTemplates.Source source;
            if (body.RestoredFrom is { } from)
            {
                var old = from == 1 ? shipped : (await TemplateVersionTable.GetAsync(db, name, from, ct))?.Source;
                if (old is null) return new LocalizedProblem(TemplateEditTexts.VersionNotFound.Format(name, from), 404);
                source = old;
            }
            else
            {
                if (PartsProblem(body.Subject, body.Html, body.Text) is { } bad) return bad;
                source = new EmailTemplates.Source(body.Subject!, body.Html!, body.Text!);
            }
            var before = templates.VariablesOf(current).Required;
            var user = http.User.Identity?.Name ?? "anonymous";
            var comment = string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment.Trim();
            return await store.SaveAsync(name, baseVersion, source, comment, user, body.RestoredFrom, ct) switch
            {
                // Tasks deployed for the previous version may not provide the newly required: their emails would become incidents.
                TemplateStore.Saved saved => Results.Ok(new SavedVersion(name, saved.Entry.Version, VersionView(saved.Entry),
                    templates.Find(name) is { } now ? templates.VariablesOf(now).Required.Except(before).ToList() : [])),
                TemplateStore.Refused refused => Refused(refused.Problems, http.Request.Language()),
                TemplateStore.Conflict conflict => new LocalizedProblem(TemplateEditTexts.Conflict.Format(name, conflict.Current, baseVersion), 409,
                    new Dictionary<string, object?> { ["currentVersion"] = conflict.Current }),
                _ => LocalizedProblem.BadRequest(TemplateEditTexts.Unchanged.Format(baseVersion)),
            };
        }).Produces<SavedVersion>();

        group.MapPost("/{name}/preview", (string name, PreviewBody body, HttpContext http, EmailTemplates templates) =>
        {
            if (templates.Find(name) is null) return NotFound(name);
            if (PartsProblem(body.Subject, body.Html, body.Text) is { } bad) return bad;
            var language = http.Request.Language();
            var (template, problems) = templates.Check(name, new EmailTemplates.Source(body.Subject!, body.Html!, body.Text!));
            if (template is null) return Results.Ok(new PreviewAnswer(problems.Select(p => ProblemView(p, language))));
            var variables = templates.VariablesOf(template);
            try
            {
                var rendered = templates.Preview(template, body.Variables ?? []);
                return Results.Ok(new PreviewAnswer([], rendered.Subject, rendered.Html, rendered.Text, variables));
            }
            catch (TemplateRenderException e)
            {
                var text = e.Missing.Count > 0 ? TemplateEditTexts.MissingSample.Format(string.Join(", ", e.Missing)) : TemplateEditTexts.RenderFailed.Format(e.Message);
                return Results.Ok(new PreviewAnswer([new PartProblemView(null, null, text.Code, text.In(language))], Variables: variables));
            }
        }).Produces<PreviewAnswer>();
        return app;
    }

    private static LocalizedProblem NotFound(string name) => new(TemplateEditTexts.NotFound.Format(name), StatusCodes.Status404NotFound);

    /// <summary>Each part present, not empty and within its limit.</summary>
    private static LocalizedProblem? PartsProblem(string? subject, string? html, string? text)
    {
        foreach (var (part, value, max) in new[] { ("subject", subject, TemplateLimits.Subject), ("html", html, TemplateLimits.Html), ("text", text, TemplateLimits.Text) })
        {
            if (string.IsNullOrWhiteSpace(value)) return LocalizedProblem.BadRequest(TemplateCheckTexts.Empty.Format(TemplateCheckTexts.PartName(part)), part);
            if (value.Length > max) return LocalizedProblem.BadRequest(TemplateCheckTexts.TooLong.Format(TemplateCheckTexts.PartName(part), value.Length, max), part, max);
        }
        return null;
    }

    private static LocalizedProblem Refused(IReadOnlyList<EmailTemplates.PartProblem> problems, Language language)
    {
        var first = problems[0];
        return new LocalizedProblem(TemplateEditTexts.Refused.Format(first.Text), StatusCodes.Status400BadRequest, new Dictionary<string, object?>
        {
            ["field"] = first.Part, ["line"] = first.Line, ["problems"] = problems.Select(p => ProblemView(p, language)).ToList(),
        });
    }

    private static PartProblemView ProblemView(EmailTemplates.PartProblem p, Language language) => new(p.Part, p.Line, p.Text.Code, p.Text.In(language));

    private static VersionInfo VersionView(TemplateVersionTable.Entry e) => new(e.Version, e.ChangedBy, e.ChangedByName, e.ChangedAt, e.Comment, e.RestoredFrom, false);

    private static VersionInfo ShippedView() => new(1, null, null, null, null, null, true);
}
