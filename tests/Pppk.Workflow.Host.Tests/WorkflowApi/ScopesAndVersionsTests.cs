using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Host;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

public sealed class ScopesAndVersionsTests(TestHost host) : IClassFixture<TestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    private static IEnumerable<string> Active(JsonObject instance) => instance["activeElementIds"]!.AsArray().Select(e => (string)e!).Order();

    [Fact]
    public async Task A_call_activity_starts_the_child_in_the_same_step_and_the_parent_moves_on_when_it_completes()
    {
        await _api.DeployAsync(Chain("sk_child", UserTask("tanda_tangan", "Tanda tangan SK", "ppk")));
        await _api.DeployAsync(Chain("sk_parent",
            """<bpmn:callActivity id="terbitkan"><bpmn:extensionElements><zeebe:calledElement processId="sk_child" propagateAllChildVariables="true"/></bpmn:extensionElements></bpmn:callActivity>""",
            UserTask("arsip", "Arsipkan")));
        var parent = await _api.StartAsync("sk_parent", new { nama = "Budi" });
        Assert.Equal(["terbitkan"], Active(parent));

        var children = (await _api.Http.GetFromJsonAsync<JsonObject>("/api/instances?definitionKey=sk_child"))!["items"]!.AsArray();
        var child = Assert.Single(children)!;
        Assert.Equal((string?)parent["id"], (string?)child["parentInstanceId"]);
        Assert.Equal("Budi", (string?)child["variables"]!["nama"]);

        var task = (await _api.OpenTasksAsync((string)child["id"]!))[0]!;
        (await _api.CompleteAsync((string)task["id"]!, new { nomorSk = "800/001/BKPSDM/2026" })).EnsureSuccessStatusCode();
        var moved = await _api.WaitForActiveAsync((string)parent["id"]!, "arsip");
        Assert.Equal("800/001/BKPSDM/2026", (string?)moved["variables"]!["nomorSk"]);
        Assert.Equal("completed", (string?)(await _api.InstanceAsync((string)child["id"]!))["status"]);
    }

    [Fact]
    public async Task Cancelling_the_parent_cancels_the_child_and_withdraws_its_tasks()
    {
        await _api.DeployAsync(Chain("cx_child", UserTask("t_child")));
        await _api.DeployAsync(Chain("cx_parent",
            """<bpmn:callActivity id="panggil"><bpmn:extensionElements><zeebe:calledElement processId="cx_child"/></bpmn:extensionElements></bpmn:callActivity>"""));
        var parent = await _api.StartAsync("cx_parent");
        var child = (await _api.Http.GetFromJsonAsync<JsonObject>("/api/instances?definitionKey=cx_child"))!["items"]![0]!;

        var cancel = await _api.Http.PostAsJsonAsync($"/api/instances/{parent["id"]}/cancel", new { reason = "Formasi dibatalkan" });
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (string?)(await _api.InstanceAsync((string)parent["id"]!))["status"]);
        await _api.WaitForStatusAsync((string)child["id"]!, "cancelled");
        var tasks = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={child["id"]}&state=all"))!["items"]!.AsArray();
        Assert.Equal("cancelled", (string?)Assert.Single(tasks)!["state"]);
        var audit = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{parent["id"]}/audit"))!["items"]!.AsArray();
        Assert.Equal("Formasi dibatalkan", (string?)audit.Single()!["details"]!["reason"]);
        Assert.Equal(HttpStatusCode.Conflict, (await _api.Http.PostAsJsonAsync($"/api/instances/{parent["id"]}/cancel", new { reason = "lagi" })).StatusCode);
    }

    [Fact]
    public async Task A_call_to_an_undeployed_process_is_a_warning_at_deploy_and_an_incident_at_run_time()
    {
        var xml = Chain("call_missing",
            """<bpmn:callActivity id="panggil"><bpmn:extensionElements><zeebe:calledElement processId="belum_ada"/></bpmn:extensionElements></bpmn:callActivity>""");
        var deployed = await _api.DeployAsync(xml);
        Assert.Contains(deployed["warnings"]!.AsArray(), w => (string?)w!["elementId"] == "panggil" && ((string?)w["message"])!.Contains("belum_ada"));
        var instance = await _api.StartAsync("call_missing");
        Assert.True((bool)instance["incident"]!);
    }

    [Fact]
    public async Task Parallel_split_and_join_wait_for_both_branches()
    {
        var xml = Process("par", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", "<bpmn:parallelGateway id=\"split\"/>", UserTask("unit", "Konfirmasi unit", "unit-head"),
            UserTask("keu", "Cek fiskal", "finance"), "<bpmn:parallelGateway id=\"join\"/>", "<bpmn:endEvent id=\"end\"/>",
            Flow("f0", "start", "split"), Flow("f1", "split", "unit"), Flow("f2", "split", "keu"), Flow("f3", "unit", "join"), Flow("f4", "keu", "join"), Flow("f5", "join", "end")));
        await _api.DeployAsync(xml);
        var instance = await _api.StartAsync("par");
        Assert.Equal(["keu", "unit"], Active(instance));
        var tasks = await _api.OpenTasksAsync((string)instance["id"]!);
        (await _api.CompleteAsync((string)tasks.Single(t => (string?)t!["elementId"] == "unit")!["id"]!)).EnsureSuccessStatusCode();
        Assert.Equal("active", (string?)(await _api.InstanceAsync((string)instance["id"]!))["status"]);
        (await _api.CompleteAsync((string)tasks.Single(t => (string?)t!["elementId"] == "keu")!["id"]!)).EnsureSuccessStatusCode();
        Assert.Equal("completed", (string?)(await _api.InstanceAsync((string)instance["id"]!))["status"]);
    }

    [Fact]
    public async Task An_event_based_gateway_takes_the_first_event_and_withdraws_the_others()
    {
        var xml = Process("evgw", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", "<bpmn:eventBasedGateway id=\"gw\"/>", MessageCatch("jawaban", "m_j"), TimerCatch("habis", "PT30S"),
            "<bpmn:endEvent id=\"e1\"/>", "<bpmn:endEvent id=\"e2\"/>",
            Flow("f0", "start", "gw"), Flow("f1", "gw", "jawaban"), Flow("f2", "gw", "habis"), Flow("f3", "jawaban", "e1"), Flow("f4", "habis", "e2")),
            Message("m_j", "jawaban-sanggah", "=noPeserta"));
        await _api.DeployAsync(xml);
        var instance = await _api.StartAsync("evgw", new { noPeserta = "S-1" });
        await _api.PublishAsync(new { name = "jawaban-sanggah", correlationKey = "S-1" });
        Assert.Equal("completed", (string?)(await _api.InstanceAsync((string)instance["id"]!))["status"]);
        await using var conn = await Npgsql.NpgsqlDataSource.Create(host.ConnectionString).OpenConnectionAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pppk.timers WHERE instance_id = @i", conn);
        cmd.Parameters.AddWithValue("i", Guid.Parse((string)instance["id"]!));
        Assert.Equal(0L, (long)(await cmd.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Subprocess_multi_instance_runs_one_task_per_item_and_collects_the_outputs()
    {
        var xml = Chain("mi",
            """
            <bpmn:subProcess id="per_pelamar">
              <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=pelamar" inputElement="p" outputCollection="hasil" outputElement="=verdict"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
              <bpmn:startEvent id="s_in"/>
            """ + UserTask("verif", "Verifikasi") + """
              <bpmn:endEvent id="e_in"/>
              <bpmn:sequenceFlow id="i1" sourceRef="s_in" targetRef="verif"/><bpmn:sequenceFlow id="i2" sourceRef="verif" targetRef="e_in"/>
            </bpmn:subProcess>
            """);
        await _api.DeployAsync(xml);
        var instance = await _api.StartAsync("mi", new { pelamar = new[] { "A", "B", "C" } });
        var tasks = await _api.OpenTasksAsync((string)instance["id"]!);
        Assert.Equal(3, tasks.Count);
        foreach (var t in tasks) (await _api.CompleteAsync((string)t!["id"]!, new { verdict = "MS" })).EnsureSuccessStatusCode();
        var done = await _api.InstanceAsync((string)instance["id"]!);
        Assert.Equal("completed", (string?)done["status"]);
        Assert.Equal(["MS", "MS", "MS"], done["variables"]!["hasil"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public async Task A_new_version_leaves_running_instances_on_theirs_and_an_unchanged_file_adds_no_version()
    {
        var v1 = Chain("ver", UserTask("a", "Versi satu"));
        var first = await _api.DeployRawAsync(v1);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var old = await _api.StartAsync("ver");

        var same = await _api.DeployRawAsync(v1);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(1, (int)(await same.Content.ReadFromJsonAsync<JsonObject>())!["deployed"]![0]!["version"]!);

        var second = await _api.DeployRawAsync(Chain("ver", UserTask("b", "Versi dua")));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var fresh = await _api.StartAsync("ver");
        Assert.Equal(2, (int)fresh["version"]!);
        Assert.Equal(["b"], Active(fresh));

        var oldNow = await _api.InstanceAsync((string)old["id"]!);
        Assert.Equal(1, (int)oldNow["version"]!);
        (await _api.CompleteAsync((string)(await _api.OpenTasksAsync((string)old["id"]!))[0]!["id"]!)).EnsureSuccessStatusCode();
        Assert.Equal("completed", (string?)(await _api.InstanceAsync((string)old["id"]!))["status"]);

        var v1Xml = await _api.Http.GetFromJsonAsync<JsonObject>("/api/definitions/ver?version=1");
        Assert.Contains("Versi satu", (string?)v1Xml!["xml"]);
        var versions = await _api.Http.GetFromJsonAsync<JsonObject>("/api/definitions/ver/versions");
        Assert.Equal([2, 1], versions!["items"]!.AsArray().Select(v => (int)v!["version"]!));
    }

    [Fact]
    public async Task A_start_after_another_process_deployed_a_newer_version_runs_on_the_new_one()
    {
        await _api.DeployAsync(Chain("ver_other", UserTask("a", "Versi satu")));
        Assert.Equal(1, (int)(await _api.StartAsync("ver_other"))["version"]!); // this host now knows version 1 as the latest

        // Another process on the same database deploys version 2; this host is not told.
        await using (var other = await PppkHost.StartServicesAsync([], new Dictionary<string, string?>
        {
            ["ConnectionStrings:Pppk"] = host.ConnectionString,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:WriteTo:1:Args:path"] = TestHost.LogPath,
        }))
        {
            var result = await other.Services.GetRequiredService<DeploymentService>()
                .DeployAsync([new DeploymentService.DeployFile("ver_other.bpmn", Chain("ver_other", UserTask("b", "Versi dua")))], "lain", default);
            Assert.True(result.Valid);
        }

        // Single starts (grouped or not) and a start with many at once all run on version 2.
        var starts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _api.StartAsync("ver_other")));
        Assert.All(starts, s => Assert.Equal(2, (int)s["version"]!));
        Assert.All(starts, s => Assert.Equal(["b"], Active(s)));
        Assert.Equal(2, (int)(await _api.InstanceAsync((string)starts[0]["id"]!))["version"]!);
    }

    [Fact]
    public async Task Batch_start_with_unique_business_key_skips_keys_that_already_run()
    {
        await _api.DeployAsync(Chain("batch", UserTask("t")));
        await _api.StartAsync("batch", businessKey: "NIK-1");
        var response = await _api.Http.PostAsJsonAsync("/api/instances/batch", new
        {
            definitionKey = "batch",
            uniqueBusinessKey = true,
            instances = new object[]
            {
                new { businessKey = "NIK-1", variables = new { n = 1 } },
                new { businessKey = "NIK-2", variables = new { n = 2 } },
                new { businessKey = "NIK-3", variables = new { n = 3 } },
                new { businessKey = "NIK-3", variables = new { n = 4 } },
            },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, (int)body["started"]!);
        Assert.Equal(["NIK-1", "NIK-3"], body["skipped"]!.AsArray().Select(s => (string)s!));
        var list = await _api.Http.GetFromJsonAsync<JsonObject>("/api/instances?definitionKey=batch&status=active&pageSize=10");
        Assert.Equal(3, (int)list!["total"]!);
    }

    [Fact]
    public async Task A_timer_start_event_becomes_a_recurring_job_that_a_new_version_replaces()
    {
        var xml = Process("tstart", string.Join("\n",
            """<bpmn:startEvent id="tiap_kuartal"><bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/2026-01-05T08:00:00/P3M</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>""",
            UserTask("t"), "<bpmn:endEvent id=\"end\"/>", Flow("f0", "tiap_kuartal", "t"), Flow("f1", "t", "end")));
        await _api.DeployAsync(xml);
        var jobs = await RecurringAsync();
        var job = Assert.Single(jobs, j => j.Id == "timer-start:tstart:tiap_kuartal");
        Assert.Equal("0 8 5 1-12/3 *", job.Cron);
        Assert.Equal("Asia/Makassar", job.TimeZoneId);

        var v2 = xml.Replace("tiap_kuartal", "tiap_hari").Replace("R/2026-01-05T08:00:00/P3M", "0 7 * * 1-5");
        await _api.DeployAsync(v2);
        jobs = await RecurringAsync();
        Assert.DoesNotContain(jobs, j => j.Id == "timer-start:tstart:tiap_kuartal");
        Assert.Equal("0 7 * * 1-5", Assert.Single(jobs, j => j.Id == "timer-start:tstart:tiap_hari").Cron);

        // The recurring job starts an instance at that start event.
        await host.Host.Services.Service<Pppk.Workflow.Runtime.Instances.InstanceService>().StartByTimerAsync("tstart", "tiap_hari", CancellationToken.None);
        var started = await _api.Http.GetFromJsonAsync<JsonObject>("/api/instances?definitionKey=tstart");
        Assert.Equal(1, (int)started!["total"]!);
    }

    private Task<List<Hangfire.Storage.RecurringJobDto>> RecurringAsync()
    {
        using var connection = host.Host.Services.Service<Hangfire.JobStorage>().GetConnection();
        return Task.FromResult(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection));
    }
}

internal static class ServiceProviderTestExtensions
{
    public static T Service<T>(this IServiceProvider services) where T : notnull =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(services);
}
