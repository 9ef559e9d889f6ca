using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>"Terapkan" with nothing changed: the designer sends bpmn-js's serialization of the stored diagram, not its bytes.</summary>
public sealed class RoundTripDeployTests(TestHost host) : IClassFixture<TestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    // handwritten.bpmn-js.bpmn is handwritten.bpmn read and written again by bpmn-moddle (bpmn-js's saveXML) with the zeebe extension.
    private static string Fixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pppk.Workflow.sln")))
                return File.ReadAllText(Path.Combine(dir.FullName, "tests", "Pppk.Workflow.Host.Tests", "WorkflowApi", "RoundTrip", name));
        throw new DirectoryNotFoundException("Repository root not found.");
    }

    private static async Task<int> VersionAsync(HttpResponseMessage response) =>
        (int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["deployed"]![0]!["version"]!;

    [Fact]
    public async Task Deploying_the_same_diagram_after_a_bpmn_js_round_trip_adds_no_version_and_a_real_change_does()
    {
        var handwritten = Fixture("handwritten.bpmn");
        var roundTrip = Fixture("handwritten.bpmn-js.bpmn");
        Assert.NotEqual(handwritten, roundTrip);

        var first = await _api.DeployRawAsync(handwritten, "uji-pulang-pergi.bpmn");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(1, await VersionAsync(first));

        var same = await _api.DeployRawAsync(roundTrip, "uji-pulang-pergi.bpmn");
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        var sameBody = (await same.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(1, (int)sameBody["deployed"]![0]!["version"]!);
        Assert.False((bool)sameBody["deployed"]![0]!["created"]!); // what the designer reads to say "Tidak ada perubahan"
        var again = await _api.DeployRawAsync(roundTrip + "\n", "uji-pulang-pergi.bpmn");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        // Moving a shape, swapping two input mappings or renaming a task is a change.
        foreach (var changed in new[]
                 {
                     roundTrip.Replace("x=\"270\" y=\"138\"", "x=\"280\" y=\"138\"", StringComparison.Ordinal),
                     roundTrip.Replace("<z:input source=\"=1\" target=\"a\" />", "", StringComparison.Ordinal)
                         .Replace("<z:input source=\"=a + 1\" target=\"b\" />", "<z:input source=\"=a + 1\" target=\"b\" /><z:input source=\"=1\" target=\"a\" />", StringComparison.Ordinal),
                     roundTrip.Replace("Periksa berkas", "Periksa berkas ulang", StringComparison.Ordinal),
                 })
        {
            Assert.NotEqual(roundTrip, changed);
            Assert.False(SameContent.Bpmn(roundTrip, changed));
        }
        var renamed = await _api.DeployRawAsync(roundTrip.Replace("Periksa berkas", "Periksa berkas ulang", StringComparison.Ordinal), "uji-pulang-pergi.bpmn");
        Assert.Equal(HttpStatusCode.Created, renamed.StatusCode);
        Assert.Equal(2, await VersionAsync(renamed));
        var back = await (await _api.DeployRawAsync(handwritten, "uji-pulang-pergi.bpmn")).Content.ReadFromJsonAsync<JsonObject>();
        Assert.True((bool)back!["deployed"]![0]!["created"]!); // back to the first text: a change against version 2
    }

    [Fact]
    public void A_form_re_indented_by_the_form_editor_is_the_same_form()
    {
        const string stored = """{"id":"f","type":"default","components":[{"type":"textfield","key":"nama","label":"Nama"}],"exporter":{"name":"Camunda Modeler"}}""";
        const string editor = """
            {
              "components": [ { "label": "Nama", "key": "nama", "type": "textfield" } ],
              "type": "default",
              "id": "f",
              "exporter": { "name": "form-js", "version": "1.23.0" }
            }
            """;
        Assert.True(SameContent.Form(stored, editor));
        Assert.False(SameContent.Form(stored, editor.Replace("\"Nama\"", "\"Nama lengkap\"", StringComparison.Ordinal)));
    }
}
