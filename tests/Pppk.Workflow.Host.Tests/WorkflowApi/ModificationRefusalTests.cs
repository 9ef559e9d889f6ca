using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>Refused modifications: 400 listing every problem with nothing changed, 404, and 403 for a caller without the role.</summary>
public sealed class ModificationRefusalTests(AuthorizationTestHost host) : IClassFixture<AuthorizationTestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    private async Task<string> StartedAsync()
    {
        await _api.DeployAsync(Chain("mod_refuse", UserTask("a"), UserTask("b")));
        return (string)(await _api.StartAsync("mod_refuse"))["id"]!;
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string id, object body, string? language = null, HttpClient? client = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/instances/{id}/modification") { Content = JsonContent.Create(body) };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await (client ?? _api.Http).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject());
    }

    private static List<(string?, string?)> Problems(JsonObject body) =>
        [.. body["problems"]!.AsArray().Select(p => ((string?)p!["code"], (string?)p["elementId"]))];

    private async Task<string> SnapshotAsync(string id)
    {
        var instance = await _api.InstanceAsync(id);
        var tasks = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={id}&state=all"))!["items"]!.AsArray();
        var history = await _api.HistoryAsync(id);
        var audit = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{id}/audit"))!["items"]!.AsArray();
        return string.Join("\n", instance.ToJsonString(), tasks.ToJsonString(), history.ToJsonString(), audit.ToJsonString());
    }

    [Fact]
    public async Task A_modification_with_several_problems_is_400_listing_every_one_and_changes_nothing()
    {
        var id = await StartedAsync();
        var before = await SnapshotAsync(id);

        var (status, body) = await PostAsync(id, new
        {
            activate = new object[] { new { elementId = "nope" }, new { elementId = "start" }, new { elementId = "b", variables = new { x = 1 } } },
            terminate = new[] { new { elementId = "b" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("modification-refused", (string?)body["code"]);
        Assert.Equal([("modification-element-not-active", "b"), ("modification-unknown-element", "nope"), ("modification-start-event", "start")], Problems(body));
        Assert.All(body["problems"]!.AsArray(), p => Assert.Contains((string)p!["elementId"]!, (string)p["message"]!));
        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Fact]
    public async Task The_problems_are_in_Indonesian_when_asked()
    {
        var id = await StartedAsync();
        var (status, body) = await PostAsync(id, new { activate = new[] { new { elementId = "start" } } }, "id");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("peristiwa mulai", (string)body["problems"]![0]!["message"]!);
        Assert.Contains("Modifikasi ditolak", (string)body["title"]!);
    }

    [Fact]
    public async Task Terminating_everything_and_activating_nothing_is_refused_pointing_to_cancel()
    {
        var id = await StartedAsync();
        var before = await SnapshotAsync(id);
        var (status, body) = await PostAsync(id, new { terminate = new[] { new { elementId = "a" } } });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([("modification-nothing-left", null)], Problems(body));
        Assert.Contains("cancel", (string)body["problems"]![0]!["message"]!);
        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Fact]
    public async Task An_empty_modification_and_one_of_an_ended_instance_are_refused()
    {
        var id = await StartedAsync();
        Assert.Equal([("modification-empty", null)], Problems((await PostAsync(id, new { })).Body));
        var cancel = await _api.Http.PostAsJsonAsync($"/api/instances/{id}/cancel", new { reason = "uji" });
        Assert.True(cancel.IsSuccessStatusCode);
        var (status, body) = await PostAsync(id, new { activate = new[] { new { elementId = "b" } } });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([("modification-instance-not-active", null)], Problems(body));
    }

    [Fact]
    public async Task A_body_over_its_limits_is_400_naming_each_problem()
    {
        var id = await StartedAsync();
        var (status, body) = await PostAsync(id, new
        {
            activate = Enumerable.Range(0, 101).Select(_ => new { elementId = "b" }).ToArray(),
            terminate = new object[] { new { elementId = "" }, new { elementId = new string('x', 257) } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["modification-too-many-items", "modification-element-id-missing", "modification-element-id-too-long"],
            Problems(body).Select(p => p.Item1));
        Assert.Contains("terminate[1].elementId", (string)body["problems"]![2]!["message"]!);
    }

    [Fact]
    public async Task An_unknown_instance_is_404()
    {
        var (status, _) = await PostAsync(Guid.NewGuid().ToString(), new { activate = new[] { new { elementId = "b" } } });
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task A_caller_without_the_role_to_cancel_instances_is_403_and_nothing_changes()
    {
        var id = await StartedAsync();
        var before = await SnapshotAsync(id);
        using var employee = host.Client(AuthorizationTestHost.EmployeeKey);
        var (status, _) = await PostAsync(id, new { activate = new[] { new { elementId = "b" } }, terminate = new[] { new { elementId = "a" } } }, client: employee);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(before, await SnapshotAsync(id));
    }
}
