using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

public sealed class TimerAndMessageTests(TestHost host) : IClassFixture<TestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    /// <summary>
    /// The timer fires, not before its due time. How late it fires is a speed figure, measured by the runtime benchmark
    /// (part c, "timers: p95 lateness"), not asserted here: on a loaded machine a test can't tell slow from wrong.
    /// </summary>
    [Fact]
    public async Task A_timer_fires_at_its_due_time_not_before()
    {
        await _api.DeployAsync(Chain("tm_catch", TimerCatch("tunggu", "PT2S")));
        var instance = await _api.StartAsync("tm_catch");
        var started = DateTimeOffset.Parse((string)instance["startedAt"]!);
        var done = await _api.WaitForStatusAsync((string)instance["id"]!, "completed");
        var timer = (await _api.HistoryAsync((string)instance["id"]!)).Single(h => (string?)h!["elementId"] == "tunggu")!;
        var firedAt = DateTimeOffset.Parse((string)timer["endedAt"]!);
        var lateness = firedAt - (started + TimeSpan.FromSeconds(2));
        Assert.True(lateness >= TimeSpan.FromMilliseconds(-20), $"fired {lateness.TotalMilliseconds} ms early");
        Assert.Equal("completed", (string?)done["status"]);
    }

    [Fact]
    public async Task A_non_interrupting_boundary_timer_cycle_keeps_firing_while_the_task_is_open_and_an_interrupting_one_cancels_it()
    {
        var xml = Process("tm_boundary", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>",
            UserTask("drh", "Isi DRH", "employee"),
            """<bpmn:boundaryEvent id="ingatkan" cancelActivity="false" attachedToRef="drh"><bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/PT1S</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>""",
            """<bpmn:boundaryEvent id="batas" attachedToRef="drh"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT4S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>""",
            "<bpmn:intermediateThrowEvent id=\"diingatkan\"/>",
            "<bpmn:endEvent id=\"selesai\"/>", "<bpmn:endEvent id=\"r_end\"/>", "<bpmn:endEvent id=\"lewat\"/>",
            Flow("f0", "start", "drh"), Flow("f1", "drh", "selesai"), Flow("f2", "ingatkan", "diingatkan"), Flow("f3", "diingatkan", "r_end"), Flow("f4", "batas", "lewat")));
        await _api.DeployAsync(xml);
        var instance = await _api.StartAsync("tm_boundary");
        var id = (string)instance["id"]!;
        var done = await _api.WaitForStatusAsync(id, "completed", TimeSpan.FromSeconds(20));
        var history = await _api.HistoryAsync(id);
        var reminders = history.Count(h => (string?)h!["elementId"] == "diingatkan");
        Assert.InRange(reminders, 2, 5);
        Assert.Contains(history, h => (string?)h!["elementId"] == "lewat");
        var tasks = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={id}&state=all"))!["items"]!.AsArray();
        Assert.Equal("cancelled", (string?)Assert.Single(tasks)!["state"]);
        Assert.Equal("completed", (string?)done["status"]);
    }

    [Fact]
    public async Task A_message_correlates_by_name_and_key_to_the_waiting_instance_only()
    {
        var xml = Process("msg_wait", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", MessageCatch("tunggu_ni", "m_ni"), "<bpmn:endEvent id=\"end\"/>",
            Flow("f0", "start", "tunggu_ni"), Flow("f1", "tunggu_ni", "end")),
            Message("m_ni", "ni-terbit", "=nik"));
        await _api.DeployAsync(xml);
        var a = await _api.StartAsync("msg_wait", new { nik = "6402010101900001" });
        var b = await _api.StartAsync("msg_wait", new { nik = "6402010101900002" });

        var result = await _api.PublishAsync(new { name = "ni-terbit", correlationKey = "6402010101900001", variables = new { niPppk = "199001012025211001" } });
        Assert.Equal([(string)a["id"]!], result["correlatedInstanceIds"]!.AsArray().Select(x => (string)x!));
        var doneA = await _api.InstanceAsync((string)a["id"]!);
        Assert.Equal("completed", (string?)doneA["status"]);
        Assert.Equal("199001012025211001", (string?)doneA["variables"]!["niPppk"]);
        Assert.Equal("active", (string?)(await _api.InstanceAsync((string)b["id"]!))["status"]);
    }

    [Fact]
    public async Task A_message_with_a_time_to_live_waits_for_its_subscription_and_a_repeated_message_id_is_accepted_once()
    {
        var xml = Process("msg_ttl", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", UserTask("dulu"), MessageCatch("tunggu", "m_skor"), "<bpmn:endEvent id=\"end\"/>",
            Flow("f0", "start", "dulu"), Flow("f1", "dulu", "tunggu"), Flow("f2", "tunggu", "end")),
            Message("m_skor", "skor-cat", "=noPeserta"));
        await _api.DeployAsync(xml);
        var instance = await _api.StartAsync("msg_ttl", new { noPeserta = "P-77" });

        var first = await _api.PublishAsync(new { name = "skor-cat", correlationKey = "P-77", variables = new { skor = 410 }, messageId = "cat-P-77", timeToLiveSeconds = 60 });
        Assert.True((bool)first["buffered"]!);
        var repeat = await _api.PublishAsync(new { name = "skor-cat", correlationKey = "P-77", variables = new { skor = 999 }, messageId = "cat-P-77", timeToLiveSeconds = 60 });
        Assert.True((bool)repeat["duplicate"]!);

        var task = (await _api.OpenTasksAsync((string)instance["id"]!))[0]!;
        (await _api.CompleteAsync((string)task["id"]!)).EnsureSuccessStatusCode();
        var done = await _api.InstanceAsync((string)instance["id"]!);
        Assert.Equal("completed", (string?)done["status"]);
        Assert.Equal(410, (int)done["variables"]!["skor"]!);
    }

    [Fact]
    public async Task A_message_without_time_to_live_and_no_subscriber_is_dropped()
    {
        var result = await _api.PublishAsync(new { name = "tak-ada-yang-menunggu", correlationKey = "x" });
        Assert.Empty(result["correlatedInstanceIds"]!.AsArray());
        Assert.False((bool)result["buffered"]!);
    }

    [Fact]
    public async Task A_message_start_event_starts_an_instance()
    {
        var xml = Process("msg_start", string.Join("\n",
            """<bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="m_s"/></bpmn:startEvent>""",
            UserTask("tindak"), "<bpmn:endEvent id=\"end\"/>", Flow("f0", "start", "tindak"), Flow("f1", "tindak", "end")),
            """<bpmn:message id="m_s" name="skor-lengkap"/>""");
        await _api.DeployAsync(xml);
        var result = await _api.PublishAsync(new { name = "skor-lengkap", correlationKey = "F-001", variables = new { formasi = "F-001" } });
        var started = Assert.Single(result["startedInstanceIds"]!.AsArray())!;
        var instance = await _api.InstanceAsync((string)started!);
        Assert.Equal("F-001", (string?)instance["variables"]!["formasi"]);
        Assert.Equal(["tindak"], instance["activeElementIds"]!.AsArray().Select(e => (string)e!));
    }
}
