using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Pppk.Workflow.Host;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Benchmarks.Domain;

/// <summary>
/// The renewal recommendation as one durable step per case: a batch of starts of a process whose only task is the
/// recommendation, once as the business rule task calling workflows/rekomendasi-perpanjangan.dmn (with its matched rule
/// recorded) and once as the FEEL script it replaced, on a private embedded PostgreSQL. Reports steps per second.
/// </summary>
public sealed class RenewalRuleBenchmark : IBenchmark
{
    public string Name => "renewal-rule";

    public string Description => "renewal recommendation steps per second: DMN business rule task vs the former FEEL script (args: [cases=2000] [rounds=3])";

    private const string Script = "=if latestPredicate = null then \"perlu penilaian kinerja\" else if latestPredicate = \"Kurang\" or latestPredicate = \"Sangat Kurang\" " +
        "or stillNeeded = false or fiscalOk = false then \"tidak diperpanjang\" else \"diperpanjang\"";

    public async Task RunAsync(string[] args, CancellationToken ct)
    {
        var numbers = args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var (cases, rounds) = (numbers.ElementAtOrDefault(0) is > 0 and var c ? c : 2000, numbers.ElementAtOrDefault(1) is > 0 and var r ? r : 3);
        InMemory(await File.ReadAllTextAsync(Path.Combine(WorkflowsFolder(), "rekomendasi-perpanjangan.dmn"), ct), cases * 10);
        var root = Path.Combine(Path.GetTempPath(), $"pppk-renewal-rule-{Environment.ProcessId}");
        var pg = await EmbeddedPostgres.StartAsync(root, new DatabaseOptions { DatabaseName = "rule" }, NullLogger.Instance, ct);
        try
        {
            await using var services = await PppkHost.StartServicesAsync([], new Dictionary<string, string?>
            {
                ["ConnectionStrings:Pppk"] = pg.ConnectionString("rule"),
                ["Serilog:MinimumLevel:Default"] = "Warning",
                ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Fatal",
                ["Serilog:WriteTo:1:Args:path"] = Path.Combine(root, "logs", "rule-.log"),
            }, ct: ct);
            var deployment = services.Services.GetRequiredService<DeploymentService>();
            var table = await File.ReadAllTextAsync(Path.Combine(WorkflowsFolder(), "rekomendasi-perpanjangan.dmn"), ct);
            var deployed = await deployment.DeployAsync(
            [
                new("rekomendasi-perpanjangan.dmn", table),
                new("bench-rekomendasi-dmn.bpmn", Process("bench-rekomendasi-dmn",
                    """<bpmn:businessRuleTask id="rekomendasi"><bpmn:extensionElements><zeebe:calledDecision decisionId="rekomendasi-perpanjangan" resultVariable="rekomendasiPerpanjangan" /></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:businessRuleTask>""")),
                new("bench-rekomendasi-feel.bpmn", Process("bench-rekomendasi-feel",
                    $"""<bpmn:scriptTask id="rekomendasi"><bpmn:extensionElements><zeebe:script expression="{System.Security.SecurityElement.Escape(Script)}" resultVariable="recommendation" /></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:scriptTask>""")),
            ], "benchmark", ct);
            if (!deployed.Valid) throw new InvalidOperationException(string.Join("; ", deployed.Problems.Select(p => p.Text.ToString())));

            var instances = services.Services.GetRequiredService<InstanceService>();
            string[] predicates = ["Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"];
            List<InstanceService.BatchItem> Items(string prefix) => [.. Enumerable.Range(0, cases).Select(i => new InstanceService.BatchItem($"{prefix}-{i}", new JsonObject
            {
                ["latestPredicate"] = i % 17 == 0 ? null : predicates[i % predicates.Length], ["stillNeeded"] = i % 11 != 0, ["unitBudgetOk"] = i % 7 != 0,
                ["regionalRatioPercent"] = 24m + i % 9, ["fiscalOk"] = i % 7 != 0, ["fiscalOverride"] = i % 14 == 0 ? true : null, ["batasBelanjaPegawai"] = 30m,
            }))];
            for (var round = 1; round <= rounds; round++)
                foreach (var key in new[] { "bench-rekomendasi-feel", "bench-rekomendasi-dmn" })
                {
                    var items = Items($"{key}-{round}");
                    var watch = Stopwatch.StartNew();
                    var result = await instances.StartBatchAsync(key, items, uniqueBusinessKey: false, "benchmark", ct);
                    watch.Stop();
                    Console.WriteLine($"  round {round} {(key.EndsWith("dmn", StringComparison.Ordinal) ? "DMN table (rule recorded)" : "FEEL script (before)"),-26} " +
                                      $"{result.Started.Count,6} steps in {watch.Elapsed.TotalSeconds,6:0.00} s = {result.Started.Count / watch.Elapsed.TotalSeconds,7:0} steps/s");
                }
        }
        finally
        {
            await pg.StopAsync();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The same table evaluated in memory (read once, as the runtime caches it): what the step adds beyond the engine.</summary>
    private static void InMemory(string table, int evaluations)
    {
        var model = Pppk.Workflow.Engine.Dmn.DmnReader.Read(table).Model ?? throw new InvalidOperationException("The renewal table does not read.");
        string?[] predicates = [null, "Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"];
        var scopes = Enumerable.Range(0, 64).Select(i => Pppk.Workflow.Engine.Feel.FeelScope.FromJson(new JsonObject
        {
            ["latestPredicate"] = predicates[i % predicates.Length], ["stillNeeded"] = i % 11 != 0, ["unitBudgetOk"] = i % 7 != 0,
            ["regionalRatioPercent"] = 24m + i % 9, ["fiscalOverride"] = i % 14 == 0 ? true : null, ["batasBelanjaPegawai"] = 30m,
        })).ToArray();
        var feel = Pppk.Workflow.Engine.Feel.FeelEnvironment.Default;
        for (var i = 0; i < 1000; i++) Pppk.Workflow.Engine.Dmn.DmnEvaluator.Evaluate(model, "rekomendasi-perpanjangan", scopes[i % scopes.Length], feel);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < evaluations; i++) Pppk.Workflow.Engine.Dmn.DmnEvaluator.Evaluate(model, "rekomendasi-perpanjangan", scopes[i % scopes.Length], feel);
        Console.WriteLine($"  in memory: {evaluations} evaluations of the renewal table (8 rules, 5 inputs) in {watch.Elapsed.TotalSeconds:0.00} s = {evaluations / watch.Elapsed.TotalSeconds:0} /s");
    }

    private static string Process(string id, string task) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-{id}" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="{id}" isExecutable="true">
            <bpmn:startEvent id="mulai"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            {task}
            <bpmn:endEvent id="selesai"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="mulai" targetRef="rekomendasi" />
            <bpmn:sequenceFlow id="f2" sourceRef="rekomendasi" targetRef="selesai" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static string WorkflowsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pppk.Workflow.sln")))
                return Path.Combine(dir.FullName, "workflows");
        return Path.GetFullPath("workflows");
    }
}
