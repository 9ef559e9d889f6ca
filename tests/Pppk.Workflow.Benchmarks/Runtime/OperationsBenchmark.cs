using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Pppk.Workflow.Host;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Benchmarks.Runtime;

/// <summary>
/// A batch operation over many instances beside the batch start that made them: N instances (start → user task) are
/// started through <c>POST /api/instances/batch</c>, then one operation (<c>POST /api/operations</c>) works on all of
/// them in chunks in the background; both rates in instances/s and their ratio.
/// </summary>
public sealed class OperationsBenchmark : IBenchmark
{
    private const string BootstrapKey = BenchmarkHost.BootstrapKey;
    private const string Key = "bench_ops";

    public string Name => "operations";

    public string Description =>
        "batch operation vs batch start: N instances batch-started, then one operation over them (args: n=100000 type=migrate|set-variables|cancel perCall=10000; Runtime:Operations:ChunkSize=500 etc. are host settings)";

    public async Task RunAsync(string[] args, CancellationToken ct)
    {
        var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var n = int.Parse(options.GetValueOrDefault("n", "100000"), CultureInfo.InvariantCulture);
        var perCall = int.Parse(options.GetValueOrDefault("perCall", "10000"), CultureInfo.InvariantCulture);
        var type = options.GetValueOrDefault("type", "migrate");

        var cs = await TestCluster.CreateDatabaseAsync("benchops");
        var hostArgs = options.Where(o => o.Key.Contains(':')).Select(o => $"--{o.Key}={o.Value}").ToArray();
        await using var host = await BenchmarkHost.StartAsync(cs, hostArgs, "bench-ops-.log", ct);
        using var http = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Add("X-Api-Key", BootstrapKey);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Console.WriteLine($"{Environment.ProcessorCount} cores; {n:N0} instances, {perCall:N0} per batch-start call; operation '{type}'");

        await DeployAsync(http, "Periksa", ct);
        var startWatch = Stopwatch.StartNew();
        for (var offset = 0; offset < n; offset += perCall)
        {
            var items = Enumerable.Range(offset, Math.Min(perCall, n - offset)).Select(i => new { businessKey = $"op-{i:D6}", variables = new { n = i } }).ToList();
            (await http.PostAsJsonAsync("/api/instances/batch", new { definitionKey = Key, instances = items }, ct)).EnsureSuccessStatusCode();
        }
        var startRate = n / startWatch.Elapsed.TotalSeconds;
        Console.WriteLine($"batch start      {n,9:N0} instances in {startWatch.Elapsed.TotalSeconds,7:F1} s: {startRate,8:N0} instances/s");

        await DeployAsync(http, "Periksa ulang", ct); // version 2, the migration's target
        object body = type switch
        {
            "migrate" => new { type, filter = new { definitionKey = Key, version = 1 }, targetVersion = 2, mappings = Array.Empty<object>() },
            "cancel" => new { type, filter = new { definitionKey = Key, version = 1 }, reason = "benchmark" },
            _ => new { type, filter = new { definitionKey = Key, version = 1 }, variables = new { diperbarui = true } },
        };
        var opWatch = Stopwatch.StartNew();
        var created = await http.PostAsJsonAsync("/api/operations", body, ct);
        var createdBody = await created.Content.ReadAsStringAsync(ct);
        if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"Operation refused {(int)created.StatusCode}: {createdBody}");
        var id = (string)JsonNode.Parse(createdBody)!["id"]!;
        var createSeconds = opWatch.Elapsed.TotalSeconds;
        JsonObject op;
        do
        {
            await Task.Delay(200, ct);
            op = (await http.GetFromJsonAsync<JsonObject>($"/api/operations/{id}", ct))!;
        }
        while ((string)op["state"]! == "running");
        var seconds = opWatch.Elapsed.TotalSeconds;
        var done = (int)op["done"]!;
        var opRate = done / seconds;
        Console.WriteLine($"operation {type,-7}{done,9:N0} instances in {seconds,7:F1} s: {opRate,8:N0} instances/s " +
                          $"(state {op["state"]}, failed {op["failed"]}; creating it with its items took {createSeconds:F1} s)");
        Console.WriteLine($"ratio operation/batch start: {opRate / startRate:F2}");
        await host.DisposeAsync();
        await TestCluster.DropDatabaseAsync(cs);
    }

    private static async Task DeployAsync(HttpClient http, string taskName, CancellationToken ct)
    {
        var xml = Bpmn.Chain(Key, Bpmn.UserTask("periksa", taskName));
        var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-File-Name", "bench-ops.bpmn");
        var response = await http.PostAsync("/api/definitions", content, ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Deploy failed {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }
}
