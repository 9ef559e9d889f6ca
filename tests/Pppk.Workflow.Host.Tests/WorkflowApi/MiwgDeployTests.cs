using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests.WorkflowApi;

/// <summary>
/// Every MIWG reference file with an executable process, deployed through the API on PostgreSQL: it deploys, or it is
/// refused only with codes docs/bpmn.md names, so a user who draws it finds the reason and the fix there.
/// </summary>
public sealed class MiwgDeployTests(TestHost host) : IClassFixture<TestHost>
{
    private readonly WorkflowApiClient _api = new(host.Client());

    public static IEnumerable<object[]> ExecutableFiles() =>
        ConformanceSuite.BpmnMiwg.Files("*.bpmn")
            .Where(f => Regex.IsMatch(File.ReadAllText(f), "isExecutable=\"true\""))
            .Select(f => new object[] { Path.GetFileName(f) });

    /// <summary>The codes docs/bpmn.md names (`kebab-case` in backticks).</summary>
    private static readonly HashSet<string> DocumentedCodes = Regex
        .Matches(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "bpmn.md")), "`([a-z]+(?:-[a-z0-9]+)+)`")
        .Select(m => m.Groups[1].Value).ToHashSet();

    [ConformanceTheory(Suite.BpmnMiwg)]
    [MemberData(nameof(ExecutableFiles))]
    public async Task A_MIWG_file_with_an_executable_process_deploys_or_is_refused_only_for_documented_reasons(string file)
    {
        var xml = await File.ReadAllTextAsync(Path.Combine(ConformanceSuite.BpmnMiwg.Directory, file));
        var response = await _api.DeployRawAsync(xml, file);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
            return;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var codes = body["errors"]!.AsArray().Select(e => (string?)e!["code"]).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.NotNull(c));
        var undocumented = codes.Where(c => !DocumentedCodes.Contains(c!)).Distinct().ToList();
        Assert.True(undocumented.Count == 0, $"{file} is refused with codes docs/bpmn.md does not name: {string.Join(", ", undocumented)}");
    }

    [ConformanceFact(Suite.BpmnMiwg)]
    public void The_corpus_has_executable_files_to_deploy() => Assert.NotEmpty(ExecutableFiles());

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pppk.Workflow.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Pppk.Workflow.sln not found above " + AppContext.BaseDirectory);
    }
}
