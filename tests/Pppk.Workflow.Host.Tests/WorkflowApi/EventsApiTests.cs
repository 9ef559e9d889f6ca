using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>Event subprocesses, escalation and signals through the API on PostgreSQL: subscriptions as rows, triggers through the real drains.</summary>
public sealed class EventsApiTests(HandlerTestHost host) : IClassFixture<HandlerTestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    private async Task<long> CountAsync(string sql, Guid instanceId)
    {
        await using var db = NpgsqlDataSource.Create(host.ConnectionString);
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.AddWithValue("i", instanceId);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static string Esp(string id, string start, params string[] inner) =>
        $"""<bpmn:subProcess id="{id}" triggeredByEvent="true">{start}{string.Join("\n", inner)}</bpmn:subProcess>""";

    private static IEnumerable<string> Elements(JsonArray history, string elementId) =>
        history.Where(h => (string?)h!["elementId"] == elementId).Select(h => h!.ToJsonString());

    [Fact]
    public async Task A_message_event_subprocess_interrupts_the_case_and_its_subscription_lives_with_the_instance()
    {
        await _api.DeployAsync(Process("esp_withdraw", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", UserTask("verifikasi"), "<bpmn:endEvent id=\"end\"/>",
            Flow("f0", "start", "verifikasi"), Flow("f1", "verifikasi", "end"),
            Esp("mundur", """<bpmn:startEvent id="mundur_start"><bpmn:messageEventDefinition messageRef="m_mundur"/></bpmn:startEvent>""",
                UserTask("tutup", "Tutup kasus"), "<bpmn:endEvent id=\"mundur_end\"/>", Flow("g0", "mundur_start", "tutup"), Flow("g1", "tutup", "mundur_end"))),
            Message("m_mundur", "pelamar-mundur", "=nik")));
        var instance = await _api.StartAsync("esp_withdraw", new { nik = "6402010101900009" });
        var id = Guid.Parse((string)instance["id"]!);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM pppk.message_subscriptions WHERE instance_id = @i", id));

        var published = await _api.PublishAsync(new { name = "pelamar-mundur", correlationKey = "6402010101900009", variables = new { alasan = "mengundurkan diri" } });
        Assert.Equal([id.ToString()], published["correlatedInstanceIds"]!.AsArray().Select(x => (string)x!));
        var state = await _api.InstanceAsync(id.ToString());
        Assert.Equal(["mundur", "tutup"], state["activeElementIds"]!.AsArray().Select(e => (string)e!).Order());
        Assert.Equal("mengundurkan diri", (string?)state["variables"]!["alasan"]);
        var tasks = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={id}&state=all"))!["items"]!.AsArray();
        Assert.Contains(tasks, t => (string?)t!["elementId"] == "verifikasi" && (string?)t["state"] == "cancelled");
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM pppk.message_subscriptions WHERE instance_id = @i", id));

        var tutup = (await _api.OpenTasksAsync(id.ToString())).Single()!;
        (await _api.CompleteAsync((string)tutup["id"]!)).EnsureSuccessStatusCode();
        Assert.Equal("completed", (string?)(await _api.InstanceAsync(id.ToString()))["status"]);
    }

    [Fact]
    public async Task A_non_interrupting_timer_event_subprocess_fires_beside_the_open_task()
    {
        await _api.DeployAsync(Process("esp_remind", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", UserTask("isi"), "<bpmn:endEvent id=\"end\"/>", Flow("f0", "start", "isi"), Flow("f1", "isi", "end"),
            Esp("ingatkan", """<bpmn:startEvent id="ing_start" isInterrupting="false"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>""",
                "<bpmn:intermediateThrowEvent id=\"diingatkan\"/>", "<bpmn:endEvent id=\"ing_end\"/>", Flow("g0", "ing_start", "diingatkan"), Flow("g1", "diingatkan", "ing_end")))));
        var instance = await _api.StartAsync("esp_remind");
        var id = (string)instance["id"]!;
        var fired = await WaitAsync(async () => Elements(await _api.HistoryAsync(id), "ing_end").Any());
        Assert.True(fired, "the event subprocess never ran");
        Assert.Equal(["isi"], (await _api.InstanceAsync(id))["activeElementIds"]!.AsArray().Select(e => (string)e!));
        var task = (await _api.OpenTasksAsync(id)).Single()!;
        (await _api.CompleteAsync((string)task["id"]!)).EnsureSuccessStatusCode();
        Assert.Equal("completed", (string?)(await _api.InstanceAsync(id))["status"]);
    }

    [Fact]
    public async Task An_error_event_subprocess_catches_a_job_s_bpmn_error()
    {
        await _api.DeployAsync(Process("esp_error", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", ServiceTask("cek", "test.scripted"), "<bpmn:endEvent id=\"end\"/>", Flow("f0", "start", "cek"), Flow("f1", "cek", "end"),
            Esp("gagal", """<bpmn:startEvent id="gagal_start"><bpmn:errorEventDefinition errorRef="e_ang"/></bpmn:startEvent>""",
                UserTask("revisi", "Revisi anggaran"), "<bpmn:endEvent id=\"gagal_end\"/>", Flow("g0", "gagal_start", "revisi"), Flow("g1", "revisi", "gagal_end"))),
            """<bpmn:error id="e_ang" name="Anggaran" errorCode="ANGGARAN_KURANG"/>"""));
        var instance = await _api.StartAsync("esp_error", new { @case = "esp-err-1", mode = "error" });
        var state = await _api.WaitForActiveAsync((string)instance["id"]!, "revisi");
        Assert.Contains("gagal", state["activeElementIds"]!.AsArray().Select(e => (string)e!));
    }

    [Fact]
    public async Task An_escalation_is_caught_by_a_non_interrupting_boundary_and_an_uncaught_one_is_audited()
    {
        await _api.DeployAsync(Process("esc_case", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>",
            """<bpmn:subProcess id="unit"><bpmn:startEvent id="u_start"/><bpmn:intermediateThrowEvent id="naik"><bpmn:escalationEventDefinition escalationRef="esc_b"/></bpmn:intermediateThrowEvent>""",
            UserTask("jawab"), "<bpmn:endEvent id=\"u_end\"/>", Flow("u0", "u_start", "naik"), Flow("u1", "naik", "jawab"), Flow("u2", "jawab", "u_end"), "</bpmn:subProcess>",
            """<bpmn:boundaryEvent id="ke_bkpsdm" attachedToRef="unit" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="esc_b"/></bpmn:boundaryEvent>""",
            UserTask("bkpsdm", "Tindak lanjut BKPSDM"), """<bpmn:intermediateThrowEvent id="lepas"><bpmn:escalationEventDefinition escalationRef="esc_x"/></bpmn:intermediateThrowEvent>""",
            "<bpmn:endEvent id=\"end\"/>", "<bpmn:endEvent id=\"b_end\"/>",
            Flow("f0", "start", "unit"), Flow("f1", "unit", "lepas"), Flow("f2", "lepas", "end"), Flow("f3", "ke_bkpsdm", "bkpsdm"), Flow("f4", "bkpsdm", "b_end")),
            """<bpmn:escalation id="esc_b" name="BKPSDM" escalationCode="KE_BKPSDM"/><bpmn:escalation id="esc_x" name="Lain" escalationCode="TAK_DITANGKAP"/>"""));
        var instance = await _api.StartAsync("esc_case");
        var id = (string)instance["id"]!;
        Assert.Equal(["bkpsdm", "jawab", "unit"], (await _api.InstanceAsync(id))["activeElementIds"]!.AsArray().Select(e => (string)e!).Order());
        foreach (var task in await _api.OpenTasksAsync(id))
            (await _api.CompleteAsync((string)task!["id"]!)).EnsureSuccessStatusCode();
        Assert.Equal("completed", (string?)(await _api.InstanceAsync(id))["status"]);
        var audit = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{id}/audit"))!["items"]!.AsArray();
        var entry = Assert.Single(audit, a => (string?)a!["action"] == "escalation-not-caught")!;
        Assert.Equal("TAK_DITANGKAP", (string?)entry["details"]!["escalationCode"]);
    }

    [Fact]
    public async Task A_broadcast_triggers_every_subscription_and_starts_every_process_with_a_signal_start()
    {
        const string Root = """<bpmn:signal id="sig" name="pengumuman-ditunda"/>""";
        await _api.DeployAsync(Process("sig_wait", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", """<bpmn:intermediateCatchEvent id="tunggu"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateCatchEvent>""",
            "<bpmn:endEvent id=\"end\"/>", Flow("f0", "start", "tunggu"), Flow("f1", "tunggu", "end")), Root));
        await _api.DeployAsync(Process("sig_task", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", UserTask("wawancara"),
            """<bpmn:boundaryEvent id="tunda" attachedToRef="wawancara" cancelActivity="false"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:boundaryEvent>""",
            "<bpmn:intermediateThrowEvent id=\"dicatat\"/>", "<bpmn:endEvent id=\"end\"/>", "<bpmn:endEvent id=\"t_end\"/>",
            Flow("f0", "start", "wawancara"), Flow("f1", "wawancara", "end"), Flow("f2", "tunda", "dicatat"), Flow("f3", "dicatat", "t_end")), Root));
        await _api.DeployAsync(Process("sig_start", string.Join("\n",
            """<bpmn:startEvent id="start"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:startEvent>""", UserTask("umumkan"), "<bpmn:endEvent id=\"end\"/>",
            Flow("f0", "start", "umumkan"), Flow("f1", "umumkan", "end")), Root));
        var a = (string)(await _api.StartAsync("sig_wait"))["id"]!;
        var b = (string)(await _api.StartAsync("sig_task"))["id"]!;

        using var response = await _api.Http.PostAsJsonAsync("/api/signals", new { name = "pengumuman-ditunda", variables = new { tanggalBaru = "2026-04-01" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal([a, b], body["triggeredInstanceIds"]!.AsArray().Select(x => (string)x!).Order());
        var started = (string)Assert.Single(body["startedInstanceIds"]!.AsArray())!;

        var doneA = await _api.InstanceAsync(a);
        Assert.Equal("completed", (string?)doneA["status"]);
        Assert.Equal("2026-04-01", (string?)doneA["variables"]!["tanggalBaru"]);
        Assert.Single(Elements(await _api.HistoryAsync(b), "dicatat"));
        Assert.Equal(["wawancara"], (await _api.InstanceAsync(b))["activeElementIds"]!.AsArray().Select(e => (string)e!));
        var startedInstance = await _api.InstanceAsync(started);
        Assert.Equal("sig_start", (string?)startedInstance["definitionKey"]);
        Assert.Equal("2026-04-01", (string?)startedInstance["variables"]!["tanggalBaru"]);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM pppk.signal_subscriptions WHERE instance_id = @i", Guid.Parse(a)));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM pppk.signal_subscriptions WHERE instance_id = @i", Guid.Parse(b)));

        using var nameless = await _api.Http.PostAsJsonAsync("/api/signals", new { variables = new { } });
        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
    }

    [Fact]
    public async Task A_signal_thrown_inside_a_step_reaches_other_instances_and_the_thrower_itself()
    {
        const string Root = """<bpmn:signal id="sig" name="ronde-ditutup"/>""";
        await _api.DeployAsync(Process("sig_listener", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", """<bpmn:intermediateCatchEvent id="tunggu"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateCatchEvent>""",
            "<bpmn:endEvent id=\"end\"/>", Flow("f0", "start", "tunggu"), Flow("f1", "tunggu", "end")), Root));
        await _api.DeployAsync(Process("sig_thrower", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", "<bpmn:parallelGateway id=\"split\"/>", UserTask("tutup"),
            """<bpmn:intermediateThrowEvent id="siarkan"><bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=ronde" target="ronde"/></zeebe:ioMapping></bpmn:extensionElements><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateThrowEvent>""",
            """<bpmn:intermediateCatchEvent id="sendiri"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateCatchEvent>""",
            "<bpmn:endEvent id=\"end\"/>", "<bpmn:endEvent id=\"end2\"/>",
            Flow("f0", "start", "split"), Flow("f1", "split", "tutup"), Flow("f2", "tutup", "siarkan"), Flow("f3", "siarkan", "end"),
            Flow("f4", "split", "sendiri"), Flow("f5", "sendiri", "end2")), Root));
        var listeners = new List<string>();
        for (var i = 0; i < 3; i++) listeners.Add((string)(await _api.StartAsync("sig_listener"))["id"]!);
        var thrower = (string)(await _api.StartAsync("sig_thrower", new { ronde = 3 }))["id"]!;

        var task = (await _api.OpenTasksAsync(thrower)).Single()!;
        (await _api.CompleteAsync((string)task["id"]!)).EnsureSuccessStatusCode();
        Assert.Equal("completed", (string?)(await _api.InstanceAsync(thrower))["status"]); // its own catch got the signal in the same step
        foreach (var listener in listeners)
        {
            var done = await _api.WaitForStatusAsync(listener, "completed", TimeSpan.FromSeconds(20));
            Assert.Equal(3, (int)done["variables"]!["ronde"]!);
        }
    }

    [Fact]
    public async Task A_conditional_boundary_fires_when_the_variables_are_changed_through_the_api()
    {
        await _api.DeployAsync(Process("cond_case", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", UserTask("periksa"),
            """<bpmn:boundaryEvent id="berubah" attachedToRef="periksa"><bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">=berkasDiubah = true</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:boundaryEvent>""",
            UserTask("periksa_ulang"), "<bpmn:endEvent id=\"end\"/>", "<bpmn:endEvent id=\"end2\"/>",
            Flow("f0", "start", "periksa"), Flow("f1", "periksa", "end"), Flow("f2", "berubah", "periksa_ulang"), Flow("f3", "periksa_ulang", "end2"))));
        var id = (string)(await _api.StartAsync("cond_case", new { berkasDiubah = false }))["id"]!;
        Assert.Equal(["periksa"], (await _api.InstanceAsync(id))["activeElementIds"]!.AsArray().Select(e => (string)e!));

        using var response = await _api.Http.PutAsJsonAsync($"/api/instances/{id}/variables", new { variables = new { berkasDiubah = true } });
        response.EnsureSuccessStatusCode();
        Assert.Equal(["periksa_ulang"], (await _api.InstanceAsync(id))["activeElementIds"]!.AsArray().Select(e => (string)e!));
        var tasks = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={id}&state=all"))!["items"]!.AsArray();
        Assert.Contains(tasks, t => (string?)t!["elementId"] == "periksa" && (string?)t["state"] == "cancelled");
    }

    [Fact]
    public async Task An_escalation_a_called_instance_does_not_catch_reaches_the_boundary_on_its_call_activity()
    {
        const string Escalation = """<bpmn:escalation id="esc_u" name="Unit" escalationCode="UNIT_DIAM"/>""";
        await _api.DeployAsync(Process("esc_child", string.Join("\n",
            "<bpmn:startEvent id=\"s\"/>", """<bpmn:intermediateThrowEvent id="naik"><bpmn:escalationEventDefinition escalationRef="esc_u"/></bpmn:intermediateThrowEvent>""",
            UserTask("jawab"), "<bpmn:endEvent id=\"e\"/>", Flow("f0", "s", "naik"), Flow("f1", "naik", "jawab"), Flow("f2", "jawab", "e")), Escalation));
        await _api.DeployAsync(Process("esc_parent", string.Join("\n",
            "<bpmn:startEvent id=\"s\"/>",
            """<bpmn:callActivity id="unit"><bpmn:extensionElements><zeebe:calledElement processId="esc_child"/></bpmn:extensionElements></bpmn:callActivity>""",
            """<bpmn:boundaryEvent id="ke_bkpsdm" attachedToRef="unit" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="esc_u"/></bpmn:boundaryEvent>""",
            UserTask("bkpsdm"), "<bpmn:endEvent id=\"e\"/>", "<bpmn:endEvent id=\"be\"/>",
            Flow("f0", "s", "unit"), Flow("f1", "unit", "e"), Flow("f2", "ke_bkpsdm", "bkpsdm"), Flow("f3", "bkpsdm", "be")), Escalation));
        var parent = (string)(await _api.StartAsync("esc_parent"))["id"]!;
        var state = await _api.WaitForActiveAsync(parent, "bkpsdm");
        Assert.Contains("unit", state["activeElementIds"]!.AsArray().Select(e => (string)e!));
        var audit = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{parent}/audit"))!["items"]!.AsArray();
        Assert.DoesNotContain(audit, a => (string?)a!["action"] == "escalation-not-caught");
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            if (await condition()) return true;
            await Task.Delay(100);
        }
        return false;
    }
}
