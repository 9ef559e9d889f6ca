using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Engine.Dmn;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Host.AccessLog;
using Pppk.Workflow.Host.Instances;
using Pppk.Workflow.Host.OpenApi;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Decisions;

namespace Pppk.Workflow.Host.Decisions;

/// <summary>
/// <c>/api/decisions</c>: the deployed DMN decisions (list, one version with its XML and versions, evaluate with sample
/// variables) for those who design workflows (hr-admin), and <c>/api/instances/{id}/decisions</c>: the "why" of a case,
/// the evaluations its business rule tasks recorded, for whoever may see the case.
/// </summary>
public static class DecisionsApi
{
    public sealed record EvaluateBody(JsonObject? Variables, int? Version);

    /// <summary>One version of a decision with its DMN XML and the decision's versions.</summary>
    public sealed record DecisionDetail(string Key, string? Name, int Version, string? DecisionRequirementsKey, string? VersionTag, DateTimeOffset DeployedAt,
        string? DeployedBy, string? FileName, string Xml, IReadOnlyList<DecisionVersionSummary> Versions);

    /// <summary>An evaluation's output and trace: each decision evaluated, its inputs and matched rules.</summary>
    public sealed record EvaluationAnswer(string DecisionKey, int Version, string? Name, JsonNode? Output, JsonArray EvaluatedDecisions, IReadOnlyList<string> Warnings);

    /// <summary>At most this many evaluations of one case are answered (a case evaluates a handful).</summary>
    public const int MaxEvaluationsPerCase = 500;

    public static void MapDecisionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/decisions").RequireAuthorization(Roles.HrAdmin);

        group.MapGet("/", async (string? search, int? page, int? pageSize, NpgsqlDataSource db, CancellationToken ct) =>
        {
            if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
            var (items, total) = await DecisionTable.LatestAsync(db, search, paging.Skip, paging.PageSize, ct);
            return Results.Ok(new PagedList<DecisionSummary>(items, (int)total, paging.Page, paging.PageSize));
        }).Produces<PagedList<DecisionSummary>>();

        group.MapGet("/{key}", async (string key, int? version, NpgsqlDataSource db, CancellationToken ct) =>
        {
            if (await DecisionTable.VersionAsync(db, key, version, ct) is not { } found) return NotFound(key, version);
            return Results.Ok(new DecisionDetail(found.Key, found.Name, found.Version, found.DecisionRequirementsKey, found.VersionTag, found.DeployedAt,
                found.DeployedBy, found.FileName, found.Xml, await DecisionTable.VersionsAsync(db, key, ct)));
        }).Produces<DecisionDetail>();

        group.MapPost("/{key}/evaluate", async (string key, EvaluateBody? body, DecisionStore decisions, FeelEnvironment feel, HttpRequest request, CancellationToken ct) =>
        {
            if (await decisions.FindAsync(key, body?.Version, ct) is not { } decision) return NotFound(key, body?.Version);
            DmnEvaluation evaluation;
            try
            {
                evaluation = DmnEvaluator.Evaluate(decision.Model, key, FeelScope.FromJson(body?.Variables ?? []), feel, DmnEvaluateOptions.Process);
            }
            catch (DmnEvaluationException e)
            {
                return Failed(request, decision, e.ElementId, e.Text);
            }
            catch (FeelLimitException e)
            {
                return Failed(request, decision, null, e.Text);
            }
            return Results.Ok(new EvaluationAnswer(decision.Key, decision.Version, decision.Name, DecisionTrace.Value(evaluation.Output, bounded: false),
                DecisionTrace.Decisions(evaluation, bounded: false), evaluation.Warnings));
        }).Produces<EvaluationAnswer>();

        app.MapGet("/api/instances/{id:guid}/decisions", async (Guid id, NpgsqlDataSource db, CancellationToken ct) =>
            Results.Ok(new ItemList<DecisionEvaluationItem>(await DecisionEvaluationTable.OfInstanceAsync(db, id, MaxEvaluationsPerCase, ct))))
            .RequireAuthorization().SeenOnlyByWhoMay().RecordsAccess(AccessKinds.Instance).Produces<ItemList<DecisionEvaluationItem>>();
    }

    private static IResult NotFound(string key, int? version) => new LocalizedProblem(
        version is { } v ? DecisionApiTexts.VersionNotFound.Format(key, v) : DecisionApiTexts.NotFound.Format(key), StatusCodes.Status404NotFound);

    /// <summary>422 naming the decision, the DMN element that failed and the FEEL error, in the request's language.</summary>
    private static IResult Failed(HttpRequest request, ResolvedDecision decision, string? elementId, LocalizedText error)
    {
        var language = request.Language();
        return new LocalizedProblem(DecisionApiTexts.EvaluationFailed.Format(decision.Name ?? decision.Key, decision.Version, elementId ?? decision.Key, error),
            StatusCodes.Status422UnprocessableEntity, new Dictionary<string, object?>
            {
                ["decisionKey"] = decision.Key, ["version"] = decision.Version, ["elementId"] = elementId ?? decision.Key,
                ["error"] = error.In(language), ["errorCode"] = error.Code,
            });
    }
}

/// <summary>The decisions API's own problems, in English and Indonesian.</summary>
public static class DecisionApiTexts
{
    public static readonly TextTemplate NotFound = new("decision-not-found",
        "No decision with key '{0}' is deployed.",
        "Tidak ada keputusan dengan kunci '{0}' yang diterapkan.");
    public static readonly TextTemplate VersionNotFound = new("decision-version-not-found",
        "Decision '{0}' has no version {1}.",
        "Keputusan '{0}' tidak memiliki versi {1}.");
    public static readonly TextTemplate EvaluationFailed = new("decision-not-evaluated",
        "Decision '{0}' (version {1}) could not be evaluated at '{2}': {3}",
        "Keputusan '{0}' (versi {1}) tidak dapat dievaluasi pada '{2}': {3}");
}
