using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests;

/// <summary>The workflows folder deploys at start-up, and every file in it is valid as it stands.</summary>
public sealed class WorkflowsFolderTests(TestHost host) : IClassFixture<TestHost>
{
    private static readonly string[] Expected =
        ["evaluasi-kinerja", "pemantauan-kontrak", "penerbitan-sk", "penetapan-kelulusan", "perpanjangan-kontrak", "seleksi-pppk", "siklus-evaluasi", "usulan-paruh-waktu"];

    [Fact]
    public async Task Every_pppk_workflow_is_deployed_at_start_up()
    {
        using var client = host.Client();
        var list = await client.GetFromJsonAsync<JsonObject>("/api/definitions?pageSize=100");
        var keys = list!["items"]!.AsArray().Select(i => (string)i!["key"]!).ToHashSet();
        Assert.All(Expected, k => Assert.Contains(k, keys));
    }

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(WorkflowsDirectory(), "*.bpmn").Order()) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Each_workflow_file_validates_without_errors_and_has_a_diagram_and_indonesian_names(string file)
    {
        var xml = await File.ReadAllTextAsync(Path.Combine(WorkflowsDirectory(), file));
        using var client = host.Client();
        var response = await client.PostAsync("/api/definitions/validate", new StringContent(xml, Encoding.UTF8, "application/xml"));
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((bool)body["valid"]!, body.ToJsonString());
        // Forms are deployed from workflows/forms at start-up, so no task names a missing form.
        Assert.DoesNotContain(body["warnings"]!.AsArray(), w => ((string?)w!["message"])!.Contains("Form"));
        Assert.Contains("<bpmndi:BPMNDiagram", xml);
        var doc = System.Xml.Linq.XDocument.Parse(xml);
        XNamespace bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        var unnamed = doc.Descendants().Where(e => e.Name.Namespace == bpmn && e.Name.LocalName is "userTask" or "serviceTask" or "sendTask" or "scriptTask" or "callActivity" or "receiveTask" or "startEvent")
            .Where(e => string.IsNullOrWhiteSpace((string?)e.Attribute("name"))).Select(e => (string?)e.Attribute("id")).ToList();
        Assert.Empty(unnamed);
    }

    [Fact]
    public void Docs_list_every_workflows_start_variables_case_rule_and_summary_as_the_files_declare_them()
    {
        var docs = File.ReadAllText(Path.Combine(WorkflowsDirectory(), "..", "docs", "workflows.md"));
        foreach (var file in Directory.GetFiles(WorkflowsDirectory(), "*.bpmn"))
        {
            var process = Assert.Single(Pppk.Workflow.Engine.Parsing.BpmnParser.Parse(File.ReadAllText(file)).ExecutableProcesses);
            Assert.Contains($"## `{process.Id}` ({process.Name})", docs);
            Assert.Empty(process.InvalidStartVariables);
            foreach (var v in process.StartVariables)
                Assert.Contains($"| `{v.Name}` | {v.Type.ToString().ToLowerInvariant()} | {(v.Required ? "yes" : "no")} | {v.Label} |", docs);
            if (process.Case.Unit is { } unit) Assert.Contains($"caseUnit `{unit}`", docs);
            if (process.Case.Subject is { } subject) Assert.Contains($"caseSubject `{subject}`", docs);
            Assert.Empty(process.InvalidSummary);
            foreach (var line in process.Summary)
            {
                Assert.Contains($"| {line.Name} | {line.Label} | `", docs);
                Assert.Contains($"`{line.Expression}`", docs);
            }
        }
    }

    private static string WorkflowsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pppk.Workflow.sln"))) return Path.Combine(dir.FullName, "workflows");
        throw new DirectoryNotFoundException("Repository root not found.");
    }
}
