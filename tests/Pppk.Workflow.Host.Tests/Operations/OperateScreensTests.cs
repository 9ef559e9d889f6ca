using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Host.Users;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.Operations;

/// <summary>
/// Issue 19, the operator's screens: <c>GET /api/incidents</c> and <c>GET /api/instances</c> with their filters, a unit
/// head seeing only their unit's, and batch cancel / retry from the same filters counting what the lists count.
/// </summary>
public sealed class OperateScreensTests(OperationsTestHost host) : IClassFixture<OperationsTestHost>
{
    private const string Password = "Unit-Kerja-2026!";
    private readonly WorkflowApiClient _api = new(host.Client());
    private HttpClient Http => _api.Http;

    private static readonly (string Name, string Unit)[] People =
        [("Ani Lestari", "A"), ("Budi Santoso", "A"), ("Citra Dewi", "A"), ("Dedi Kurnia", "B"), ("Eka Putri", "B")];

    /// <summary>A gateway named "Cek predikat" that finds no true condition for predikat "Butuh Perbaikan": an incident.</summary>
    private static string Gateway(string key) => WithProperties(Process(key, string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", "<bpmn:exclusiveGateway id=\"gw\" name=\"Cek predikat\"/>", UserTask("perpanjang", "Perpanjang"),
            UserTask("akhiri", "Akhiri"), Flow("f0", "start", "gw"), Flow("f1", "gw", "perpanjang", "=predikat = \"Baik\""),
            Flow("f2", "gw", "akhiri", "=predikat = \"Kurang\""))),
        ("caseUnit", "=unitCode"), ("caseTitle", "=\"Perpanjangan — \" + nama"));

    private static string Waiting(string key) => WithProperties(Chain(key, UserTask("periksa", "Periksa berkas")),
        ("caseUnit", "=unitCode"), ("caseTitle", "=\"Kontrak — \" + nama"));

    /// <summary>One case per person, the unit code prefixed by <paramref name="p"/>; answers their ids in order.</summary>
    private async Task<List<string>> StartPeopleAsync(string key, string p, string predikat = "Butuh Perbaikan")
    {
        var ids = new List<string>();
        foreach (var (name, unit) in People)
            ids.Add((string)(await _api.StartAsync(key, new { nama = name, unitCode = $"{p}-{unit}", predikat }, businessKey: $"{key}-{name.Split(' ')[0].ToLowerInvariant()}"))["id"]!);
        return ids;
    }

    private async Task<HttpClient> UnitHeadAsync(string name, string unit)
    {
        await using (var scope = host.Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = name, UnitCode = unit };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.UnitHead)).Succeeded);
        }
        return await host.SignedInClientAsync(name, Password);
    }

    private static async Task<JsonObject> GetAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd("id");
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<int> TotalAsync(HttpClient client, string path) => (int)(await GetAsync(client, path))["total"]!;

    private static async Task AssertProblemAsync(HttpClient client, string path, string code)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal(code, (string?)JsonNode.Parse(body)!["code"]);
    }

    private async Task<int> DryRunAsync(object body)
    {
        var response = await Http.PostAsJsonAsync("/api/operations?dryRun=true", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return (int)JsonNode.Parse(text)!["total"]!;
    }

    [Fact]
    public async Task The_incidents_list_names_case_and_step_filters_and_shows_a_unit_head_only_their_units()
    {
        const string key = "opr_insiden";
        await _api.DeployAsync(Gateway(key));
        var ids = await StartPeopleAsync(key, "oi");
        var fine = (string)(await _api.StartAsync(key, new { nama = "Fajar", unitCode = "oi-A", predikat = "Baik" }))["id"]!;

        var all = await GetAsync(Http, $"/api/incidents?definitionKey={key}");
        Assert.Equal(5, (int)all["total"]!);
        Assert.False((bool)all["totalCapped"]!);
        var ani = all["items"]!.AsArray().Single(i => (string)i!["instanceId"]! == ids[0])!;
        Assert.Equal("Perpanjangan — Ani Lestari", (string?)ani["caseTitle"]);
        Assert.Equal("Cek predikat", (string?)ani["elementName"]);
        Assert.Equal($"Proses {key}", (string?)ani["definitionName"]);
        Assert.Equal("no-condition-true", (string?)ani["code"]);
        Assert.StartsWith("Tidak ada kondisi", (string?)ani["message"]);
        Assert.StartsWith("No condition", (string?)ani["technicalMessage"]);
        Assert.DoesNotContain(all["items"]!.AsArray(), i => (string)i!["instanceId"]! == fine);

        Assert.Equal(3, await TotalAsync(Http, $"/api/incidents?definitionKey={key}&unitCode=oi-A"));
        Assert.Equal(1, await TotalAsync(Http, $"/api/incidents?definitionKey={key}&search=citra"));
        Assert.Equal(1, await TotalAsync(Http, $"/api/incidents?definitionKey={key}&search={key}-dedi"));
        Assert.Equal(5, await TotalAsync(Http, $"/api/incidents?definitionKey={key}&elementId=gw&code=no-condition-true"));
        Assert.Equal(0, await TotalAsync(Http, $"/api/incidents?definitionKey={key}&code=job-failed"));
        Assert.Equal(0, await TotalAsync(Http, $"/api/incidents?definitionKey={key}&olderThanHours=24"));
        var page2 = await GetAsync(Http, $"/api/incidents?definitionKey={key}&pageSize=2&page=3");
        Assert.Single(page2["items"]!.AsArray());

        var facets = await GetAsync(Http, "/api/incidents/facets");
        Assert.Contains(facets["elements"]!.AsArray(), e => (string)e!["definitionKey"]! == key && (string)e["name"]! == "Cek predikat" && (int)e["count"]! == 5);
        Assert.Contains(facets["units"]!.AsArray(), u => (string)u!["code"]! == "oi-B" && (int)u["count"]! == 2);

        var detail = await GetAsync(Http, $"/api/incidents/{ani["id"]}");
        Assert.Equal(["predikat"], detail["variablesReadByStep"]!.AsArray().Select(v => (string)v!));

        using var headA = await UnitHeadAsync("oi.kepala.a", "oi-A");
        var seen = await GetAsync(headA, "/api/incidents?pageSize=500");
        Assert.Equal(3, (int)seen["total"]!);
        Assert.All(seen["items"]!.AsArray(), i => Assert.Equal("oi-A", (string?)i!["unitCode"]));
        var headFacets = await GetAsync(headA, "/api/incidents/facets");
        Assert.Equal(["oi-A"], headFacets["units"]!.AsArray().Select(u => (string)u!["code"]!));
        var dedi = all["items"]!.AsArray().Single(i => (string)i!["instanceId"]! == ids[3])!;
        Assert.Equal(HttpStatusCode.NotFound, (await headA.GetAsync($"/api/incidents/{dedi["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await headA.GetAsync($"/api/incidents/{ani["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await headA.PostAsync($"/api/incidents/{ani["id"]}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await headA.PostAsJsonAsync("/api/operations?dryRun=true",
            new { type = "retry-incidents", filter = new { definitionKey = key } })).StatusCode);

        using var employee = host.Client(OperationsTestHost.EmployeeKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/api/incidents")).StatusCode);

        await AssertProblemAsync(Http, "/api/incidents?olderThanHours=0", "operate-number-range");
        await AssertProblemAsync(Http, "/api/incidents?olderThanHours=satu", "operate-number-range");
        await AssertProblemAsync(Http, $"/api/incidents?search={new string('a', 101)}", "text-too-long");
    }

    [Fact]
    public async Task The_instances_list_pages_with_a_total_filters_and_searches_and_a_unit_head_sees_their_units()
    {
        const string key = "opr_kasus";
        await _api.DeployAsync(Waiting(key));
        var ids = await StartPeopleAsync(key, "ok");

        var page = await GetAsync(Http, $"/api/instances?definitionKey={key}&pageSize=2&page=2");
        Assert.Equal((5, 2, 2, false), ((int)page["total"]!, page["items"]!.AsArray().Count, (int)page["page"]!, (bool)page["totalCapped"]!));
        Assert.All(page["items"]!.AsArray(), i => Assert.StartsWith("Kontrak — ", (string?)i!["title"]));

        Assert.Equal(1, await TotalAsync(Http, $"/api/instances?definitionKey={key}&search=BUDI"));
        Assert.Equal(1, await TotalAsync(Http, $"/api/instances?definitionKey={key}&search={key}-eka"));
        Assert.Equal(3, await TotalAsync(Http, $"/api/instances?definitionKey={key}&unitCode=ok-A"));
        Assert.Equal(5, await TotalAsync(Http, $"/api/instances?definitionKey={key}&version=1&hasIncident=false"));
        Assert.Equal(0, await TotalAsync(Http, $"/api/instances?definitionKey={key}&version=2"));
        Assert.Equal(0, await TotalAsync(Http, $"/api/instances?definitionKey={key}&hasIncident=true"));
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(5, await TotalAsync(Http, $"/api/instances?definitionKey={key}&startedFrom={today}&startedTo={today}"));
        Assert.Equal(0, await TotalAsync(Http, $"/api/instances?definitionKey={key}&startedFrom={tomorrow}"));

        using var headB = await UnitHeadAsync("ok.kepala.b", "ok-B");
        var seen = await GetAsync(headB, $"/api/instances?definitionKey={key}");
        Assert.Equal(new[] { ids[3], ids[4] }.Order(), seen["items"]!.AsArray().Select(i => (string)i!["id"]!).Order());
        Assert.Equal(2, (int)seen["total"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await headB.GetAsync($"/api/instances/{ids[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await headB.PostAsJsonAsync($"/api/instances/{ids[3]}/cancel", new { reason = "x" })).StatusCode);

        await AssertProblemAsync(Http, "/api/instances?hasIncident=mungkin", "operate-boolean-invalid");
        await AssertProblemAsync(Http, "/api/instances?startedFrom=kemarin", "operate-date-invalid");
        await AssertProblemAsync(Http, $"/api/instances?startedFrom={tomorrow}&startedTo={today}", "operate-started-range");
        await AssertProblemAsync(Http, "/api/instances?version=0", "operate-number-range");
        await AssertProblemAsync(Http, "/api/instances?version=2", "operate-version-without-workflow");
        await AssertProblemAsync(Http, "/api/exports/instances?version=2", "operate-version-without-workflow");
    }

    [Fact]
    public async Task A_cancel_from_the_screens_filter_previews_and_cancels_exactly_what_the_list_counts()
    {
        const string key = "opr_batal";
        await _api.DeployAsync(Waiting(key));
        var ids = await StartPeopleAsync(key, "ob");

        var listed = await TotalAsync(Http, $"/api/instances?definitionKey={key}&unitCode=ob-A&status=active");
        var filter = new { definitionKey = key, unitCode = "ob-A" };
        Assert.Equal(3, listed);
        Assert.Equal(listed, await DryRunAsync(new { type = "cancel", filter }));
        Assert.Equal(1, await DryRunAsync(new { type = "cancel", filter = new { definitionKey = key, search = "citra" } }));

        var op = await Http.WaitEndedAsync(await Http.CreateAsync(new { type = "cancel", filter, reason = "formasi ditutup" }));
        Assert.Equal(("completed", 3, 3, 0), ((string)op["state"]!, (int)op["total"]!, (int)op["done"]!, (int)op["failed"]!));
        for (var i = 0; i < ids.Count; i++)
            Assert.Equal(People[i].Unit == "A" ? "cancelled" : "active", (string)(await _api.InstanceAsync(ids[i]))["status"]!);

        // A selection from the list: its ids.
        Assert.Equal(1, await DryRunAsync(new { type = "cancel", filter = new { definitionKey = key, instanceIds = new[] { ids[4] } } }));
        var response = await Http.PostAsJsonAsync("/api/operations?dryRun=true", new { type = "cancel", filter = new { definitionKey = key, search = new string('x', 101) } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text-too-long", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]);
    }

    [Fact]
    public async Task Retry_from_the_incidents_filter_retries_only_the_matching_cases_once_fixed()
    {
        const string key = "opr_ulang";
        await _api.DeployAsync(Gateway(key));
        var ids = await StartPeopleAsync(key, "ou");
        foreach (var id in ids)
            (await Http.PutAsJsonAsync($"/api/instances/{id}/variables", new { variables = new { predikat = "Baik" } })).EnsureSuccessStatusCode();

        var filter = new { definitionKey = key, unitCode = "ou-A", incidentElementId = "gw", incidentCode = "no-condition-true" };
        Assert.Equal(3, await TotalAsync(Http, $"/api/incidents?definitionKey={key}&unitCode=ou-A&elementId=gw&code=no-condition-true"));
        Assert.Equal(3, await DryRunAsync(new { type = "retry-incidents", filter }));
        Assert.Equal(0, await DryRunAsync(new { type = "retry-incidents", filter = filter with { incidentCode = "job-failed" } }));
        Assert.Equal(0, await DryRunAsync(new { type = "retry-incidents",
            filter = new { definitionKey = key, incidentBefore = DateTimeOffset.UtcNow.AddHours(-1) } }));

        var op = await Http.WaitEndedAsync(await Http.CreateAsync(new { type = "retry-incidents", filter }));
        Assert.Equal(("completed", 3, 3, 0), ((string)op["state"]!, (int)op["total"]!, (int)op["done"]!, (int)op["failed"]!));
        for (var i = 0; i < ids.Count; i++)
        {
            var instance = await _api.InstanceAsync(ids[i]);
            Assert.Equal(People[i].Unit == "B", (bool)instance["incident"]!);
            if (People[i].Unit == "A") Assert.Contains("perpanjang", instance["activeElementIds"]!.AsArray().Select(e => (string)e!));
        }
        Assert.Equal(2, await TotalAsync(Http, $"/api/incidents?definitionKey={key}"));
    }
}
