using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>Execution and task listeners through the API: jobs run by the same handlers as service tasks, inline or after commit.</summary>
public sealed class ListenerTests(HandlerTestHost host) : IClassFixture<HandlerTestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    private static string Listeners(string kind, params (string Event, string Type, int Retries)[] listeners) =>
        $"<zeebe:{kind}s>" + string.Concat(listeners.Select(l => $"""<zeebe:{kind} eventType="{l.Event}" type="{l.Type}" retries="{l.Retries}"/>""")) + $"</zeebe:{kind}s>";

    [Fact]
    public async Task Listeners_run_before_and_after_a_user_task_with_inline_and_external_handlers()
    {
        var task = UserTask("periksa", "Periksa berkas", extra:
            Listeners("executionListener", ("start", "test.double", 3), ("end", "test.scripted", 3)) + Listeners("taskListener", ("completing", "test.scripted", 3)));
        await _api.DeployAsync(Chain("lst_user", task));
        var instance = await _api.StartAsync("lst_user", new { @case = "lst-1", n = 21 });
        var id = (string)instance["id"]!;
        Assert.Equal(["periksa"], instance["activeElementIds"]!.AsArray().Select(e => (string)e!)); // the inline start listener ran in the start step
        Assert.Null(instance["variables"]!["doubled"]); // a start listener's variables are the element's own

        var open = await _api.OpenTasksAsync(id);
        (await _api.CompleteAsync((string)open[0]!["id"]!, new { hasil = "lengkap" })).EnsureSuccessStatusCode();
        var done = await _api.WaitForStatusAsync(id, "completed");
        Assert.Equal(2, ScriptedHandler.Calls["lst-1"]); // completing, then end
        Assert.Equal(2, (int)done["variables"]!["calls"]!);
        Assert.Equal("lengkap", (string?)done["variables"]!["hasil"]);
        var history = await _api.HistoryAsync(id);
        Assert.Single(history, h => (string?)h!["elementId"] == "periksa");
    }

    [Fact]
    public async Task A_failing_listener_becomes_an_incident_that_retry_resolves()
    {
        var task = ServiceTask("kirim", "test.double", extra: Listeners("executionListener", ("start", "test.scripted", 1)));
        await _api.DeployAsync(Chain("lst_fail", task));
        var id = (string)(await _api.StartAsync("lst_fail", new { @case = "lst-2", failTimes = 1, n = 2 }))["id"]!;
        var incident = Assert.Single(await _api.WaitForIncidentsAsync(id))!;
        Assert.Equal("kirim", (string?)incident["elementId"]);
        Assert.Contains("test.scripted", (string?)incident["message"]);

        (await _api.Http.PostAsync($"/api/incidents/{incident["id"]}/retry", null)).EnsureSuccessStatusCode();
        var done = await _api.WaitForStatusAsync(id, "completed");
        Assert.Equal(4, (int)done["variables"]!["doubled"]!);
    }

    [Fact]
    public async Task A_listener_the_engine_cannot_run_is_refused_at_deploy()
    {
        var task = UserTask("t", extra: Listeners("taskListener", ("updating", "test.scripted", 3)));
        var response = await _api.DeployRawAsync(Chain("lst_refused", task));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray();
        Assert.Contains(errors, e => (string?)e!["code"] == "task-listener-event-unsupported" && (string?)e["elementId"] == "t");
    }
}
