using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Jobs;
using Pppk.Workflow.Runtime.Jobs;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>An inline handler for assigning listeners: records the assignee header per <c>case</c>; fails its first <c>failTimes</c> calls.</summary>
public sealed class AssigneeHandler : IJobHandler
{
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Seen = new();

    public string Type => "test.assignee";
    public bool Inline => true;

    public Task<JobResult> HandleAsync(JobContext context, CancellationToken ct)
    {
        var seen = Seen.GetOrAdd((string)context.Variables["case"]!, _ => new());
        seen.Enqueue(context.Headers.GetValueOrDefault("pppk.assignee", "-") + "/" + context.Headers["pppk.listener"]);
        return Task.FromResult<JobResult>(seen.Count <= ((int?)context.Variables["failTimes"] ?? 0)
            ? new JobResult.Failure("the notice could not be sent")
            : new JobResult.Completed(new JsonObject { ["notified"] = true }));
    }
}

/// <summary>Assigning task listeners through the API on PostgreSQL: claim, assign and unclaim run them in their own transaction.</summary>
public sealed class AssigningListenerTests(HandlerTestHost host) : IClassFixture<HandlerTestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    private static string Assigning(int retries) =>
        $"""<zeebe:taskListeners><zeebe:taskListener eventType="assigning" type="test.assignee" retries="{retries}"/></zeebe:taskListeners>""";

    private static string[] Seen(string key) => AssigneeHandler.Seen.TryGetValue(key, out var seen) ? [.. seen] : [];

    [Fact]
    public async Task Claim_assign_and_unclaim_run_the_assigning_listener_with_the_new_assignee()
    {
        await _api.DeployAsync(Chain("lst_assign", UserTask("periksa", "Periksa berkas", extra: Assigning(3))));
        var id = (string)(await _api.StartAsync("lst_assign", new { @case = "asg-1" }))["id"]!;
        var taskId = (string)(await _api.OpenTasksAsync(id))[0]!["id"]!;
        Assert.Empty(Seen("asg-1")); // created without an assignee: nothing assigned yet

        using var admin = host.Client();
        (await admin.PostAsJsonAsync($"/api/tasks/{taskId}/claim", new { assignee = "admin" })).EnsureSuccessStatusCode();
        Assert.Equal(["admin/assigning"], Seen("asg-1")); // inline: it ran in the claim's own step
        (await admin.PostAsJsonAsync($"/api/tasks/{taskId}/unclaim", new { })).EnsureSuccessStatusCode();
        Assert.Equal(["admin/assigning", "-/assigning"], Seen("asg-1"));
        (await admin.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { assignee = "admin" })).EnsureSuccessStatusCode();
        Assert.Equal(3, Seen("asg-1").Length);

        Assert.Empty(await _api.WaitForIncidentsAsync(id, TimeSpan.Zero));
        using var signedIn = await host.SignedInClientAsync();
        (await signedIn.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { hasil = "ok" } })).EnsureSuccessStatusCode();
        await _api.WaitForStatusAsync(id, "completed");
    }

    [Fact]
    public async Task A_failing_assigning_listener_is_an_incident_on_the_open_task_that_retry_resolves()
    {
        await _api.DeployAsync(Chain("lst_assign_fail", UserTask("periksa", "Periksa berkas", extra: Assigning(1))));
        var id = (string)(await _api.StartAsync("lst_assign_fail", new { @case = "asg-2", failTimes = 1 }))["id"]!;
        var taskId = (string)(await _api.OpenTasksAsync(id))[0]!["id"]!;

        using var admin = host.Client();
        (await admin.PostAsJsonAsync($"/api/tasks/{taskId}/claim", new { assignee = "admin" })).EnsureSuccessStatusCode();
        var incident = Assert.Single(await _api.WaitForIncidentsAsync(id))!;
        Assert.Equal("periksa", (string?)incident["elementId"]);
        Assert.Contains("test.assignee", (string?)incident["message"]);
        Assert.Single(await _api.OpenTasksAsync(id)); // the task stays open, assigned

        (await admin.PostAsync($"/api/incidents/{incident["id"]}/retry", null)).EnsureSuccessStatusCode();
        Assert.Equal(["admin/assigning", "admin/assigning"], Seen("asg-2")); // inline: run again in the retry's step
        Assert.Empty(await _api.WaitForIncidentsAsync(id, TimeSpan.Zero));
    }
}
