using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Host.Web;

/// <summary><c>GET /api/element-templates</c>: every template in <c>workflows/element-templates/*.json</c>, for the designer.</summary>
public static class ElementTemplatesApi
{
    public static void MapElementTemplatesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/element-templates", async (IOptions<RuntimeOptions> options, IHostEnvironment env, CancellationToken ct) =>
        {
            var workflows = options.Value.WorkflowsPath ?? HostPaths.Resolve(env.ContentRootPath, options.Value.WorkflowsDirectory);
            var folder = Path.Combine(workflows, "element-templates");
            var templates = new JsonArray();
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
                {
                    // A file holds one template or an array of them, as the Camunda Modeler accepts.
                    var node = JsonNode.Parse(await File.ReadAllTextAsync(file, ct));
                    if (node is JsonArray many)
                        foreach (var t in many.ToList()) { many.Remove(t); templates.Add(t); }
                    else if (node is not null)
                        templates.Add(node);
                }
            }
            return Results.Ok(templates);
        }).RequireAuthorization(Roles.HrAdmin);
    }
}
