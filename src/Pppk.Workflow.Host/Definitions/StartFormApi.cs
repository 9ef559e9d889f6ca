using Npgsql;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Host.UserTasks;
using Pppk.Workflow.Runtime.Definitions;

namespace Pppk.Workflow.Host.Definitions;

/// <summary><c>GET /api/definitions/{key}/start-form</c>: what a start by hand shows — the start event's form, the start variables, whom it picks.</summary>
public static class StartFormApi
{
    /// <summary>The process's start variables as the API shows them (the definition and its start form).</summary>
    internal static IEnumerable<object> StartVariablesOf(BpmnProcess? process) => (process?.StartVariables ?? []).Select(v => new
    {
        name = v.Name, type = v.Type.ToString().ToLowerInvariant(), required = v.Required, label = v.Label,
    });

    public static void MapStartFormApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/definitions/{key}/start-form", async (string key, int? version, NpgsqlDataSource db, DefinitionStore store, CancellationToken ct) =>
        {
            var deployed = version is { } v ? await store.VersionAsync(key, v, ct) : await store.LatestAsync(key, ct);
            if (deployed is null)
                return Results.Problem(title: version is null ? $"No process with key '{key}' is deployed." : $"Process '{key}' has no version {version}.", statusCode: 404);
            var process = deployed.Model.Process;
            var form = process.StartForm;
            // A start form binds to the latest deployed form (deploy refuses a process whose start form is missing).
            var schema = form is null ? null : await TaskForm.LoadAsync(db, store, deployed.Key, deployed.Version, form.FormKey ?? form.FormId, null, ct);
            return Results.Ok(new
            {
                key = deployed.Key, name = deployed.Name, version = deployed.Version,
                startsByHand = deployed.Model.NoneStartEvent is not null,
                formId = form?.FormId ?? form?.FormKey, schema,
                startVariables = StartVariablesOf(process),
                startSubject = process.StartSubject, startBusinessKey = process.StartBusinessKey, startMany = process.StartMany,
            });
        }).RequireAuthorization();
    }
}
