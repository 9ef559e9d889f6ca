using Pppk.Workflow.Testing;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

public sealed class JobTests(HandlerTestHost host) : IClassFixture<HandlerTestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    [Fact]
    public async Task An_inline_handler_runs_inside_the_start_step()
    {
        await _api.DeployAsync(Chain("job_inline", ServiceTask("hitung", "test.double"), UserTask("cek")));
        var instance = await _api.StartAsync("job_inline", new { n = 21 });
        Assert.Equal(42, (int)instance["variables"]!["doubled"]!);
        Assert.Equal(["cek"], instance["activeElementIds"]!.AsArray().Select(e => (string)e!));
    }

    [Fact]
    public async Task An_inline_handler_writing_with_the_flush_commits_its_row_with_the_step_and_leaves_none_when_it_throws()
    {
        await using (var db = Npgsql.NpgsqlDataSource.Create(host.ConnectionString))
        await using (var create = db.CreateCommand("CREATE TABLE IF NOT EXISTS pppk.test_flush_writes (instance_id uuid NOT NULL)"))
            await create.ExecuteNonQueryAsync();
        await _api.DeployAsync(Chain("job_flush", ServiceTask("catat", "test.flush-write", retries: 1), UserTask("cek")));

        var ok = await _api.StartAsync("job_flush", new { fail = false });
        Assert.Equal(["cek"], ok["activeElementIds"]!.AsArray().Select(e => (string)e!));
        var failed = await _api.StartAsync("job_flush", new { fail = true });
        var incident = Assert.Single(await _api.WaitForIncidentsAsync((string)failed["id"]!))!;
        Assert.Contains("the register is closed", (string?)incident["message"]);

        await using var read = Npgsql.NpgsqlDataSource.Create(host.ConnectionString);
        await using var count = read.CreateCommand("SELECT count(*) FILTER (WHERE instance_id = @ok), count(*) FILTER (WHERE instance_id = @failed) FROM pppk.test_flush_writes");
        count.Parameters.AddWithValue("ok", Guid.Parse((string)ok["id"]!));
        count.Parameters.AddWithValue("failed", Guid.Parse((string)failed["id"]!));
        await using var r = await count.ExecuteReaderAsync();
        await r.ReadAsync();
        Assert.Equal((1L, 0L), (r.GetInt64(0), r.GetInt64(1)));
    }

    [Fact]
    public async Task An_external_handler_runs_after_commit_and_its_result_moves_the_instance_on()
    {
        await _api.DeployAsync(Chain("job_ext", ServiceTask("kirim", "test.scripted")));
        var instance = await _api.StartAsync("job_ext", new { @case = "ext-ok" });
        Assert.Equal("active", (string?)instance["status"]);
        var done = await _api.WaitForStatusAsync((string)instance["id"]!, "completed");
        Assert.Equal(1, (int)done["variables"]!["calls"]!);
    }

    [Fact]
    public async Task A_failing_handler_is_retried_and_when_retries_are_spent_becomes_an_incident_that_retry_resolves()
    {
        await _api.DeployAsync(Chain("job_retry", ServiceTask("kirim", "test.scripted", retries: 2)));
        var recovers = await _api.StartAsync("job_retry", new { @case = "retry-1", failTimes = 1 });
        var done = await _api.WaitForStatusAsync((string)recovers["id"]!, "completed");
        Assert.Equal(2, (int)done["variables"]!["calls"]!);

        var stuck = await _api.StartAsync("job_retry", new { @case = "retry-2", failTimes = 2 });
        var id = (string)stuck["id"]!;
        var incident = Assert.Single(await _api.WaitForIncidentsAsync(id))!;
        Assert.Equal("kirim", (string?)incident["elementId"]);
        Assert.Contains("attempt 2 failed", (string?)incident["message"]);
        Assert.True((bool)(await _api.InstanceAsync(id))["incident"]!);

        (await _api.Http.PostAsync($"/api/incidents/{incident["id"]}/retry", null)).EnsureSuccessStatusCode();
        var after = await _api.WaitForStatusAsync(id, "completed");
        Assert.False((bool)after["incident"]!);
        Assert.Equal(3, (int)after["variables"]!["calls"]!);
    }

    [Fact]
    public async Task An_inline_handler_is_retried_automatically_inside_a_step_with_its_transaction_like_its_first_attempt()
    {
        await _api.DeployAsync(Chain("job_inline_retry", ServiceTask("hitung", "test.flaky", retries: 3)));
        var instance = await _api.StartAsync("job_inline_retry", new { @case = "inline-1", failTimes = 1 });
        Assert.Equal("active", (string?)instance["status"]);

        var done = await _api.WaitForStatusAsync((string)instance["id"]!, "completed");

        Assert.Equal(2, (int)done["variables"]!["calls"]!);
        Assert.True((long)done["variables"]!["definitionsSeen"]! > 0);
        Assert.False((bool)done["incident"]!);
    }

    [Fact]
    public async Task When_an_inline_handlers_retries_are_spent_the_incident_gives_the_handlers_own_message()
    {
        await _api.DeployAsync(Chain("job_inline_spent", ServiceTask("hitung", "test.flaky", retries: 2)));
        var id = (string)(await _api.StartAsync("job_inline_spent", new { @case = "inline-2", failTimes = 5 }))["id"]!;

        var incident = Assert.Single(await _api.WaitForIncidentsAsync(id))!;
        Assert.Equal("The job 'test.flaky' of 'hitung' failed with no retries left: attempt 2 failed: the stock of form K-17 is not entered yet",
            (string?)incident["message"]);
        Assert.Equal(2, FlakyInlineHandler.Calls["inline-2"]);
    }

    [Fact]
    public async Task A_bpmn_error_from_a_handler_is_caught_by_the_boundary_error_event()
    {
        var xml = Process("job_error", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>",
            ServiceTask("cek_anggaran", "test.scripted"),
            """<bpmn:boundaryEvent id="kurang" attachedToRef="cek_anggaran"><bpmn:errorEventDefinition errorRef="err1"/></bpmn:boundaryEvent>""",
            UserTask("override", "Override keuangan", "finance"),
            "<bpmn:endEvent id=\"ok\"/>", "<bpmn:endEvent id=\"e2\"/>",
            Flow("f0", "start", "cek_anggaran"), Flow("f1", "cek_anggaran", "ok"), Flow("f2", "kurang", "override"), Flow("f3", "override", "e2")),
            """<bpmn:error id="err1" name="Anggaran kurang" errorCode="ANGGARAN_KURANG"/>""");
        await _api.DeployAsync(xml);
        var instance = await _api.StartAsync("job_error", new { @case = "err-1", mode = "error" });
        var waiting = await _api.WaitForActiveAsync((string)instance["id"]!, "override");
        Assert.Equal("active", (string?)waiting["status"]);
        var task = Assert.Single(await _api.OpenTasksAsync((string)instance["id"]!))!;
        Assert.Equal("finance", (string?)task["candidateGroups"]![0]);
    }

    [Fact]
    public async Task An_unknown_job_type_is_an_incident_naming_the_type()
    {
        await _api.DeployAsync(Chain("job_unknown", ServiceTask("x", "tidak.ada")));
        var instance = await _api.StartAsync("job_unknown");
        Assert.True((bool)instance["incident"]!);
        var incidents = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/incidents?instanceId={instance["id"]}"))!["items"]!.AsArray();
        Assert.Contains("tidak.ada", (string?)incidents[0]!["message"]);
    }
}
