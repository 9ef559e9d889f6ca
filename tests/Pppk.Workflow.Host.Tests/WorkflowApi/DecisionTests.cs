using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Host.Users;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>
/// Issue 20: .dmn files deploy with BPMN and are versioned per decision; a business rule task evaluates its decision in
/// the step, sets the result variable and records why (inputs seen, matched rule) in the case's history; the decisions API.
/// </summary>
public sealed class DecisionTests(TestHost host) : IClassFixture<TestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    /// <summary>A renewal table over the latest predicate and the unit's need; <paramref name="goodFrom"/> is the rule 1 threshold.</summary>
    private static string Dmn(string key, int goodFrom = 70, string extra = "") => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="drg_{{key}}" name="Perpanjangan {{key}}" namespace="urn:test:{{key}}">
          <inputData id="in_score" name="score"><variable name="score" typeRef="number"/></inputData>
          <inputData id="in_need" name="needed"><variable name="needed" typeRef="boolean"/></inputData>
          <inputData id="in_end" name="contractEnd"><variable name="contractEnd" typeRef="date"/></inputData>
          <decision id="{{key}}" name="Rekomendasi perpanjangan">
            {{extra}}
            <informationRequirement><requiredInput href="#in_score"/></informationRequirement>
            <informationRequirement><requiredInput href="#in_need"/></informationRequirement>
            <informationRequirement><requiredInput href="#in_end"/></informationRequirement>
            <decisionTable id="dt_{{key}}" hitPolicy="FIRST">
              <input id="i_score" label="Nilai predikat"><inputExpression typeRef="number"><text>score</text></inputExpression></input>
              <input id="i_need" label="Unit masih membutuhkan"><inputExpression typeRef="boolean"><text>needed</text></inputExpression></input>
              <input id="i_end" label="Akhir kontrak"><inputExpression typeRef="date"><text>contractEnd</text></inputExpression></input>
              <output id="o1" name="rekomendasi" typeRef="string"/>
              <rule id="baik"><description>Predikat baik dan masih dibutuhkan</description><inputEntry><text>&gt;= {{goodFrom}}</text></inputEntry><inputEntry><text>true</text></inputEntry><inputEntry><text>-</text></inputEntry><outputEntry><text>"diperpanjang"</text></outputEntry></rule>
              <rule id="tinjau"><inputEntry><text>-</text></inputEntry><inputEntry><text>-</text></inputEntry><inputEntry><text>&lt; date("2027-01-01")</text></inputEntry><outputEntry><text>"ditinjau"</text></outputEntry></rule>
              <rule id="lain"><inputEntry><text>-</text></inputEntry><inputEntry><text>-</text></inputEntry><inputEntry><text>-</text></inputEntry><outputEntry><text>"tidak diperpanjang"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """;

    /// <summary>The renewal model whose decision is a literal expression that runs out of the FEEL budget: it fails every time.</summary>
    private static string Exhausting(string key) => Dmn(key).Replace("<decisionTable", "<!--", StringComparison.Ordinal)
        .Replace("</decisionTable>", "--><literalExpression><text>count(for i in 1..100000000 return i)</text></literalExpression>", StringComparison.Ordinal);

    private static string RuleTask(string decisionId, string binding = "") =>
        $"""<bpmn:businessRuleTask id="rekomendasi" name="Tentukan rekomendasi"><bpmn:extensionElements><zeebe:calledDecision decisionId="{decisionId}" resultVariable="hasil" {binding}/></bpmn:extensionElements></bpmn:businessRuleTask>""";

    private async Task<HttpResponseMessage> DeployAsync(params (string Name, string Content)[] files)
    {
        using var multipart = new MultipartFormDataContent();
        foreach (var (name, content) in files)
            multipart.Add(new StringContent(content, Encoding.UTF8, "application/xml"), "files", name);
        return await _api.Http.PostAsync("/api/definitions", multipart);
    }

    private async Task<JsonObject> DeployedAsync(params (string Name, string Content)[] files)
    {
        var response = await DeployAsync(files);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private async Task<JsonObject> EvaluateAsync(string key, object variables, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _api.Http.PostAsJsonAsync($"/api/decisions/{key}/evaluate", new { variables });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private async Task<JsonArray> DecisionsOfAsync(string instanceId) =>
        (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}/decisions"))!["items"]!.AsArray();

    [Fact]
    public async Task A_business_rule_task_sets_its_result_and_the_history_records_the_matched_rule_and_inputs()
    {
        var deployed = await DeployedAsync(("perpanjangan.dmn", Dmn("rek_a")), ("proses.bpmn", Chain("rek_proc_a", RuleTask("rek_a"), UserTask("tinjau"))));
        Assert.Equal(1, (int)deployed["decisions"]!.AsArray().Single()!["version"]!);
        var again = await DeployAsync(("perpanjangan.dmn", Dmn("rek_a")), ("proses.bpmn", Chain("rek_proc_a", RuleTask("rek_a"), UserTask("tinjau"))));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the same content adds no version

        var instance = await _api.StartAsync("rek_proc_a", new { score = 82, needed = true, contractEnd = "2027-03-31" });
        Assert.Equal("diperpanjang", (string?)instance["variables"]!["hasil"]);
        var record = Assert.Single(await DecisionsOfAsync((string)instance["id"]!))!;
        Assert.Equal("rek_a", (string?)record["decisionKey"]);
        Assert.Equal(1, (int)record["decisionVersion"]!);
        Assert.Equal("Tentukan rekomendasi", (string?)record["elementName"]);
        var evaluated = record["evaluatedDecisions"]!.AsArray().Single()!;
        var rule = evaluated["matchedRules"]!.AsArray().Single()!;
        Assert.Equal(("baik", 1, "Predikat baik dan masih dibutuhkan"), ((string?)rule["ruleId"], (int)rule["ruleIndex"]!, (string?)rule["annotation"]));
        Assert.Equal("diperpanjang", (string?)rule["outputs"]!["rekomendasi"]);
        var inputs = evaluated["inputs"]!.AsArray();
        Assert.Equal(["Nilai predikat", "Unit masih membutuhkan", "Akhir kontrak"], inputs.Select(i => (string?)i!["label"]));
        Assert.Equal(82, (int)inputs[0]!["value"]!);
        Assert.Equal("2027-03-31", (string?)inputs[2]!["value"]); // read as a date (typeRef), written back as ISO text

        var ended = await _api.StartAsync("rek_proc_a", new { score = 50, needed = true, contractEnd = "2026-12-31" });
        Assert.Equal("ditinjau", (string?)ended["variables"]!["hasil"]); // the date compared as a date
    }

    [Fact]
    public async Task An_invalid_dmn_or_a_call_to_an_unknown_decision_is_refused_naming_the_problem()
    {
        var broken = Dmn("rek_b").Replace("&gt;= 70", "&gt;= = 70", StringComparison.Ordinal);
        var response = await DeployAsync(("rusak.dmn", broken));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray();
        Assert.Contains(errors, e => (string?)e!["fileName"] == "rusak.dmn" && e["elementId"] is not null);

        response = await DeployAsync(("proses.bpmn", Chain("rek_proc_b", RuleTask("tidak_ada"))));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var unknown = Assert.Single((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray())!;
        Assert.Equal(("called-decision-unknown", "rekomendasi"), ((string?)unknown["code"], (string?)unknown["elementId"]));
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Http.GetAsync("/api/decisions/rek_b")).StatusCode);

        var raw = await _api.DeployRawAsync(Dmn("rek_raw")); // a raw body the client named test.bpmn: DMN by its namespace
        Assert.Equal(HttpStatusCode.Created, raw.StatusCode);
        Assert.Equal("rek_raw", (string?)(await raw.Content.ReadFromJsonAsync<JsonObject>())!["decisions"]![0]!["key"]);
    }

    [Fact]
    public async Task A_new_version_changes_the_next_latest_bound_evaluation_but_not_a_deployment_bound_one()
    {
        await DeployedAsync(("v.dmn", Dmn("rek_c")),
            ("latest.bpmn", Chain("rek_latest", RuleTask("rek_c"))),
            ("together.bpmn", Chain("rek_together", RuleTask("rek_c", """bindingType="deployment" """))));
        var variables = new { score = 75, needed = true, contractEnd = "2028-01-01" };
        Assert.Equal("diperpanjang", (string?)(await _api.StartAsync("rek_latest", variables))["variables"]!["hasil"]);

        var second = await DeployedAsync(("v.dmn", Dmn("rek_c", goodFrom: 80)));
        Assert.Equal(2, (int)second["decisions"]!.AsArray().Single()!["version"]!);
        var latest = await _api.StartAsync("rek_latest", variables);
        Assert.Equal("tidak diperpanjang", (string?)latest["variables"]!["hasil"]);
        Assert.Equal(2, (int)(await DecisionsOfAsync((string)latest["id"]!)).Single()!["decisionVersion"]!);
        Assert.Equal("diperpanjang", (string?)(await _api.StartAsync("rek_together", variables))["variables"]!["hasil"]);

        var one = (await _api.Http.GetFromJsonAsync<JsonObject>("/api/decisions/rek_c?version=1"))!;
        Assert.Contains("&gt;= 70", (string?)one["xml"]);
        Assert.Equal([2, 1], one["versions"]!.AsArray().Select(v => (int)v!["version"]!));
        var list = (await _api.Http.GetFromJsonAsync<JsonObject>("/api/decisions?search=rek_c&pageSize=10"))!;
        Assert.Equal(2, (int)list["items"]!.AsArray().Single()!["version"]!);
    }

    [Fact]
    public async Task A_version_deployed_by_another_process_is_used_although_this_one_cached_the_previous_one()
    {
        await DeployedAsync(("x.dmn", Dmn("rek_x")), ("x.bpmn", Chain("rek_proc_x", RuleTask("rek_x"))));
        var variables = new { score = 75, needed = true, contractEnd = "2028-01-01" };
        Assert.Equal("diperpanjang", (string?)(await _api.StartAsync("rek_proc_x", variables))["variables"]!["hasil"]); // version 1 now cached here

        // A second process on the same database deploys version 2; this process learns of it only through the step's check.
        await using (var other = await PppkHost.StartAsync([], new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0", ["Auth:BootstrapApiKey"] = TestHost.BootstrapKey, ["Auth:Admin:Password"] = TestHost.AdminPassword,
            ["ConnectionStrings:Pppk"] = host.ConnectionString, ["Serilog:MinimumLevel:Default"] = "Warning", ["Serilog:WriteTo:1:Args:path"] = TestHost.LogPath,
            ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "pppk-test-mail", Guid.NewGuid().ToString("N")),
        }))
        {
            using var otherClient = new HttpClient { BaseAddress = other.Url };
            otherClient.DefaultRequestHeaders.Add("X-Api-Key", TestHost.BootstrapKey);
            using var multipart = new MultipartFormDataContent { { new StringContent(Dmn("rek_x", goodFrom: 80), Encoding.UTF8, "application/xml"), "files", "x.dmn" } };
            Assert.Equal(HttpStatusCode.Created, (await otherClient.PostAsync("/api/definitions", multipart)).StatusCode);
        }

        var after = await _api.StartAsync("rek_proc_x", variables);
        Assert.Equal("tidak diperpanjang", (string?)after["variables"]!["hasil"]);
        Assert.Equal(2, (int)(await DecisionsOfAsync((string)after["id"]!)).Single()!["decisionVersion"]!);
    }

    [Fact]
    public async Task Evaluate_reads_ISO_dates_by_typeRef_makes_a_wrong_type_null_and_answers_422_when_a_decision_fails()
    {
        await DeployedAsync(("e.dmn", Dmn("rek_d")), ("f.dmn", Exhausting("rek_f")));

        var result = await EvaluateAsync("rek_d", new { score = 90, needed = true, contractEnd = "2026-06-30" });
        Assert.Equal("diperpanjang", (string?)result["output"]);
        var rule = result["evaluatedDecisions"]!.AsArray().Single()!["matchedRules"]!.AsArray().Single()!;
        Assert.Equal(("baik", 1), ((string?)rule["ruleId"], (int)rule["ruleIndex"]!));

        var wrongType = await EvaluateAsync("rek_d", new { score = "sembilan puluh", needed = true, contractEnd = "2026-06-30" });
        var input = wrongType["evaluatedDecisions"]!.AsArray().Single()!["inputs"]!.AsArray()[0]!;
        Assert.Null(input["value"]); // a string for a number is null, as the standard says, not a 400
        Assert.Equal("ditinjau", (string?)wrongType["output"]);

        var failed = await EvaluateAsync("rek_f", new { }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("rek_f", (string?)failed["decisionKey"]);
        Assert.False(string.IsNullOrEmpty((string?)failed["error"]));
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Http.PostAsJsonAsync("/api/decisions/tidak_ada/evaluate", new { variables = new { } })).StatusCode);
    }

    [Fact]
    public async Task A_failing_decision_in_a_process_is_an_incident_naming_the_decision()
    {
        await DeployedAsync(("g.dmn", Exhausting("rek_g")), ("g.bpmn", Chain("rek_proc_g", RuleTask("rek_g"))));
        var instance = await _api.StartAsync("rek_proc_g", new { score = 1 });
        var incident = Assert.Single(await _api.WaitForIncidentsAsync((string)instance["id"]!))!;
        Assert.Contains("rek_g", (string?)incident["message"]);
        Assert.Contains("rekomendasi", (string?)incident["message"]);
    }

    [Fact]
    public async Task Decisions_are_for_hr_admin_and_a_case_s_decisions_for_whoever_may_see_the_case()
    {
        await DeployedAsync(("h.dmn", Dmn("rek_h")), ("h.bpmn", Chain("rek_proc_h", RuleTask("rek_h"), UserTask("tinjau", candidateGroups: "ppk"))));
        var instance = await _api.StartAsync("rek_proc_h", new { score = 82, needed = true, contractEnd = "2027-03-31" });
        await using (var scope = host.Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var (name, role) in new[] { ("rek.verifikator", Roles.Verifier), ("rek.ppk", Roles.Ppk) })
            {
                var user = new AppUser { UserName = name };
                Assert.True((await users.CreateAsync(user, "Keputusan-2026!")).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            }
        }
        using var verifier = await host.SignedInClientAsync("rek.verifikator", "Keputusan-2026!");
        using var ppk = await host.SignedInClientAsync("rek.ppk", "Keputusan-2026!");
        Assert.Equal(HttpStatusCode.Forbidden, (await verifier.GetAsync("/api/decisions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await verifier.GetAsync("/api/decisions/rek_h")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await verifier.GetAsync($"/api/instances/{instance["id"]}/decisions")).StatusCode);
        var seen = (await ppk.GetFromJsonAsync<JsonObject>($"/api/instances/{instance["id"]}/decisions"))!;
        Assert.Equal("baik", (string?)seen["items"]![0]!["evaluatedDecisions"]![0]!["matchedRules"]![0]!["ruleId"]);
    }
}
