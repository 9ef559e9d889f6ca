using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pppk.Workflow.Benchmarks.Runtime;

/// <summary>
/// What the logs cost on the HTTP path, measured from outside: the release host as its own process (shipped
/// <c>appsettings.json</c>, embedded PostgreSQL, a temporary home folder), loaded by <c>wrk</c> with start → complete
/// the task the start opened, once with the shipped logging and once with logging off (every level at Fatal),
/// for a few rounds after an uncounted first one, alternating which goes first, each on a freshly started host after a warm-up.
/// </summary>
public sealed partial class HttpLogsBenchmark : IBenchmark
{
    private const string ApiKey = "bench-logs-key-0123456789";

    public string Name => "http-logs";

    public string Description =>
        "HTTP steps/s with the shipped logging vs logging off, external load by wrk (args: seconds=15 warmup=5 rounds=3 connections=8 variants=shipped,off host=<Pppk.Workflow.Host.dll> home=<folder with appsettings.json and workflows/>)";

    /// <summary>Logging off: the default and every override of the shipped configuration at Fatal.</summary>
    private static readonly Dictionary<string, string> LoggingOff = new()
    {
        ["Serilog__MinimumLevel__Default"] = "Fatal",
        ["Serilog__MinimumLevel__Override__Microsoft.AspNetCore"] = "Fatal",
        ["Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore"] = "Fatal",
        ["Serilog__MinimumLevel__Override__Microsoft.AspNetCore.DataProtection"] = "Fatal",
        ["Serilog__MinimumLevel__Override__Hangfire"] = "Fatal",
        ["Serilog__MinimumLevel__Override__System.Net.Http"] = "Fatal",
    };

    /// <summary>
    /// The settings a round can run with (<c>variants=</c>, <c>off</c> is always run): the shipped ones, logging off,
    /// and the shipped ones with one part switched off or on, to see where the cost is.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Variants = new()
    {
        ["shipped"] = [],
        ["off"] = LoggingOff,
        ["console"] = new() { ["Serilog__ConsoleWhenRedirected"] = "true" },
        ["no-console"] = new() { ["Serilog__WriteTo__0__Args__restrictedToMinimumLevel"] = "Warning" },
        ["no-file"] = new() { ["Serilog__WriteTo__1__Args__restrictedToMinimumLevel"] = "Warning" },
        ["no-request"] = new() { ["Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware"] = "Warning" },
        ["no-runtime"] = new() { ["Serilog__MinimumLevel__Override__Pppk.Workflow.Runtime"] = "Warning" },
    };

    public async Task RunAsync(string[] args, CancellationToken ct)
    {
        var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        int Int(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var (seconds, warmup, rounds, connections) = (Int("seconds", 15), Int("warmup", 5), Int("rounds", 3), Int("connections", 8));
        var names = (options.GetValueOrDefault("variants") ?? "shipped").Split(',', StringSplitOptions.RemoveEmptyEntries).Append("off").Distinct().ToList();
        if (names.FirstOrDefault(n => !Variants.ContainsKey(n)) is { } unknown)
            throw new ArgumentException($"Unknown variant {unknown}; known: {string.Join(", ", Variants.Keys)}");
        if (Which("wrk") is null)
        {
            Console.WriteLine("wrk is not installed (Debian: apt-get install wrk); this benchmark needs an external load generator.");
            return;
        }
        var repo = ChildHost.RepoRoot();
        var dll = options.GetValueOrDefault("host") ?? Path.Combine(repo, "src", "Pppk.Workflow.Host", "bin", "Release", "net10.0", "Pppk.Workflow.Host.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build the host in Release first (dotnet build -c Release src/Pppk.Workflow.Host)", dll);
        var work = Path.Combine(Path.GetTempPath(), $"pppk-http-logs-{Environment.ProcessId}");
        var home = PrepareHome(options.GetValueOrDefault("home") ?? repo, work);
        var script = Path.Combine(work, "start-complete.lua");
        await File.WriteAllTextAsync(script, LuaScript, ct);
        Console.WriteLine($"Host {dll}; home {home} (its appsettings.json as shipped); wrk {connections} connections, {seconds} s after {warmup} s warm-up, {rounds} rounds; {Environment.ProcessorCount} cores");

        var results = names.ToDictionary(n => n, _ => new List<WrkResult>());
        try
        {
            // Round 0 is not counted: the first host creates the database and deploys the workflow, and the first load on
            // fresh tables (no statistics, cold files) is slower whichever setting runs it. The rounds then alternate which
            // setting goes first, so neither always runs on the smaller database or the cooler box.
            ChildHostOptions Options(string name) => new()
            {
                BootstrapKey = ApiKey, AdminPassword = "Bench-Logs-Admin-Password-2026", HostDll = dll, Home = home, Environment = Variants[name],
                StartTimeout = TimeSpan.FromMinutes(10),
            };
            await using (var first = await ChildHost.StartAsync(Options("off"), ct))
            {
                await DeployAsync(first.Url, ct);
                await WrkAsync(first.Url, script, connections, warmup + seconds, ct);
            }
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var name in round % 2 == 1 ? names : Enumerable.Reverse(names))
                {
                    await using var host = await ChildHost.StartAsync(Options(name), ct);
                    await WrkAsync(host.Url, script, connections, warmup, ct);
                    var cpu = host.Cpu;
                    var result = await WrkAsync(host.Url, script, connections, seconds, ct);
                    result = result with { HostCpuMsPerRequest = (host.Cpu - cpu).TotalMilliseconds / Math.Max(1, result.Requests) };
                    results[name].Add(result);
                    Console.WriteLine($"round {round} {name,-10}: {result.RequestsPerSecond,8:F0} req/s, latency mean {result.LatencyMs,5:F2} ms, p99 {result.P99Ms,6:F2} ms, non-2xx {result.Errors}, host CPU {result.HostCpuMsPerRequest:F3} ms/request (incl. reading its stdout)");
                }
            }
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }

