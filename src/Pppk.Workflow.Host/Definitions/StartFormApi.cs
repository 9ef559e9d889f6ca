using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Engine.Model;
using Pppk.Workflow.Host.UserTasks;
using Pppk.Workflow.Runtime.Definitions;

namespace Pppk.Workflow.Host.Definitions;

/// <summary><c>GET /api/definitions/{key}/start-form</c>: what a start by hand shows — the start event's form, the start variables, whom it picks.</summary>
public static class StartFormApi
{
    /// <summary>A start variable as the API shows it; <c>type</c> in lower case.</summary>
    public sealed record StartVariableView(string Name, string Type, bool Required, string? Label);

    /// <summary>What starting the process by hand shows: the start form's schema (form-js JSON), the start variables, whom it picks.</summary>
    public sealed record StartFormView(string Key, string? Name, int Version, bool StartsByHand, string? FormId, JsonNode? Schema,
        IEnumerable<StartVariableView> StartVariables, string? StartSubject, string? StartBusinessKey, string? StartMany);

    /// <summary>The process's start variables as the API shows them (the definition and its start form).</summary>
    internal static IEnumerable<StartVariableView> StartVariablesOf(BpmnProcess? process) =>
        (process?.StartVariables ?? []).Select(v => new StartVariableView(v.Name, v.Type.ToString().ToLowerInvariant(), v.Required, v.Label));

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
            return Results.Ok(new StartFormView(deployed.Key, deployed.Name, deployed.Version, deployed.Model.NoneStartEvent is not null,
                form?.FormId ?? form?.FormKey, schema, StartVariablesOf(process), process.StartSubject, process.StartBusinessKey, process.StartMany));
        }).RequireAuthorization().Produces<StartFormView>();
    }
}
