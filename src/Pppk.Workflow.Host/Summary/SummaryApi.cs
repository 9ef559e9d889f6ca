using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Host.OpenApi;
using Pppk.Workflow.Domain.Privacy;
using Pppk.Workflow.Runtime.Api;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Host.Summary;

/// <summary><c>GET /api/instances/{id}/summary</c>: the case summary its process version declares, for whoever may see the case.</summary>
public static class SummaryApi
{
    public static IServiceCollection AddCaseSummary(this IServiceCollection services) =>
        services.AddScoped<CaseSummary>();

    public static void MapSummaryApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/instances/{id:guid}/summary", async (Guid id, NpgsqlDataSource db, GroupScopes scopes, TimeProvider clock, DefinitionStore definitions,
            CaseSummary summary, HttpContext http, CancellationToken ct) =>
        {
            // A case the caller may not see reads as missing (as GET /api/instances/{id} does).
            var instance = await InstanceTable.SeesCaseAsync(db, id, http.User.Actor(), scopes, clock.GetUtcNow(), ct) ? await InstanceTable.GetAsync(db, id, ct) : null;
            if (instance is null) return Results.Problem(title: $"No instance {id}.", statusCode: 404);
            return Results.Ok(new ItemList<SummaryLine>(await OfAsync(summary, definitions, instance.DefinitionKey, instance.Version, instance.Variables, ct)));
        }).RequireAuthorization().RecordsAccess(AccessKinds.Instance).Produces<ItemList<SummaryLine>>();

    /// <summary>The summary of a case as of its own process version (a later version's summary may name other variables).</summary>
    public static async Task<IReadOnlyList<SummaryLine>> OfAsync(CaseSummary summary, DefinitionStore definitions, string key, int version, JsonObject variables,
        CancellationToken ct) =>
        await definitions.VersionAsync(key, version, ct) is { } deployed
            ? await summary.EvaluateAsync(key, deployed.Model.Process.Summary, variables, ct)
            : [];
}
