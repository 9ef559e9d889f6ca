using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Pppk.Workflow.Testing;

/// <summary>The REST calls the tests make, returning JSON.</summary>
public sealed class WorkflowApiClient(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<HttpResponseMessage> DeployRawAsync(string xml, string fileName = "test.bpmn")
    {
        var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-File-Name", fileName);
        return await http.PostAsync("/api/definitions", content);
    }

    public async Task<JsonObject> DeployAsync(string xml)
    {
        var response = await DeployRawAsync(xml);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
            throw new InvalidOperationException($"Deploy failed {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public async Task<JsonObject> StartAsync(string key, object? variables = null, string? businessKey = null)
    {
        var response = await http.PostAsJsonAsync("/api/instances", new { definitionKey = key, variables, businessKey });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"Start failed {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public async Task<JsonObject> InstanceAsync(string id) => (await http.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!;

    public async Task<JsonArray> OpenTasksAsync(string instanceId) =>
        (await http.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={instanceId}"))!["items"]!.AsArray();

    public async Task<HttpResponseMessage> CompleteAsync(string taskId, object? variables = null) =>
        await http.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables });

    public async Task<JsonArray> HistoryAsync(string instanceId) =>
        (await http.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}/history"))!["items"]!.AsArray();

    public async Task<JsonObject> PublishAsync(object message)
    {
        var response = await http.PostAsJsonAsync("/api/messages", message);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Publish failed {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Polls until the instance has the status (timers and jobs finish in the background).</summary>
    public async Task<JsonObject> WaitForStatusAsync(string id, string status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        JsonObject instance;
        do
        {
            instance = await InstanceAsync(id);
            if ((string?)instance["status"] == status) return instance;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"Instance {id} is {(string?)instance["status"]} (active: {instance["activeElementIds"]?.ToJsonString()}, incident: {instance["incident"]}), not {status}.");
    }

    public async Task<JsonObject> WaitForActiveAsync(string id, string elementId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        JsonObject instance;
        do
        {
            instance = await InstanceAsync(id);
            if (instance["activeElementIds"]!.AsArray().Any(e => (string?)e == elementId)) return instance;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"Instance {id} never reached {elementId}; active: {instance["activeElementIds"]?.ToJsonString()}, status {(string?)instance["status"]}.");
    }

    /// <summary>Polls until the instance has open incidents (handlers fail and retry in the background) and returns them, in <paramref name="language"/> if given.</summary>
    public async Task<JsonArray> WaitForIncidentsAsync(string instanceId, TimeSpan? timeout = null, string? language = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/incidents?instanceId={instanceId}");
            if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
            var items = (await (await http.SendAsync(request)).Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
            if (items.Count > 0 || DateTime.UtcNow > deadline) return items;
            await Task.Delay(100);
        }
    }
}