        // Ratios per round (each variant against the logging-off run of the same round), then their median: the box's
        // load moves between rounds more than between the settings of one round.
        foreach (var name in names.Where(n => n != "off"))
        {
            var ratios = results[name].Zip(results["off"], (v, o) => v.RequestsPerSecond / o.RequestsPerSecond).Order().ToList();
            var cpu = results[name].Average(r => r.HostCpuMsPerRequest);
            var cpuOff = results["off"].Average(r => r.HostCpuMsPerRequest);
            Console.WriteLine($"{name,-10}: host CPU {cpu:F3} ms/request vs {cpuOff:F3} logging off (+{(cpu - cpuOff) * 1000:F0} µs, off/{name} = {cpuOff / cpu:F3})");
            Console.WriteLine($"{name,-10}: median {Median(results[name]):F0} req/s ({results[name].Average(r => r.LatencyMs):F2} ms), logging off {Median(results["off"]):F0} req/s ({results["off"].Average(r => r.LatencyMs):F2} ms); " +
                $"{name}/off per round {string.Join(" ", ratios.Select(r => r.ToString("F3", CultureInfo.InvariantCulture)))}, median {ratios[ratios.Count / 2]:F3}");
        }
    }

    private static double Median(List<WrkResult> results)
    {
        var sorted = results.Select(r => r.RequestsPerSecond).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>A temporary home folder: the given home's appsettings.json copied and its workflows linked, so data and logs stay out of the repository.</summary>
    private static string PrepareHome(string source, string work)
    {
        var home = Path.Combine(work, "home");
        Directory.CreateDirectory(home);
        File.Copy(Path.Combine(source, "appsettings.json"), Path.Combine(home, "appsettings.json"), overwrite: true);
        Directory.CreateSymbolicLink(Path.Combine(home, "workflows"), Path.Combine(source, "workflows"));
        return home;
    }

    private static async Task DeployAsync(Uri url, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = url };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var content = new StringContent("""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs_bench_logs" targetNamespace="http://bpmn.io/schema/bpmn">
              <bpmn:process id="bench_logs" name="Bench logs" isExecutable="true">
                <bpmn:startEvent id="start"/>
                <bpmn:userTask id="task" name="Tugas"><bpmn:extensionElements><zeebe:userTask/><zeebe:assignmentDefinition candidateGroups="verifier"/></bpmn:extensionElements></bpmn:userTask>
                <bpmn:endEvent id="end"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
                <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
              </bpmn:process>
            </bpmn:definitions>
            """, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-File-Name", "bench-logs.bpmn");
        var response = await http.PostAsync("/api/definitions", content, ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Deploy failed {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>Each connection starts an instance, then completes the task a start opened (queued per wrk thread), and so on.</summary>
    private const string LuaScript = $$$"""
        wrk.headers["Content-Type"] = "application/json"
        wrk.headers["X-Api-Key"] = "{{{ApiKey}}}"
        local open = {}
        request = function()
          local task = table.remove(open)
          if task then
            return wrk.format("POST", "/api/tasks/" .. task .. "/complete", nil, '{"variables":{"ok":true}}')
          end
          return wrk.format("POST", "/api/instances", nil, '{"definitionKey":"bench_logs","variables":{"n":1}}')
        end
        response = function(status, headers, body)
          if status == 201 then
            local task = string.match(body, '"tasks":%[{"id":"([^"]+)"')
            if task then table.insert(open, task) end
          end
        end
        """;

    private sealed record WrkResult(double RequestsPerSecond, double LatencyMs, double P99Ms, long Errors, long Requests, double HostCpuMsPerRequest = 0);

    private static async Task<WrkResult> WrkAsync(Uri url, string script, int connections, int seconds, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-t", Math.Min(connections, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-d", $"{seconds}s", "--latency", "-s", script, url.ToString().TrimEnd('/') })
            psi.ArgumentList.Add(a);
        using var wrk = Process.Start(psi)!;
        var output = await wrk.StandardOutput.ReadToEndAsync(ct) + await wrk.StandardError.ReadToEndAsync(ct);
        await wrk.WaitForExitAsync(ct);
        var rps = RequestsPerSecond().Match(output);
        if (wrk.ExitCode != 0 || !rps.Success) throw new InvalidOperationException($"wrk failed ({wrk.ExitCode}): {output}");
        return new WrkResult(double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture), Milliseconds(LatencyMean().Match(output)),
            Milliseconds(LatencyP99().Match(output)), NonSuccess().Match(output) is { Success: true } e ? long.Parse(e.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static double Milliseconds(Match m) => !m.Success ? double.NaN : double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * m.Groups[2].Value switch
    {
        "us" => 0.001, "ms" => 1, "s" => 1000, _ => 60_000,
    };

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in ")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Latency\s+([\d.]+)(us|ms|s|m)\b")]
    private static partial Regex LatencyMean();

    [GeneratedRegex(@"99%\s+([\d.]+)(us|ms|s|m)\b")]
    private static partial Regex LatencyP99();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    private static string? Which(string tool) => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
        .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
}
