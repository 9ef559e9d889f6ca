using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Npgsql;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Benchmarks.Runtime;

/// <summary>
/// The evaluation cycle at size, for the host's memory: N employees with an active contract (generate_series), then a
/// process whose service task is <c>pppk.start-evaluations</c> is started once; the host (a child process, web+worker)
/// starts one <c>evaluasi-kinerja</c> per employee. Reports the time, the rate, and the host's resident memory (VmRSS)
/// idle before and at its peak during the cycle. <c>host=</c> runs another build of the host (e.g. an older one) on the same steps.
/// </summary>
public sealed class StreamBenchmark : IBenchmark
{
    private const string BootstrapKey = BenchmarkHost.BootstrapKey;

    public string Name => "stream";

    public string Description =>
        "the evaluation cycle over N employees in a child host process, its peak RSS (args: employees=200000 chunk=2000 host=path/to/Pppk.Workflow.Host.dll)";

    public async Task RunAsync(string[] args, CancellationToken ct)
    {
        var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var employees = int.Parse(options.GetValueOrDefault("employees", "200000"), CultureInfo.InvariantCulture);
        var chunk = options.GetValueOrDefault("chunk", "2000");
        var hostDll = options.GetValueOrDefault("host", typeof(Host.PppkHost).Assembly.Location);

        var cs = await TestCluster.CreateDatabaseAsync("benchstream");
        try
        {
            await using var host = await ChildHost.StartAsync(new ChildHostOptions
            {
                BootstrapKey = BootstrapKey, HostDll = hostDll, ConnectionString = cs, OnError = line => Console.Error.WriteLine("host: " + line),
                Environment = new Dictionary<string, string>
                {
                    ["Host__Roles"] = "web,worker",
                    ["Serilog__MinimumLevel__Default"] = "Warning",
                    ["Serilog__MinimumLevel__Override__Hangfire"] = "Warning",
                    ["Serilog__WriteTo__1__Args__path"] = Path.Combine(Path.GetTempPath(), "pppk-bench-logs", "bench-stream-.log"),
                    ["Runtime__Operations__StartChunkSize"] = chunk,
                },
            }, ct);
            using var http = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Add("X-Api-Key", BootstrapKey);
            http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            Console.WriteLine($"{Environment.ProcessorCount} cores; {employees:N0} employees; host {hostDll}; Runtime:Operations:StartChunkSize={chunk}");

            await using var db = NpgsqlDataSource.Create(cs);
            await ExecuteAsync(db, $"""
                INSERT INTO pppk.employees (id, nik, name, unit_code, grade, service_years)
                  SELECT g, '6402' || lpad(g::text, 12, '0'), 'Pegawai ' || g, 'DINKES', 7, 1 FROM generate_series(1, {employees}) g;
                INSERT INTO pppk.contracts (employee_id, tmt, "end", years, status, part_time)
                  SELECT g, '2030-01-01', '2034-12-31', 5, 'active', false FROM generate_series(1, {employees}) g;
                ANALYZE pppk.employees; ANALYZE pppk.contracts;
                """, ct);
            var api = new WorkflowApiClient(http);
            await api.DeployAsync(Bpmn.Chain("bench_stream", Bpmn.ServiceTask("mulai", "pppk.start-evaluations")));
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
            var idle = host.ResidentKb() ?? 0;
            Console.WriteLine($"host RSS idle (deployed, data seeded): {idle / 1024.0:F0} MB");

            var watch = Stopwatch.StartNew();
            await api.StartAsync("bench_stream", new { year = 2031, period = "annual" });
            long peak = 0, started = 0;
            var nextReport = TimeSpan.FromSeconds(10);
            while (started < employees)
            {
                await Task.Delay(250, ct);
                peak = Math.Max(peak, host.ResidentKb() ?? 0);
                if (watch.Elapsed < nextReport) continue;
                started = await ScalarAsync(db, "SELECT count(*) FROM pppk.instances WHERE definition_key = 'evaluasi-kinerja'", ct);
                Console.WriteLine($"  {watch.Elapsed.TotalSeconds,6:F0} s: {started,9:N0} started, RSS now {(host.ResidentKb() ?? 0) / 1024.0:F0} MB, peak {peak / 1024.0:F0} MB");
                nextReport = watch.Elapsed + TimeSpan.FromSeconds(10);
                host.EnsureRunning();
            }
            var seconds = watch.Elapsed.TotalSeconds;
            var size = await ScalarAsync(db, "SELECT pg_database_size(current_database())", ct);
            Console.WriteLine($"cycle: {employees:N0} evaluations in {seconds:F0} s ({employees / seconds:N0}/s); host RSS idle {idle / 1024.0:F0} MB, " +
                              $"peak {peak / 1024.0:F0} MB; database {size / 1048576.0:N0} MB");
        }
        finally
        {
            await TestCluster.DropDatabaseAsync(cs);
        }
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(sql);
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
