using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>Issue 14: a process declares its start variables; a start without a required one, or with one of the wrong type, is a 400 naming it.</summary>
public sealed class StartVariableTests(TestHost host) : IClassFixture<TestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    private static string Declared(string key, params (string Name, string Value)[] more) => WithProperties(Chain(key, UserTask("periksa")),
        [("start.nik", "text, required: NIK pelamar"), ("start.year", "integer: Tahun seleksi"), ("start.tmt", "date"), .. more]);

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task A_start_without_a_required_variable_or_with_a_wrong_type_is_refused_naming_it()
    {
        await _api.DeployAsync(Declared("sv_single"));
        var missing = await ProblemAsync(await _api.Http.PostAsJsonAsync("/api/instances", new { definitionKey = "sv_single", variables = new { year = 2024 } }));
        Assert.Equal("start-variable-missing", (string?)missing["code"]);
        Assert.Contains("'nik'", (string?)missing["title"]);
        Assert.Contains("NIK pelamar", (string?)missing["title"]);

        var wrong = await ProblemAsync(await _api.Http.PostAsJsonAsync("/api/instances", new { definitionKey = "sv_single", variables = new { nik = "6402010101900001", year = "2024" } }));
        Assert.Equal("start-variable-type", (string?)wrong["code"]);
        Assert.Contains("'year'", (string?)wrong["title"]);

        var badDate = await ProblemAsync(await _api.Http.PostAsJsonAsync("/api/instances", new { definitionKey = "sv_single", variables = new { nik = "6402010101900001", tmt = "1 Maret 2025" } }));
        Assert.Contains("'tmt'", (string?)badDate["title"]);

        // In Indonesian for an Indonesian caller.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/instances") { Content = JsonContent.Create(new { definitionKey = "sv_single" }) };
        request.Headers.AcceptLanguage.ParseAdd("id");
        var indonesian = await ProblemAsync(await _api.Http.SendAsync(request));
        Assert.Contains("memerlukan variabel awal 'nik'", (string?)indonesian["title"]);

        Assert.Empty((await _api.Http.GetFromJsonAsync<JsonObject>("/api/instances?definitionKey=sv_single"))!["items"]!.AsArray());
        // The optional ones may be left out; given, they are checked.
        var started = await _api.StartAsync("sv_single", new { nik = "6402010101900001", tmt = "2025-03-01" });
        Assert.Equal("active", (string?)started["status"]);
    }

    [Fact]
    public async Task A_batch_with_one_bad_item_starts_nothing_and_names_the_item()
    {
        await _api.DeployAsync(Declared("sv_batch"));
        var response = await _api.Http.PostAsJsonAsync("/api/instances/batch", new
        {
            definitionKey = "sv_batch",
            instances = new object[]
            {
                new { businessKey = "REG-1", variables = new { nik = "6402010101900001" } },
                new { businessKey = "REG-2", variables = new { year = 2024 } },
            },
        });
        var problem = await ProblemAsync(response);
        Assert.Equal("start-variable-batch", (string?)problem["code"]);
        Assert.Contains("REG-2", (string?)problem["title"]);
        Assert.Contains("'nik'", (string?)problem["title"]);
        Assert.Empty((await _api.Http.GetFromJsonAsync<JsonObject>("/api/instances?definitionKey=sv_batch"))!["items"]!.AsArray());
    }

    [Fact]
    public async Task The_definition_lists_its_start_variables_and_case_rule()
    {
        await _api.DeployAsync(Declared("sv_listed", ("caseUnit", "=unitCode")));
        var definition = (await _api.Http.GetFromJsonAsync<JsonObject>("/api/definitions/sv_listed"))!;
        var variables = definition["startVariables"]!.AsArray();
        Assert.Equal(["nik", "year", "tmt"], variables.Select(v => (string)v!["name"]!));
        Assert.Equal(["text", "integer", "date"], variables.Select(v => (string)v!["type"]!));
        Assert.Equal([true, false, false], variables.Select(v => (bool)v!["required"]!));
        Assert.Equal("NIK pelamar", (string?)variables[0]!["label"]);
        Assert.Equal("=unitCode", (string?)definition["caseUnit"]);
    }

    [Fact]
    public async Task A_declaration_that_cannot_be_read_refuses_the_deployment()
    {
        var xml = Declared("sv_invalid", ("start.lahir", "tanggal"));
        var response = await _api.DeployRawAsync(xml);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("start-variable-invalid", await response.Content.ReadAsStringAsync());
    }
}
