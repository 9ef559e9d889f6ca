using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>Which version a call activity starts and a task's form shows (bindingType latest, deployment, versionTag); embedded forms; task priority.</summary>
public sealed class BindingTests(TestHost host) : IClassFixture<TestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    private static string Tagged(string processXml, string tag)
    {
        var open = System.Text.RegularExpressions.Regex.Match(processXml, "<bpmn:process [^>]*>");
        return processXml.Insert(open.Index + open.Length, $"<bpmn:extensionElements><zeebe:versionTag value=\"{tag}\"/></bpmn:extensionElements>");
    }

    private static string CallTo(string processId, string binding) =>
        $"""<bpmn:callActivity id="panggil"><bpmn:extensionElements><zeebe:calledElement processId="{processId}" {binding}/></bpmn:extensionElements></bpmn:callActivity>""";

    private static string Form(string id, string label, string? versionTag = null) =>
        $$"""{"id":"{{id}}","type":"default",{{(versionTag is null ? "" : $"\"versionTag\":\"{versionTag}\",")}}"components":[{"key":"x","label":"{{label}}","type":"textfield"}]}""";

    private async Task<HttpResponseMessage> DeployTogetherAsync(params (string Name, string Content)[] files)
    {
        using var multipart = new MultipartFormDataContent();
        foreach (var (name, content) in files)
            multipart.Add(new StringContent(content, Encoding.UTF8, name.EndsWith(".form") ? "application/json" : "application/xml"), "files", name);
        return await _api.Http.PostAsync("/api/definitions", multipart);
    }

    private async Task<JsonObject> ChildOfAsync(string key, JsonObject parent)
    {
        var children = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/instances?definitionKey={key}"))!["items"]!.AsArray();
        return children.Single(c => (string?)c!["parentInstanceId"] == (string?)parent["id"])!.AsObject();
    }

    private async Task<JsonArray> IncidentsAsync(string instanceId) =>
        (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/incidents?instanceId={instanceId}"))!["items"]!.AsArray();

    private static async Task<List<string?>> ErrorCodesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray().Select(e => (string?)e!["code"]).ToList();
    }

    [Fact]
    public async Task A_call_bound_by_version_tag_starts_the_latest_version_with_that_tag_and_an_unknown_tag_is_an_incident_until_it_is_deployed()
    {
        await _api.DeployAsync(Tagged(Chain("vt_child", UserTask("satu")), "2026.1"));
        await _api.DeployAsync(Tagged(Chain("vt_child", UserTask("dua")), "2026.2"));
        await _api.DeployAsync(Chain("vt_child", UserTask("tiga")));
        await _api.DeployAsync(Chain("vt_parent", CallTo("vt_child", """bindingType="versionTag" versionTag="2026.1" """)));
        var parent = await _api.StartAsync("vt_parent");
        var child = await ChildOfAsync("vt_child", parent);
        Assert.Equal(1, (int)child["version"]!);
        Assert.Equal(["satu"], child["activeElementIds"]!.AsArray().Select(e => (string)e!));

        var deployed = await _api.DeployAsync(Chain("vt_parent2", CallTo("vt_child", """bindingType="versionTag" versionTag="2027" """)));
        Assert.Contains(deployed["warnings"]!.AsArray(), w => (string?)w!["code"] == "binding-version-tag-not-deployed");
        var waiting = await _api.StartAsync("vt_parent2");
        var incident = Assert.Single(await IncidentsAsync((string)waiting["id"]!))!;
        Assert.Contains("version tag '2027'", (string?)incident["message"]);

        await _api.DeployAsync(Tagged(Chain("vt_child", UserTask("empat")), "2027"));
        (await _api.Http.PostAsync($"/api/incidents/{incident["id"]}/retry", null)).EnsureSuccessStatusCode();
        Assert.Equal(4, (int)(await ChildOfAsync("vt_child", waiting))["version"]!);
    }

    [Fact]
    public async Task A_call_bound_by_deployment_starts_the_version_deployed_with_the_caller_while_latest_takes_the_newest()
    {
        var created = await DeployTogetherAsync(
            ("dp_parent.bpmn", Chain("dp_parent", CallTo("dp_child", """bindingType="deployment" """))),
            ("dp_latest.bpmn", Chain("dp_latest", CallTo("dp_child", """bindingType="latest" """))),
            ("dp_child.bpmn", Chain("dp_child", UserTask("lama"))));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await _api.DeployAsync(Chain("dp_child", UserTask("baru")));

        var bound = await _api.StartAsync("dp_parent");
        Assert.Equal(1, (int)(await ChildOfAsync("dp_child", bound))["version"]!);
        var latest = await _api.StartAsync("dp_latest");
        Assert.Equal(2, (int)(await ChildOfAsync("dp_child", latest))["version"]!);

        // Deployed again with an unchanged child: the caller's new version is bound to the child version of that deployment.
        var again = await DeployTogetherAsync(("dp_parent.bpmn", Chain("dp_parent", "<bpmn:intermediateThrowEvent id=\"tonggak\"/>",
            CallTo("dp_child", """bindingType="deployment" """))), ("dp_child.bpmn", Chain("dp_child", UserTask("baru"))));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(2, (int)(await ChildOfAsync("dp_child", await _api.StartAsync("dp_parent")))["version"]!);
    }

    [Fact]
    public async Task A_call_bound_by_deployment_to_a_process_not_in_the_deployment_is_refused()
    {
        await _api.DeployAsync(Chain("dp_alone_child", UserTask("a")));
        var codes = await ErrorCodesAsync(await _api.DeployRawAsync(Chain("dp_alone", CallTo("dp_alone_child", """bindingType="deployment" """))));
        Assert.Contains("binding-not-in-deployment", codes);
        Assert.Contains("binding-type-unknown", await ErrorCodesAsync(await _api.DeployRawAsync(Chain("dp_odd", CallTo("dp_alone_child", """bindingType="newest" """)))));
    }

    [Fact]
    public async Task A_form_bound_by_deployment_or_version_tag_stays_on_its_version_when_a_newer_form_is_deployed()
    {
        var task = (string binding) => UserTask("isi", "Isi formulir", extra: $"""<zeebe:formDefinition formId="fb_form" {binding}/>""");
        var created = await DeployTogetherAsync(
            ("fb_dep.bpmn", Chain("fb_dep", task("""bindingType="deployment" """))),
            ("fb.form", Form("fb_form", "Versi satu", "v1")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        (await DeployTogetherAsync(("fb2.form", Form("fb_form", "Versi dua")))).EnsureSuccessStatusCode();
        await _api.DeployAsync(Chain("fb_tag", task("""bindingType="versionTag" versionTag="v1" """)));
        await _api.DeployAsync(Chain("fb_latest", task("")));

        async Task<string?> LabelAsync(string key)
        {
            var instance = await _api.StartAsync(key);
            var detail = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/tasks/{(await _api.OpenTasksAsync((string)instance["id"]!))[0]!["id"]}"))!;
            return (string?)detail["form"]!["components"]![0]!["label"];
        }
        Assert.Equal("Versi satu", await LabelAsync("fb_dep"));
        Assert.Equal("Versi satu", await LabelAsync("fb_tag"));
        Assert.Equal("Versi dua", await LabelAsync("fb_latest"));

        Assert.Contains("form-version-tag-not-deployed", await ErrorCodesAsync(await _api.DeployRawAsync(Chain("fb_none", task("""bindingType="versionTag" versionTag="v9" """)))));
        Assert.Contains("binding-not-in-deployment", await ErrorCodesAsync(await _api.DeployRawAsync(Chain("fb_apart", task("""bindingType="deployment" """)))));
    }

    [Fact]
    public async Task An_embedded_form_is_shown_with_its_task()
    {
        var xml = Chain("embedded", UserTask("isi", "Isi biodata", extra: """<zeebe:formDefinition formKey="camunda-forms:bpmn:biodata"/>"""));
        var open = System.Text.RegularExpressions.Regex.Match(xml, "<bpmn:process [^>]*>");
        xml = xml.Insert(open.Index + open.Length,
            $"<bpmn:extensionElements><zeebe:userTaskForm id=\"biodata\">{System.Security.SecurityElement.Escape(Form("biodata", "Nama lengkap"))}</zeebe:userTaskForm></bpmn:extensionElements>");
        await _api.DeployAsync(xml);
        var instance = await _api.StartAsync("embedded");
        var detail = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/tasks/{(await _api.OpenTasksAsync((string)instance["id"]!))[0]!["id"]}"))!;
        Assert.Equal("Nama lengkap", (string?)detail["form"]!["components"]![0]!["label"]);

        var missing = Chain("embedded_missing", UserTask("isi", extra: """<zeebe:formDefinition formKey="camunda-forms:bpmn:tidak_ada"/>"""));
        Assert.Contains("embedded-form-missing", await ErrorCodesAsync(await _api.DeployRawAsync(missing)));
    }

    [Fact]
    public async Task Tasks_carry_their_priority_and_the_list_sorts_by_it()
    {
        var prioritized = (string id, string priority) => UserTask(id, id, extra: $"""<zeebe:priorityDefinition priority="{priority}"/>""");
        var xml = Process("prio", string.Join("\n", "<bpmn:startEvent id=\"start\"/>", "<bpmn:parallelGateway id=\"split\"/>",
            prioritized("rendah", "10"), prioritized("tinggi", "=if mendesak then 95 else 60"), UserTask("biasa", "biasa"),
            Flow("f0", "start", "split"), Flow("f1", "split", "rendah"), Flow("f2", "split", "tinggi"), Flow("f3", "split", "biasa")));
        await _api.DeployAsync(xml);
        var instance = await _api.StartAsync("prio", new { mendesak = true });

        var sorted = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={instance["id"]}&sort=priority"))!["items"]!.AsArray();
        Assert.Equal(["tinggi", "biasa", "rendah"], sorted.Select(t => (string)t!["elementId"]!));
        Assert.Equal([95, 50, 10], sorted.Select(t => (int)t!["priority"]!));
        var one = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/tasks/{sorted[0]!["id"]}"))!;
        Assert.Equal(95, (int)one["task"]!["priority"]!);

        var bad = await _api.Http.GetAsync($"/api/tasks?instanceId={instance["id"]}&sort=penting");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("sort-unknown", (string?)(await bad.Content.ReadFromJsonAsync<JsonObject>())!["code"]);
    }
}
