using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>Issue 18: a process's start form (on its none start event), read with its start variables, checked at deploy; a start with its answers.</summary>
public sealed class StartFormTests(TestHost host) : IClassFixture<TestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    private const string Form = """
        { "id": "sf-form-mulai", "type": "default", "components": [
          { "type": "number", "key": "year", "label": "Tahun", "validate": { "required": true } },
          { "type": "textfield", "key": "note", "label": "Catatan" } ] }
        """;

    /// <summary>A process whose start event carries <paramref name="formDefinition"/>, with required start variables employeeId and year.</summary>
    private static string WithStartForm(string key, string formDefinition, params (string Name, string Value)[] more) =>
        WithProperties(Chain(key, UserTask("periksa")), [("start.employeeId", "integer, required: Id pegawai"), ("start.year", "integer, required: Tahun"), .. more])
            .Replace("<bpmn:startEvent id=\"start\"/>", $"<bpmn:startEvent id=\"start\" name=\"Mulai\"><bpmn:extensionElements>{formDefinition}</bpmn:extensionElements></bpmn:startEvent>");

    private async Task<HttpResponseMessage> DeployWithFormAsync(string bpmn, string? form)
    {
        using var content = new MultipartFormDataContent { { new StringContent(bpmn, Encoding.UTF8, "application/xml"), "files", "proses.bpmn" } };
        if (form is not null) content.Add(new StringContent(form, Encoding.UTF8, "application/json"), "files", "mulai.form");
        return await _api.Http.PostAsync("/api/definitions", content);
    }

    private static async Task<JsonObject> BodyAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    [Fact]
    public async Task The_start_form_comes_with_the_start_variables_and_a_start_with_its_answers_is_checked()
    {
        var bpmn = WithStartForm("sf_deployed", "<zeebe:formDefinition formId=\"sf-form-mulai\"/>",
            ("startSubject", "employee"), ("startBusinessKey", "{employeeId}:{year}"));
        await BodyAsync(await DeployWithFormAsync(bpmn, Form), HttpStatusCode.Created);

        var start = (await _api.Http.GetFromJsonAsync<JsonObject>("/api/definitions/sf_deployed/start-form"))!;
        Assert.Equal("sf-form-mulai", (string?)start["formId"]);
        Assert.Equal(["year", "note"], start["schema"]!["components"]!.AsArray().Select(c => (string?)c!["key"]));
        Assert.Equal(["employeeId", "year"], start["startVariables"]!.AsArray().Select(v => (string?)v!["name"]));
        Assert.Equal(("employee", "{employeeId}:{year}", true), ((string?)start["startSubject"], (string?)start["startBusinessKey"], (bool)start["startsByHand"]!));
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Http.GetAsync("/api/definitions/sf_nope/start-form")).StatusCode);

        // The form's answers without a required start variable: a 400 naming the field, nothing started.
        var missing = await BodyAsync(await _api.Http.PostAsJsonAsync("/api/instances",
            new { definitionKey = "sf_deployed", businessKey = "7:2026", variables = new { employeeId = 7, note = "x" }, uniqueBusinessKey = true }), HttpStatusCode.BadRequest);
        Assert.Equal(("start-variable-missing", "year"), ((string?)missing["code"], (string?)missing["field"]));
        var wrongType = await BodyAsync(await _api.Http.PostAsJsonAsync("/api/instances",
            new { definitionKey = "sf_deployed", variables = new { employeeId = 7, year = "dua ribu" } }), HttpStatusCode.BadRequest);
        Assert.Equal(("start-variable-type", "year"), ((string?)wrongType["code"], (string?)wrongType["field"]));
        Assert.Empty((await _api.Http.GetFromJsonAsync<JsonObject>("/api/instances?definitionKey=sf_deployed"))!["items"]!.AsArray());

        var started = await BodyAsync(await _api.Http.PostAsJsonAsync("/api/instances",
            new { definitionKey = "sf_deployed", businessKey = "7:2026", variables = new { employeeId = 7, year = 2026, note = "x" }, uniqueBusinessKey = true }), HttpStatusCode.Created);
        Assert.Equal("periksa", (string?)started["tasks"]![0]!["elementId"]);
        // The same key again while the first case runs: refused with the key named; without asking, a second start is allowed as before.
        var duplicate = await BodyAsync(await _api.Http.PostAsJsonAsync("/api/instances",
            new { definitionKey = "sf_deployed", businessKey = "7:2026", variables = new { employeeId = 7, year = 2026 }, uniqueBusinessKey = true }), HttpStatusCode.Conflict);
        Assert.Equal("business-key-active", (string?)duplicate["code"]);
        Assert.Contains("7:2026", (string?)duplicate["title"]);
        await BodyAsync(await _api.Http.PostAsJsonAsync("/api/instances",
            new { definitionKey = "sf_deployed", businessKey = "7:2026", variables = new { employeeId = 7, year = 2026 } }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_embedded_start_form_is_read_from_the_process_file()
    {
        var bpmn = WithStartForm("sf_embedded", "<zeebe:formDefinition formKey=\"camunda-forms:bpmn:mulai\"/>");
        var open = System.Text.RegularExpressions.Regex.Match(bpmn, "<zeebe:properties>");
        bpmn = bpmn.Insert(open.Index, $"<zeebe:userTaskForm id=\"mulai\">{System.Security.SecurityElement.Escape(Form)}</zeebe:userTaskForm>");
        await _api.DeployAsync(bpmn);
        var start = (await _api.Http.GetFromJsonAsync<JsonObject>("/api/definitions/sf_embedded/start-form"))!;
        Assert.Equal("sf-form-mulai", (string?)start["schema"]!["id"]);
        Assert.Null((string?)start["startSubject"]);
    }

    [Fact]
    public async Task A_start_form_that_does_not_exist_or_an_unknown_subject_is_a_deployment_error()
    {
        var unknown = await BodyAsync(await _api.DeployRawAsync(WithStartForm("sf_unknown", "<zeebe:formDefinition formId=\"sf-form-tidak-ada\"/>")), HttpStatusCode.BadRequest);
        var error = Assert.Single(unknown["errors"]!.AsArray());
        Assert.Equal(("start-form-not-deployed", "start"), ((string?)error!["code"], (string?)error["elementId"]));
        Assert.Contains("sf-form-tidak-ada", (string?)error["message"]);

        var embedded = await BodyAsync(await _api.DeployRawAsync(WithStartForm("sf_no_embedded", "<zeebe:formDefinition formKey=\"camunda-forms:bpmn:hilang\"/>")), HttpStatusCode.BadRequest);
        Assert.Equal("start-form-embedded-missing", (string?)Assert.Single(embedded["errors"]!.AsArray())!["code"]);

        var subject = await BodyAsync(await _api.DeployRawAsync(WithProperties(Chain("sf_subject", UserTask("periksa")), ("startSubject", "pensiunan"))), HttpStatusCode.BadRequest);
        Assert.Equal("start-subject-unknown", (string?)Assert.Single(subject["errors"]!.AsArray())!["code"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Http.GetAsync("/api/definitions/sf_unknown")).StatusCode);
    }

    [Fact]
    public async Task The_pppk_workflows_started_for_one_person_have_a_start_form_and_pick_their_subject()
    {
        foreach (var (key, subject) in new[] { ("evaluasi-kinerja", "employee"), ("perpanjangan-kontrak", "employee"), ("seleksi-pppk", "applicant"),
                     ("penerbitan-sk", "applicant"), ("usulan-paruh-waktu", "applicant") })
        {
            var start = (await _api.Http.GetFromJsonAsync<JsonObject>($"/api/definitions/{key}/start-form"))!;
            Assert.Equal($"form-mulai-{key}", (string?)start["formId"]);
            Assert.NotNull(start["schema"]);
            Assert.Equal(subject, (string?)start["startSubject"]);
        }
        var monitor = (await _api.Http.GetFromJsonAsync<JsonObject>("/api/definitions/pemantauan-kontrak/start-form"))!;
        Assert.Equal("renewals", (string?)monitor["startMany"]);
        Assert.Equal("evaluations", (string?)(await _api.Http.GetFromJsonAsync<JsonObject>("/api/definitions/siklus-evaluasi/start-form"))!["startMany"]);
    }
}
