using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests.Operations;

/// <summary>A host whose operations run in chunks of 3 (so a few instances make several chunks), with an employee API key for the 403s.</summary>
public sealed class OperationsTestHost : TestHost
{
    public const string EmployeeKey = "employee-operations-key-0123456789";
    public const int ChunkSize = 3;
    public const int MaxItems = 40;

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Runtime:Operations:ChunkSize"] = ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Limits:BatchMaxInstances"] = MaxItems.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Auth:ApiKeys:0:Name"] = "portal";
        settings["Auth:ApiKeys:0:Key"] = EmployeeKey;
        settings["Auth:ApiKeys:0:Roles:0"] = "employee";
        return settings;
    }
}

/// <summary>The operations calls the tests make.</summary>
public static class OperationsClient
{
    public static async Task<string> CreateAsync(this HttpClient http, object body)
    {
        var response = await http.PostAsJsonAsync("/api/operations", body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"Create failed {(int)response.StatusCode}: {text}");
        return (string)JsonNode.Parse(text)!["id"]!;
    }

    public static async Task<JsonObject> OperationAsync(this HttpClient http, string id) =>
        (await http.GetFromJsonAsync<JsonObject>($"/api/operations/{id}"))!;

    /// <summary>Polls until the operation is no longer running.</summary>
    public static async Task<JsonObject> WaitEndedAsync(this HttpClient http, string id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var op = await http.OperationAsync(id);
            if ((string)op["state"]! != "running" || DateTime.UtcNow > deadline) return op;
            await Task.Delay(100);
        }
    }
}
