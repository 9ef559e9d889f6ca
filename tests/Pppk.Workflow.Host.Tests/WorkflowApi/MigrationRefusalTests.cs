using System.Net;
using System.Net.Http.Json;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Host.Tests.WorkflowApi.MigrationApiClient;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>Plans the API refuses: a 400 listing every problem (code, element, text) and nothing changed; the calls refused before a plan; who may migrate.</summary>
public sealed class MigrationRefusalTests(AuthorizationTestHost host) : IClassFixture<AuthorizationTestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    private const string Sub = """<bpmn:subProcess id="sub"><bpmn:startEvent id="s1"/><bpmn:userTask id="dalam" name="Dalam"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements></bpmn:userTask><bpmn:endEvent id="e1"/><bpmn:sequenceFlow id="fs1" sourceRef="s1" targetRef="dalam"/><bpmn:sequenceFlow id="fs2" sourceRef="dalam" targetRef="e1"/></bpmn:subProcess>""";

    private const string Loop = """<bpmn:userTask id="periksa" name="Periksa"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1,2]" inputElement="i"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements></bpmn:userTask>""";

    public static TheoryData<string, string, string, string, string> Plans => new()
    {
        // name, version 1, version 2, the problem's code, the element it names
        { "unmapped", Chain("rf_unmapped", UserTask("periksa")), Chain("rf_unmapped", UserTask("verifikasi")), "migration-unmapped", "periksa" },
        { "type", Chain("rf_type", UserTask("periksa")), Chain("rf_type", ServiceTask("periksa", "fiscal")), "migration-type-differs", "periksa" },
        { "multi-instance", Chain("rf_mi", Loop), Chain("rf_mi", UserTask("periksa")), "migration-multi-instance", "periksa" },
        { "scope", Chain("rf_scope", Sub), Chain("rf_scope", """<bpmn:subProcess id="sub"><bpmn:startEvent id="s1"/><bpmn:endEvent id="e1"/><bpmn:sequenceFlow id="fs1" sourceRef="s1" targetRef="e1"/></bpmn:subProcess>""", UserTask("dalam")), "migration-scope-differs", "dalam" },
        { "event", Chain("rf_event", TimerCatch("tunggu", "PT1H")), Process("rf_event", string.Join("\n", "<bpmn:startEvent id=\"start\"/>", MessageCatch("tunggu", "m"), "<bpmn:endEvent id=\"end\"/>", Flow("f0", "start", "tunggu"), Flow("f1", "tunggu", "end")), Message("m", "x", "=\"k\"")), "migration-event-differs", "tunggu" },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public async Task A_refused_plan_is_400_naming_the_problem_and_changes_nothing(string name, string v1, string v2, string code, string elementId)
    {
        var key = System.Text.RegularExpressions.Regex.Match(v1, "process id=\"([^\"]+)\"").Groups[1].Value;
        await _api.DeployAsync(v1);
        var id = (string)(await _api.StartAsync(key))["id"]!;
        await _api.DeployAsync(v2);
        var before = await _api.SnapshotAsync(id);

        var (status, body) = await _api.MigrateAsync(id, 2, language: "id");
        Assert.True(status == HttpStatusCode.BadRequest, $"{name}: {(int)status} {body.ToJsonString()}");
        Assert.Equal("migration-refused", (string?)body["code"]);
        var problem = body["problems"]!.AsArray().Single(p => (string?)p!["code"] == code)!;
        Assert.Equal(elementId, (string?)problem["elementId"]);
        Assert.Contains(elementId, (string?)problem["message"]);
        Assert.Equal(before, await _api.SnapshotAsync(id));
        Assert.DoesNotContain((await _api.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/instances/{id}/audit"))!["items"]!.AsArray(),
            a => (string?)a!["action"] == "migrate");

        var (dryStatus, dry) = await _api.MigrateAsync(id, 2, dryRun: true);
        Assert.Equal(HttpStatusCode.OK, dryStatus);
        Assert.False((bool)dry["valid"]!);
        Assert.Contains(dry["problems"]!.AsArray(), p => (string?)p!["code"] == code);
    }

    [Fact]
    public async Task Every_problem_is_listed_and_the_dry_run_shows_the_effective_mapping_of_a_good_plan()
    {
        const string fork = "<bpmn:startEvent id=\"start\"/><bpmn:parallelGateway id=\"fork\"/>";
        await _api.DeployAsync(Process("rf_many", fork + UserTask("a") + UserTask("b") + UserTask("c") + Flow("f0", "start", "fork") + Flow("f1", "fork", "a") + Flow("f2", "fork", "b") + Flow("f3", "fork", "c")));
        var id = (string)(await _api.StartAsync("rf_many"))["id"]!;
        await _api.DeployAsync(Process("rf_many", fork + ServiceTask("a", "x") + UserTask("x") + Flow("f0", "start", "fork") + Flow("f1", "fork", "a") + Flow("f2", "fork", "x")));
        await _api.DeployAsync(Process("rf_many", fork + UserTask("a") + UserTask("x") + UserTask("y") + Flow("f0", "start", "fork") + Flow("f1", "fork", "a") + Flow("f2", "fork", "x") + Flow("f3", "fork", "y")));

        var (status, body) = await _api.MigrateAsync(id, 2, [Map("c", "hilang")]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["a:migration-type-differs", "b:migration-unmapped", "c:migration-target-missing"],
            body["problems"]!.AsArray().Select(p => $"{p!["elementId"]}:{p["code"]}").Order());

        var (_, dry) = await _api.MigrateAsync(id, 3, [Map("b", "x"), Map("c", "y")], dryRun: true);
        Assert.True((bool)dry["valid"]!);
        Assert.Equal(["a>a", "b>x", "c>y"], dry["mappings"]!.AsArray().Select(m => $"{m!["sourceElementId"]}>{m["targetElementId"]}").Order());
        Assert.Equal(1, (int)(await _api.InstanceAsync(id))["version"]!); // a dry run changes nothing
    }

    [Fact]
    public async Task Unknown_instance_is_404_an_ended_one_409_and_same_or_unknown_version_or_a_bad_body_400()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _api.MigrateAsync(Guid.NewGuid().ToString(), 2)).Status);
        await _api.DeployAsync(Chain("rf_calls", UserTask("isi")));
        var id = (string)(await _api.StartAsync("rf_calls"))["id"]!;
        Assert.Equal("migration-same-version", (string?)(await _api.MigrateAsync(id, 1)).Body["code"]);
        var unknown = await _api.MigrateAsync(id, 7);
        Assert.Equal((HttpStatusCode.BadRequest, "migration-unknown-version"), (unknown.Status, (string?)unknown.Body["code"]));
        var noVersion = await _api.Http.PostAsJsonAsync($"/api/instances/{id}/migration", new { mappings = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        var tooLong = await _api.Http.PostAsJsonAsync($"/api/instances/{id}/migration", new { targetVersion = 2, mappings = new[] { Map(new string('x', 300), "isi") } });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var tooMany = await _api.Http.PostAsJsonAsync($"/api/instances/{id}/migration", new { targetVersion = 2, mappings = Enumerable.Range(0, 1001).Select(i => Map($"e{i}", "isi")).ToArray() });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);

        await _api.DeployAsync(Chain("rf_calls", UserTask("isi"), UserTask("lagi")));
        (await _api.Http.PostAsJsonAsync($"/api/instances/{id}/cancel", new { reason = "uji" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await _api.MigrateAsync(id, 2)).Status);
    }

    [Fact]
    public async Task Only_the_roles_that_may_cancel_an_instance_may_migrate_it()
    {
        await _api.DeployAsync(Chain("rf_role", UserTask("isi")));
        var id = (string)(await _api.StartAsync("rf_role"))["id"]!;
        await _api.DeployAsync(Chain("rf_role", UserTask("isi"), UserTask("lagi")));
        using var employee = host.Client(AuthorizationTestHost.EmployeeKey);
        var refused = await employee.PostAsJsonAsync($"/api/instances/{id}/migration", new { targetVersion = 2, mappings = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(1, (int)(await _api.InstanceAsync(id))["version"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsJsonAsync($"/api/instances/{id}/cancel", new { reason = "x" })).StatusCode);
    }
}
