using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

public sealed class AuthorizationTestHost : TestHost
{
    public const string EmployeeKey = "employee-portal-key-0123456789";

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Auth:ApiKeys:0:Name"] = "portal";
        settings["Auth:ApiKeys:0:Key"] = EmployeeKey;
        settings["Auth:ApiKeys:0:Roles:0"] = "employee";
        return settings;
    }
}

public sealed class DeployAndAuthorizationTests(AuthorizationTestHost host) : IClassFixture<AuthorizationTestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST", "/api/definitions" }, { "POST", "/api/definitions/validate" }, { "GET", "/api/definitions" }, { "GET", "/api/definitions/x" },
        { "GET", "/api/definitions/x/versions" }, { "GET", "/api/forms/x" },
        { "POST", "/api/instances" }, { "POST", "/api/instances/batch" }, { "GET", "/api/instances" }, { "GET", $"/api/instances/{Guid.Empty}" },
        { "GET", $"/api/instances/{Guid.Empty}/history" }, { "POST", $"/api/instances/{Guid.Empty}/cancel" }, { "PUT", $"/api/instances/{Guid.Empty}/variables" },
        { "GET", "/api/tasks" }, { "GET", $"/api/tasks/{Guid.Empty}" }, { "POST", $"/api/tasks/{Guid.Empty}/claim" }, { "POST", $"/api/tasks/{Guid.Empty}/complete" },
        { "POST", $"/api/tasks/{Guid.Empty}/unclaim" }, { "POST", $"/api/tasks/{Guid.Empty}/assign" },
        { "GET", "/api/tasks/count" }, { "POST", "/api/tasks/bulk" }, { "GET", $"/api/tasks/{Guid.Empty}/colleagues" }, { "GET", "/api/tasks/units" },
        { "POST", "/api/messages" }, { "GET", "/api/incidents" }, { "POST", "/api/incidents/1/retry" }, { "POST", "/api/expressions/evaluate" },
        { "GET", "/api/users" }, { "POST", "/api/signals" },
        { "POST", $"/api/instances/{Guid.Empty}/migration" }, { "POST", $"/api/instances/{Guid.Empty}/migration?dryRun=true" },
        { "POST", $"/api/instances/{Guid.Empty}/modification" },
        { "POST", "/api/operations" }, { "POST", "/api/operations?dryRun=true" }, { "GET", "/api/operations" }, { "GET", $"/api/operations/{Guid.Empty}" },
        { "POST", $"/api/operations/{Guid.Empty}/cancel" },
        { "GET", $"/api/instances/{Guid.Empty}/comments" }, { "POST", $"/api/instances/{Guid.Empty}/comments" }, { "GET", $"/api/instances/{Guid.Empty}/attachments" },
        { "POST", $"/api/instances/{Guid.Empty}/attachments" }, { "GET", $"/api/attachments/{Guid.Empty}" }, { "GET", $"/api/tasks/{Guid.Empty}/attachment-requirement" },
        { "GET", "/api/exports/tasks?format=csv" }, { "GET", "/api/exports/instances?format=csv" }, { "GET", "/api/exports/incidents?format=csv" },
        { "GET", "/api/definitions/x/start-form" }, { "POST", "/api/start-many/renewals?dryRun=true" }, { "POST", "/api/start-many/renewals" },
        { "GET", "/api/email-templates" }, { "GET", "/api/email-templates/sk-terbit" }, { "GET", "/api/email-templates/sk-terbit/versions/1" },
        { "PUT", "/api/email-templates/sk-terbit" }, { "POST", "/api/email-templates/sk-terbit/preview" },
        { "POST", "/api/users/x/password-reset" }, { "PUT", "/api/users/x/active" }, { "GET", "/api/users/audit" }, { "GET", "/api/dashboard/durations" },
        { "POST", $"/api/substitutions/{Guid.Empty}/end" },
        { "GET", "/api/calendar/years" }, { "GET", "/api/calendar/coverage" }, { "GET", "/api/calendar/holidays?year=2027" }, { "POST", "/api/calendar/holidays" },
        { "PUT", "/api/calendar/holidays/1" }, { "DELETE", "/api/calendar/holidays/1" }, { "PUT", "/api/calendar/years/2028" },
        { "POST", "/api/calendar/years/2028/import" }, { "GET", "/api/calendar/years/2027/export" }, { "GET", "/api/calendar/changes" },
        { "GET", "/api/decisions" }, { "GET", "/api/decisions/x" }, { "POST", "/api/decisions/x/evaluate" }, { "GET", $"/api/instances/{Guid.Empty}/decisions" },
        { "GET", "/api/document-templates" }, { "POST", "/api/document-templates" }, { "GET", "/api/document-templates/sk" }, { "POST", "/api/document-templates/sk" },
        { "GET", "/api/document-templates/sk/versions/1" }, { "POST", "/api/document-templates/sk/versions/1/restore" }, { "GET", "/api/document-templates/sk/preview" },
        { "GET", $"/api/documents/{Guid.Empty}" }, { "GET", $"/api/documents/{Guid.Empty}/pdf" }, { "GET", $"/api/instances/{Guid.Empty}/documents" },
        { "GET", "/api/employees/1/documents" },
    };

    /// <summary>Endpoints only hr-admin may call; the rest need any signed-in caller.</summary>
    private static readonly HashSet<string> AdminOnly =
    [
        "POST /api/definitions", "POST /api/definitions/validate", "POST /api/instances", "POST /api/instances/batch",
        $"POST /api/instances/{Guid.Empty}/cancel", $"PUT /api/instances/{Guid.Empty}/variables", "POST /api/messages",
        "GET /api/incidents", "POST /api/incidents/1/retry", "POST /api/expressions/evaluate", "GET /api/users",
        "POST /api/signals", $"POST /api/instances/{Guid.Empty}/migration", $"POST /api/instances/{Guid.Empty}/migration?dryRun=true",
        $"POST /api/instances/{Guid.Empty}/modification",
        "POST /api/operations", "POST /api/operations?dryRun=true", "GET /api/operations", $"GET /api/operations/{Guid.Empty}",
        $"POST /api/operations/{Guid.Empty}/cancel",
        "GET /api/exports/incidents?format=csv",
        "POST /api/start-many/renewals?dryRun=true", "POST /api/start-many/renewals",
        "GET /api/email-templates", "GET /api/email-templates/sk-terbit", "GET /api/email-templates/sk-terbit/versions/1",
        "PUT /api/email-templates/sk-terbit", "POST /api/email-templates/sk-terbit/preview",
        "POST /api/users/x/password-reset", "PUT /api/users/x/active", "GET /api/users/audit", "GET /api/dashboard/durations",
        "GET /api/calendar/years", "GET /api/calendar/coverage", "GET /api/calendar/holidays?year=2027", "POST /api/calendar/holidays",
        "PUT /api/calendar/holidays/1", "DELETE /api/calendar/holidays/1", "PUT /api/calendar/years/2028",
        "POST /api/calendar/years/2028/import", "GET /api/calendar/years/2027/export", "GET /api/calendar/changes",
        "GET /api/decisions", "GET /api/decisions/x", "POST /api/decisions/x/evaluate",
        "GET /api/document-templates", "POST /api/document-templates", "GET /api/document-templates/sk", "POST /api/document-templates/sk",
        "GET /api/document-templates/sk/versions/1", "POST /api/document-templates/sk/versions/1/restore", "GET /api/document-templates/sk/preview",
    ];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_endpoint_refuses_anonymous_callers_and_admin_endpoints_refuse_other_roles(string method, string path)
    {
        using var anonymous = host.Client(apiKey: null);
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(new { }) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(request)).StatusCode);

        using var employee = host.Client(AuthorizationTestHost.EmployeeKey);
        request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(new { }) };
        var status = (await employee.SendAsync(request)).StatusCode;
        if (AdminOnly.Contains($"{method} {path}"))
            Assert.Equal(HttpStatusCode.Forbidden, status);
        else
            Assert.NotEqual(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task An_invalid_definition_is_400_with_every_error_naming_its_element_and_nothing_is_deployed()
    {
        var xml = Process("invalid_one", string.Join("\n",
            "<bpmn:startEvent id=\"start\"/>", "<bpmn:exclusiveGateway id=\"gw\"/>", "<bpmn:complexGateway id=\"incl\"/>",
            ServiceTask("no_type", ""), "<bpmn:endEvent id=\"end\"/>",
            Flow("f0", "start", "gw"), Flow("f1", "gw", "no_type", "=skor >"), Flow("f2", "gw", "incl"), Flow("f3", "incl", "end"), Flow("f4", "no_type", "end")));
        var response = await _api.DeployRawAsync(xml);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var errors = body["errors"]!.AsArray().Select(e => ((string?)e!["elementId"], (string?)e["message"])).ToList();
        Assert.Contains(errors, e => e.Item1 == "incl");
        Assert.Contains(errors, e => e.Item1 == "no_type");
        Assert.Contains(errors, e => e.Item1 == "f1" && e.Item2!.Contains("column"));
        Assert.Contains(errors, e => e.Item1 == "f2");
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Http.GetAsync("/api/definitions/invalid_one")).StatusCode);

        var validate = await _api.Http.PostAsync("/api/definitions/validate", new StringContent(xml, Encoding.UTF8, "application/xml"));
        var verdict = (await validate.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False((bool)verdict["valid"]!);
        Assert.Equal(errors.Count, verdict["errors"]!.AsArray().Count);
    }

    [Fact]
    public async Task Not_xml_is_a_400_that_says_so()
    {
        var response = await _api.DeployRawAsync("ini bukan xml");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not well-formed XML", await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string> Corpus()
    {
        var data = new TheoryData<string>();
        foreach (var f in ConformanceSuite.BpmnMiwg.Files("*.bpmn")) data.Add(Path.GetFileName(f));
        return data;
    }

    [ConformanceTheory(Suite.BpmnMiwg)]
    [MemberData(nameof(Corpus))]
    public async Task Validating_every_reference_diagram_answers_valid_or_errors_naming_elements_never_500(string file)
    {
        var xml = await File.ReadAllTextAsync(Path.Combine(ConformanceSuite.BpmnMiwg.Directory, file));
        var response = await _api.Http.PostAsync("/api/definitions/validate", new StringContent(xml, Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        if (!(bool)body["valid"]!)
            Assert.All(body["errors"]!.AsArray(), e => Assert.False(string.IsNullOrWhiteSpace((string?)e!["message"])));
    }

    [Fact]
    public async Task Paging_beyond_500_is_refused()
    {
        var response = await _api.Http.GetAsync("/api/instances?pageSize=501");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_expression_box_evaluates_feel_and_reports_syntax_errors_with_position()
    {
        var ok = await _api.Http.PostAsJsonAsync("/api/expressions/evaluate", new { expression = "=predikat in [\"Baik\", \"Sangat Baik\"] and masaKerja >= 1", context = new { predikat = "Baik", masaKerja = 3 } });
        Assert.True((bool)(await ok.Content.ReadFromJsonAsync<JsonObject>())!["result"]!);
        var bad = await _api.Http.PostAsJsonAsync("/api/expressions/evaluate", new { expression = "=skor >", context = new { } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = (await bad.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(1, (int)problem["line"]!);
        Assert.True((int)problem["column"]! >= 6);
    }
}
