using Pppk.Workflow.Host;

namespace Pppk.Workflow.Benchmarks.Runtime;

/// <summary>The real host the HTTP benchmarks run against: web and worker in one process, on a free port, signed in by a bootstrap API key.</summary>
internal static class BenchmarkHost
{
    public const string BootstrapKey = "bench-bootstrap-key-0123456789";

    /// <summary>Starts the host on database <paramref name="connectionString"/>; <paramref name="hostArgs"/> (e.g. <c>--Runtime:GroupCommitLanes=0</c>) override the defaults; the rolling log goes to <paramref name="logName"/> in the temp folder.</summary>
    public static Task<RunningHost> StartAsync(string connectionString, string[] hostArgs, string logName, CancellationToken ct) =>
        PppkHost.StartAsync(hostArgs, new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Pppk"] = connectionString,
            ["Host:Roles"] = "web,worker",
            ["Auth:BootstrapApiKey"] = BootstrapKey,
            ["Auth:Admin:Password"] = "Bench-Admin-Password-2026",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Hangfire"] = "Warning",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(Path.GetTempPath(), "pppk-bench-logs", logName),
        }, ct: ct);
}
