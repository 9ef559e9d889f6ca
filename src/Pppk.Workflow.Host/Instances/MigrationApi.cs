using Pppk.Workflow.Auth;
using Pppk.Workflow.Engine.Migration;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.InstanceMigration;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Host.Instances;

/// <summary><c>POST /api/instances/{id}/migration</c>: move a running instance to another version of its process (<c>?dryRun=true</c> only checks the plan).</summary>
public static class MigrationApi
{
    public sealed record MappingBody(string? SourceElementId, string? TargetElementId);

    public sealed record MigrationBody(int? TargetVersion, List<MappingBody>? Mappings);

    /// <summary>A problem as the 400 and the dry run list it: its code, element and text in the caller's language.</summary>
    public sealed record ProblemItem(string Code, string ElementId, string Message);

    /// <summary>The dry run's answer: whether the plan holds, its problems, and where each active element would go.</summary>
    public sealed record CheckAnswer(bool Valid, IReadOnlyList<ProblemItem> Problems, IReadOnlyList<ElementMapping> Mappings);

    public static void MapMigrationApi(this IEndpointRouteBuilder app)
    {
        // The same operators who may cancel an instance may move it.
        app.MapPost("/api/instances/{id:guid}/migration", async (Guid id, MigrationBody body, bool? dryRun, MigrationService migrations, HttpContext http, CancellationToken ct) =>
        {
            if (Request(body) is not { } request)
                return Results.Problem(title: "targetVersion is required, and each mapping needs sourceElementId and targetElementId.", statusCode: 400);
            var language = http.Request.Language();
            if (dryRun == true)
            {
                var check = await migrations.CheckAsync(id, request, ct);
                return Results.Ok(new CheckAnswer(check.Valid, Items(check.Problems, language), check.Mappings));
            }
            try
            {
                var done = await migrations.MigrateAsync(id, request, http.User.Identity?.Name, ct);
                return Results.Ok(done);
            }
            catch (WorkflowException e) when (e is { Problems: { } problems, Text: { } text })
            {
                return new LocalizedProblem(text, StatusCodes.Status400BadRequest, new Dictionary<string, object?> { ["problems"] = Items(problems, language) });
            }
        }).RequireAuthorization(Roles.HrAdmin).Produces<MigrationOutcome>()
            .WithDescription("With `dryRun=true` the answer is the check instead: `{ valid, problems, mappings }`.");
    }

    private static MigrationRequest? Request(MigrationBody body)
    {
        if (body.TargetVersion is not { } version || body.Mappings?.Any(m => m is null || string.IsNullOrWhiteSpace(m.SourceElementId) || string.IsNullOrWhiteSpace(m.TargetElementId)) == true)
            return null;
        return new MigrationRequest(version, body.Mappings?.Select(m => new ElementMapping(m.SourceElementId!.Trim(), m.TargetElementId!.Trim())).ToList() ?? []);
    }

    private static List<ProblemItem> Items(IReadOnlyList<PlanProblem> problems, Engine.Localization.Language language) =>
        problems.Select(p => new ProblemItem(p.Code, p.ElementId, p.Message.In(language))).ToList();
}
