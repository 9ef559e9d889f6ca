using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Host.Web.ElementTemplates;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Host.Web;

/// <summary>
/// <c>GET /api/element-templates</c>, for the designer: a block per registered job handler (from its own description),
/// the user task block offering the deployed forms, the call activity block offering the deployed processes, and any
/// extra template in <c>workflows/element-templates/*.json</c>. Generated per request, so a block names only what exists.
/// </summary>
public static class ElementTemplatesApi
{
    // Enough for every process of a province; the designer lists them in one dropdown.
    private const int MaxProcesses = 500;

    public static void MapElementTemplatesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/element-templates", async (IOptions<RuntimeOptions> options, IHostEnvironment env, JobHandlerRegistry handlers, NpgsqlDataSource db, CancellationToken ct) =>
        {
            var templates = new JsonArray();
            foreach (var t in JobTemplates.All(handlers)) templates.Add(t);
            var (_, formIds) = await DefinitionTable.DeployedNamesAsync(db, ct);
            templates.Add(UserTaskTemplate.Build([.. formIds.Order(StringComparer.Ordinal)]));
            var (processes, _) = await DefinitionTable.LatestAsync(db, 0, MaxProcesses, ct);
            if (CallActivityTemplate.Build([.. processes.Select(p => (p.Key, p.Name))]) is { } call) templates.Add(call);
            var workflows = options.Value.WorkflowsPath ?? HostPaths.Resolve(env.ContentRootPath, options.Value.WorkflowsDirectory);
            await AddFilesAsync(Path.Combine(workflows, "element-templates"), templates, ct);
            return Results.Ok(templates);
        }).RequireAuthorization(Roles.HrAdmin).Produces<JsonArray>(); // Camunda element templates (their own JSON schema)
    }

    // A file holds one template or an array of them, as the Camunda Modeler accepts.
    private static async Task AddFilesAsync(string folder, JsonArray templates, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var node = JsonNode.Parse(await File.ReadAllTextAsync(file, ct));
            if (node is JsonArray many)
                foreach (var t in many.ToList()) { many.Remove(t); templates.Add(t); }
            else if (node is not null)
                templates.Add(node);
        }
    }
}
