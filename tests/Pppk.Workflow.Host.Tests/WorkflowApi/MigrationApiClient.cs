using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>The migration calls the migration tests make, and the instance as they compare it before and after.</summary>
internal static class MigrationApiClient
{
    public static async Task<(HttpStatusCode Status, JsonObject Body)> MigrateAsync(this WorkflowApiClient api, string instanceId, int targetVersion,
        object[]? mappings = null, bool dryRun = false, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/instances/{instanceId}/migration{(dryRun ? "?dryRun=true" : "")}")
        {
            Content = JsonContent.Create(new { targetVersion, mappings = mappings ?? [] }),
        };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await api.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject());
    }

    public static object Map(string from, string to) => new { sourceElementId = from, targetElementId = to };

    /// <summary>Migrates and insists it worked.</summary>
    public static async Task<JsonObject> MigrateOkAsync(this WorkflowApiClient api, string instanceId, int targetVersion, params object[] mappings)
    {
        var (status, body) = await api.MigrateAsync(instanceId, targetVersion, mappings);
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body.ToJsonString()}");
        return body;
    }

    /// <summary>What a refused plan must leave unchanged: version, active elements, open tasks.</summary>
    public static async Task<string> SnapshotAsync(this WorkflowApiClient api, string instanceId)
    {
        var instance = await api.InstanceAsync(instanceId);
        var tasks = await api.OpenTasksAsync(instanceId);
        return $"{instance["version"]}|{instance["activeElementIds"]!.ToJsonString()}|{string.Join(",", tasks.Select(t => $"{t!["id"]}:{t["elementId"]}:{t["name"]}"))}";
    }
}
