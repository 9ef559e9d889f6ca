using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>Execution listeners on the process itself through the API: start listeners before its start event, end listeners before it completes.</summary>
public sealed class ProcessListenerTests(HandlerTestHost host) : IClassFixture<HandlerTestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    private static string WithProcessListeners(string processXml, params (string Event, string Type, int Retries)[] listeners)
    {
        var list = string.Concat(listeners.Select(l => $"""<zeebe:executionListener eventType="{l.Event}" type="{l.Type}" retries="{l.Retries}"/>"""));
        var open = System.Text.RegularExpressions.Regex.Match(processXml, "<bpmn:process [^>]*>");
        return processXml.Insert(open.Index + open.Length, $"<bpmn:extensionElements><zeebe:executionListeners>{list}</zeebe:executionListeners></bpmn:extensionElements>");
    }

    [Fact]
    public async Task A_process_start_listener_runs_before_its_first_element_and_a_failing_end_listener_is_an_incident_on_the_process_that_retry_resolves()
    {
        var xml = WithProcessListeners(Chain("lst_proc", UserTask("periksa", "Periksa berkas")), ("start", "test.double", 3), ("end", "test.scripted", 1));
        await _api.DeployAsync(xml);
        var instance = await _api.StartAsync("lst_proc", new { @case = "lst-proc-1", n = 21, failTimes = 1 });
        var id = (string)instance["id"]!;
        Assert.Equal(["periksa"], instance["activeElementIds"]!.AsArray().Select(e => (string)e!)); // the inline start listener ran in the start step
        Assert.Equal(42, (int)instance["variables"]!["doubled"]!); // a process start listener's variables are the process's

        var open = await _api.OpenTasksAsync(id);
        (await _api.CompleteAsync((string)open[0]!["id"]!, new { hasil = "lengkap" })).EnsureSuccessStatusCode();
        var incident = Assert.Single(await _api.WaitForIncidentsAsync(id))!;
        Assert.Equal("lst_proc", (string?)incident["elementId"]);
        Assert.Contains("test.scripted", (string?)incident["message"]);

        (await _api.Http.PostAsync($"/api/incidents/{incident["id"]}/retry", null)).EnsureSuccessStatusCode();
        var done = await _api.WaitForStatusAsync(id, "completed");
        Assert.Equal(2, (int)done["variables"]!["calls"]!); // the end listener's variables are in the result
        Assert.Equal("lengkap", (string?)done["variables"]!["hasil"]);
    }
}
