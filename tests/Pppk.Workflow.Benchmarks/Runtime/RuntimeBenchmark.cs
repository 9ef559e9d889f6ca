using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Host;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.UserTasks;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Benchmarks.Runtime;

/// <summary>
/// The durable runtime against one PostgreSQL (a private embedded cluster) in one run: (a) steps/s of
/// start → user task → end at 1/8/32 clients beside <c>pgbench -N</c>, (b) batch start of 10,000 instances,
/// (c) 10,000 timers due at one instant beside the same number of plain Hangfire delayed jobs.
/// </summary>
public sealed class RuntimeBenchmark : IBenchmark
{
    public string Name => "runtime";

    public string Description =>
        "durable runtime: steps/s vs pgbench -N, batch start, 10,000 simultaneous timers vs Hangfire (args: seconds=10 timers=10000 hangfireWait=180 parts=abch clients=1,8,32 mode=both|http|services warmup=60)";

    private const string BootstrapKey = BenchmarkHost.BootstrapKey;
    private static int[] ClientCounts = [1, 8, 32];

    private readonly List<string> _rows = [];

    public async Task RunAsync(string[] args, CancellationToken ct)
    {
        var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        int Int(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var seconds = Int("seconds", 10);
        var timers = Int("timers", 10_000);
        var hangfireWait = Int("hangfireWait", 180);
        var parts = options.GetValueOrDefault("parts", "abch"); // a: steps/s, b: batch start, c: timers, h: Hangfire delayed jobs
        var mode = options.GetValueOrDefault("mode", "both");
        if (options.TryGetValue("clients", out var c)) ClientCounts = [.. c.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture))];

        var cs = await TestCluster.CreateDatabaseAsync("bench");
        if (options.TryGetValue("autoPrepare", out var prepare)) // A/B of Npgsql automatic preparation on the host's connections
            cs = new NpgsqlConnectionStringBuilder(cs) { MaxAutoPrepare = int.Parse(prepare, CultureInfo.InvariantCulture), AutoPrepareMinUsages = 2 }.ConnectionString;
        if (options.TryGetValue("noResetOnClose", out var noReset)) // A/B: skip DISCARD ALL when a pooled connection is reused
            cs = new NpgsqlConnectionStringBuilder(cs) { NoResetOnClose = noReset == "1" }.ConnectionString;
        var csb = new NpgsqlConnectionStringBuilder(cs);
        Console.WriteLine($"PostgreSQL: embedded cluster on 127.0.0.1:{csb.Port}, database {csb.Database}; {Environment.ProcessorCount} cores");
        if (options.ContainsKey("pglog"))
        {
            // Diagnostics, set before the host opens its pool: every statement's duration, and the plan of any statement
            // slower than pglog=N microseconds (auto_explain), go to the cluster's server.log.
            await using var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync(ct);
            var slowUs = int.Parse(options["pglog"], CultureInfo.InvariantCulture);
            await using var cmd = new NpgsqlCommand($"""
                ALTER DATABASE "{csb.Database}" SET log_min_duration_statement = 0;
                ALTER DATABASE "{csb.Database}" SET session_preload_libraries = 'auto_explain';
                ALTER DATABASE "{csb.Database}" SET auto_explain.log_min_duration = '{slowUs}us';
                ALTER DATABASE "{csb.Database}" SET auto_explain.log_analyze = on;
                """, conn);
            await cmd.ExecuteNonQueryAsync(ct);
            NpgsqlConnection.ClearAllPools();
        }
        // Arguments with a colon are host settings (e.g. Runtime:GroupCommitLanes=0 for an A/B run).
        var hostArgs = options.Where(o => o.Key.Contains(':')).Select(o => $"--{o.Key}={o.Value}").ToArray();
        await using var host = await BenchmarkHost.StartAsync(cs, hostArgs, "bench-.log", ct);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = host.Url, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", BootstrapKey);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Console.WriteLine($"Host: in-process web+worker on {host.Url}, Hangfire workers {host.Services.GetService<Microsoft.Extensions.Configuration.IConfiguration>()?["Jobs:WorkerCount"] ?? "?"}");
        Console.WriteLine();

        await DeployAsync(http, Bpmn("bench_task", """<bpmn:userTask id="task" name="Tugas"><bpmn:extensionElements><zeebe:userTask/><zeebe:assignmentDefinition candidateGroups="verifier"/></bpmn:extensionElements></bpmn:userTask>"""), ct);

        // Like pgbench -i, the steps run against tables that already hold data and have statistics: 10,000 instances
        // waiting on their task (a working day's worth at Kukar), then ANALYZE. On empty, never-analyzed tables every plan
        // PostgreSQL caches in the first seconds is a sequential scan, kept while the table grows, which measures the
        // first minute of a fresh database (until autovacuum analyzes it) rather than the engine.
        var prefill = Int("prefill", 10_000);
        if (prefill > 0 && parts.Contains('a'))
        {
            await BatchStartAsync(http, "bench_task", prefill, 2_000, ct, "pre");
            await using var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync(ct);
            await using var analyze = new NpgsqlCommand("ANALYZE pppk.instances, pppk.user_tasks, pppk.history, pppk.timers, pppk.jobs, pppk.outbox", conn);
            await analyze.ExecuteNonQueryAsync(ct);
            Console.WriteLine($"Prefilled {prefill:N0} waiting instances and analyzed the tables.");
        }

        if (options.ContainsKey("httpProbe"))
        {
            // Diagnostics: the HTTP round trip alone (an authenticated endpoint that touches no database).
            for (var i = 0; i < 500; i++) (await http.GetAsync("/api/auth/me", ct)).EnsureSuccessStatusCode();
            var probeWatch = Stopwatch.StartNew();
            for (var i = 0; i < 2000; i++) (await http.GetAsync("/api/auth/me", ct)).EnsureSuccessStatusCode();
            Console.WriteLine($"HTTP round trip (GET /api/auth/me, 1 client): {probeWatch.Elapsed.TotalMilliseconds / 2000:F3} ms");
            var probeStart = await http.PostAsJsonAsync("/api/instances", new { definitionKey = "bench_task", variables = new { n = 1 } }, ct);
            var probeId = (string)(await probeStart.Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!;
            probeWatch.Restart();
            for (var i = 0; i < 2000; i++) (await http.GetAsync($"/api/instances/{probeId}", ct)).EnsureSuccessStatusCode();
            Console.WriteLine($"HTTP GET /api/instances/id, 1 client: {probeWatch.Elapsed.TotalMilliseconds / 2000:F3} ms");
            var probeDb = host.Services.GetRequiredService<NpgsqlDataSource>();
            probeWatch.Restart();
            for (var i = 0; i < 2000; i++) await Pppk.Workflow.Runtime.Instances.InstanceTable.GetAsync(probeDb, Guid.Parse(probeId), ct);
            Console.WriteLine($"InstanceTable.GetAsync direct, 1 client: {probeWatch.Elapsed.TotalMilliseconds / 2000:F3} ms");
            probeWatch.Restart();
            for (var i = 0; i < 500; i++) (await http.PostAsync("/api/instances", new StringContent("{\"definitionKey\":\"bench_task\",\"variables\":{\"n\":1}}", Encoding.UTF8, "application/json"), ct)).EnsureSuccessStatusCode();
            Console.WriteLine($"HTTP POST /api/instances (string content), 1 client: {probeWatch.Elapsed.TotalMilliseconds / 500:F3} ms");
            probeWatch.Restart();
            for (var i = 0; i < 500; i++) (await http.PostAsJsonAsync("/api/instances", new { definitionKey = "bench_task", variables = new { n = 1 } }, ct)).EnsureSuccessStatusCode();
            Console.WriteLine($"HTTP POST /api/instances (PostAsJson), 1 client: {probeWatch.Elapsed.TotalMilliseconds / 500:F3} ms");
        }

        // (a) steps per second beside pgbench -N.
        var pgbench = parts.Contains('a') ? await PgBenchAsync(csb, seconds, ct) : [];
        if (parts.Contains('a')) await WarmUpAsync(http, host.Services, mode, Int("warmup", 60), ct);
        foreach (var clients in parts.Contains('a') ? ClientCounts : [])
        {
            var tps = pgbench.GetValueOrDefault(clients);
            if (mode is "both" or "http")
            {
                await VacuumAsync(cs, ct);
                var viaHttp = await StepsAsync(clients, seconds, StepViaHttpAsync(http), ct);
                PrintTimings();
                Row($"(a) steps/s, {clients,2} client(s), HTTP", viaHttp, "steps/s", (tps > 0 ? $"pgbench -N {tps:F0} tps; ratio {viaHttp / tps:F2} (target >= 0.6)" : "pgbench n/a") + "; " + LastCpu);
            }
            if (mode is "both" or "services")
            {
                await VacuumAsync(cs, ct);
                var viaServices = await StepsAsync(clients, seconds, StepViaServicesAsync(host.Services), ct);
                PrintTimings();
                Row($"(a) steps/s, {clients,2} client(s), services", viaServices, "steps/s", (tps > 0 ? $"pgbench -N {tps:F0} tps; ratio {viaServices / tps:F2} (target >= 0.6)" : "pgbench n/a") + "; " + LastCpu);
            }
        }

        if (options.ContainsKey("pglog"))
        {
            var log = Path.Combine(Path.GetTempPath(), $"pppk-test-cluster-{Environment.ProcessId}", "server.log");
            if (File.Exists(log)) File.Copy(log, Path.Combine(Path.GetTempPath(), "pppk-bench-server.log"), overwrite: true);
        }

        // (b) batch start of 10,000 instances (start -> user task).
        if (parts.Contains('b'))
        {
            var sw = Stopwatch.StartNew();
            var started = await BatchStartAsync(http, "bench_task", 10_000, 10_000, ct);
            sw.Stop();
            Row("(b) batch start 10,000 (1 HTTP call)", started / sw.Elapsed.TotalSeconds, "instances/s", $"{sw.Elapsed.TotalSeconds:F2} s (target >= 5,000/s)");
        }

        // (c) timers due at one instant, then the same number of Hangfire delayed jobs.
        if (parts.Contains('c')) await TimersAsync(http, cs, timers, ct);
        if (parts.Contains('h')) await HangfireDelayedAsync(host.Services, timers, hangfireWait, ct);

        Console.WriteLine();
        Console.WriteLine($"{"measure",-44} {"value",12} {"unit",-12} notes");
        Console.WriteLine(new string('-', 110));
        foreach (var r in _rows) Console.WriteLine(r);
        Console.WriteLine();

        await host.DisposeAsync();
        await TestCluster.DropDatabaseAsync(cs);
    }

    /// <summary>
    /// pgbench vacuums its tables before each run; so do we before each (the warm-up and the runs before leave dead
    /// rows), then write the dirty pages out, so one run's checkpoint doesn't land in the next.
    /// </summary>
    private static async Task VacuumAsync(string cs, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync(ct);
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE pppk.instances, pppk.user_tasks, pppk.history", conn) { CommandTimeout = 600 };
        await vacuum.ExecuteNonQueryAsync(ct);
        await using var checkpoint = new NpgsqlCommand("CHECKPOINT", conn) { CommandTimeout = 600 };
        await checkpoint.ExecuteNonQueryAsync(ct);
    }

    private void Row(string what, double value, string unit, string notes)
    {
        var row = $"{what,-44} {value,12:F1} {unit,-12} {notes}";
        _rows.Add(row);
        Console.WriteLine(row);
    }

    // ---------------------------------------------------------------- (a)

    private delegate Task StepPair(CancellationToken ct);

    /// <summary>CPU per step of the last <see cref="StepsAsync"/> run (whole run, warm-up included).</summary>
    private static string LastCpu = "";

    /// <summary>Each client loops start + complete for <paramref name="seconds"/> (after <paramref name="warmSeconds"/> of warm-up); 2 durable steps per loop.</summary>
    private static async Task<double> StepsAsync(int clients, int seconds, StepPair pair, CancellationToken ct, int warmSeconds = 2)
    {
        var warmUntil = DateTime.UtcNow + TimeSpan.FromSeconds(warmSeconds);
        var stopAt = warmUntil + TimeSpan.FromSeconds(seconds);
        long pairs = 0, allPairs = 0;
        var cpu0 = CpuSeconds();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (DateTime.UtcNow < stopAt && !ct.IsCancellationRequested)
            {
                await pair(ct);
                Interlocked.Increment(ref allPairs);
                if (DateTime.UtcNow > warmUntil && DateTime.UtcNow < stopAt) Interlocked.Increment(ref pairs);
            }
        }));
        var cpu1 = CpuSeconds();
        var steps = Math.Max(1, allPairs * 2);
        LastCpu = $"CPU per step: host+clients {(cpu1.Host - cpu0.Host) * 1000 / steps:F2} ms, postgres {(cpu1.Postgres - cpu0.Postgres) * 1000 / steps:F2} ms";
        return pairs * 2.0 / seconds;
    }

    /// <summary>
    /// Runs the pairs (1 and 8 clients, each mode in turn) until the JIT has settled: fewer than 20 methods compiled in a
    /// round, at most <paramref name="maxSeconds"/>. The start and complete paths are first called here, and on 2
    /// cores tiered compilation of them (and of the ASP.NET Core, Npgsql and JSON code under them) takes a core for
    /// 10-30 s; measured before it settles, a run measures the JIT, not the steady state pgbench is compared with.
    /// </summary>
    private static async Task WarmUpAsync(HttpClient http, IServiceProvider services, string mode, int maxSeconds, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        long lastRound;
        do
        {
            foreach (var clients in new[] { 1, 8 }) // a lone call runs its step alone, concurrent ones in groups: both paths
            {
                if (mode is "both" or "http") await StepsAsync(clients, 1, StepViaHttpAsync(http), ct, warmSeconds: 0);
                if (mode is "both" or "services") await StepsAsync(clients, 1, StepViaServicesAsync(services), ct, warmSeconds: 0);
            }
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            lastRound = now - compiled;
            compiled = now;
        } while (lastRound >= 20 && watch.Elapsed.TotalSeconds < maxSeconds);
        Array.Clear(Timing); // the measured runs' per-pair timings start from zero
        Console.WriteLine($"Warm-up: {watch.Elapsed.TotalSeconds:F0} s until the JIT settled ({lastRound} methods compiled in the last round).");
    }

    private static StepPair StepViaHttpAsync(HttpClient http) => async ct =>
    {
        var t0 = Stopwatch.GetTimestamp();
        var start = await http.PostAsJsonAsync("/api/instances", new { definitionKey = "bench_task", variables = new { n = 1 } }, ct);
        start.EnsureSuccessStatusCode();
        // The start's answer names the task its first step opened (no lookup).
        var taskId = (string)(await start.Content.ReadFromJsonAsync<JsonObject>(ct))!["tasks"]![0]!["id"]!;
        var t1 = Stopwatch.GetTimestamp();
        var done = await http.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { ok = true } }, ct);
        done.EnsureSuccessStatusCode();
        Record(t0, t1, Stopwatch.GetTimestamp());
    };

    /// <summary>Ticks spent in start and in complete; and the number of pairs.</summary>
    private static readonly long[] Timing = new long[3];

    private static void Record(long t0, long t1, long t2)
    {
        Interlocked.Add(ref Timing[0], t1 - t0);
        Interlocked.Add(ref Timing[1], t2 - t1);
        Interlocked.Increment(ref Timing[2]);
    }

    private static void PrintTimings()
    {
        var n = Math.Max(1, Interlocked.Exchange(ref Timing[2], 0));
        double Ms(int i) => Interlocked.Exchange(ref Timing[i], 0) * 1000.0 / Stopwatch.Frequency / n;
        Console.WriteLine($"    per pair: start {Ms(0):F2} ms, complete {Ms(1):F2} ms");
    }

    private static StepPair StepViaServicesAsync(IServiceProvider services)
    {
        var instances = services.GetRequiredService<InstanceService>();
        var tasks = services.GetRequiredService<TaskService>();
        var actor = new Actor("bench", ["hr-admin"]);
        return async ct =>
        {
            var t0 = Stopwatch.GetTimestamp();
            var started = await instances.StartAsync(new InstanceService.StartRequest("bench_task", Variables: new JsonObject { ["n"] = 1 }), "bench", ct);
            var t1 = Stopwatch.GetTimestamp();
            await tasks.CompleteAsync(started.Tasks[0].Id, actor, new JsonObject { ["ok"] = true }, ct);
            Record(t0, t1, Stopwatch.GetTimestamp());
        };
    }

    /// <summary><c>pgbench -N</c> (no updates of the hot branch/teller rows) at each client count, in its own database on the same server.</summary>
    private static async Task<Dictionary<int, double>> PgBenchAsync(NpgsqlConnectionStringBuilder csb, int seconds, CancellationToken ct)
    {
        var result = new Dictionary<int, double>();
        string pgbench;
        try
        {
            pgbench = Path.Combine(PostgresBinaries.Find(null), "pgbench");
            if (!File.Exists(pgbench)) throw new FileNotFoundException(pgbench);
        }
        catch (Exception e) when (e is EmbeddedPostgresException or FileNotFoundException)
        {
            Console.WriteLine($"pgbench not found: {e.Message}");
            return result;
        }
        var dbName = "pgbench_" + Guid.NewGuid().ToString("N")[..8];
        await using (var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(csb.ConnectionString) { Database = "postgres" }.ConnectionString))
        {
            await conn.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {dbName}", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
        try
        {
            await RunToolAsync(pgbench, csb, ["-i", "-s", "10", "-q", dbName], ct);
            foreach (var clients in ClientCounts)
            {
                var cpu0 = CpuSeconds();
                var output = await RunToolAsync(pgbench, csb, ["-N", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(clients, 2).ToString(CultureInfo.InvariantCulture),
                    "-T", seconds.ToString(CultureInfo.InvariantCulture), dbName], ct);
                var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("tps = ", StringComparison.Ordinal));
                if (line is not null && double.TryParse(line[6..].Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var tps))
                    result[clients] = tps;
                var cpu1 = CpuSeconds();
                var txs = result.GetValueOrDefault(clients) * seconds;
                Console.WriteLine($"pgbench -N -c {clients}: {line?.Trim() ?? output}; postgres CPU per transaction {(cpu1.Postgres - cpu0.Postgres) * 1000 / Math.Max(1, txs):F2} ms");
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(csb.ConnectionString) { Database = "postgres" }.ConnectionString);
            await conn.OpenAsync(ct);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {dbName} WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync(ct);
        }
        return result;
    }

    private static async Task<string> RunToolAsync(string tool, NpgsqlConnectionStringBuilder csb, string[] args, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-h");
        psi.ArgumentList.Add(csb.Host!);
        psi.ArgumentList.Add("-p");
        psi.ArgumentList.Add(csb.Port.ToString(CultureInfo.InvariantCulture));
        psi.ArgumentList.Add("-U");
        psi.ArgumentList.Add(csb.Username!);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["PGPASSWORD"] = csb.Password;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        var text = await stdout + await stderr;
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({p.ExitCode}): {text}");
        return text;
    }

    // ---------------------------------------------------------------- (b)

    private static async Task<int> BatchStartAsync(HttpClient http, string key, int count, int perCall, CancellationToken ct, string prefix = "b")
    {
        var started = 0;
        for (var offset = 0; offset < count; offset += perCall)
        {
            var items = Enumerable.Range(offset, Math.Min(perCall, count - offset))
                .Select(i => new { businessKey = $"{prefix}-{i:D6}", variables = new { n = i } }).ToList();
            var response = await http.PostAsJsonAsync("/api/instances/batch", new { definitionKey = key, instances = items }, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Batch start failed {(int)response.StatusCode}: {body}");
            started += JsonNode.Parse(body)!["started"]!.GetValue<int>();
        }
        return started;
    }

    // ---------------------------------------------------------------- (c)

    private async Task TimersAsync(HttpClient http, string cs, int count, CancellationToken ct)
    {
        // A whole second ~20 s ahead, so the batch start is done well before it.
        var due = DateTimeOffset.UtcNow.AddSeconds(20);
        due = new DateTimeOffset(due.Year, due.Month, due.Day, due.Hour, due.Minute, due.Second, TimeSpan.Zero);
        var key = "bench_timer";
        await DeployAsync(http, Bpmn(key,
            $"""<bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">{due:yyyy-MM-ddTHH:mm:ssZ}</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"""), ct);
        var sw = Stopwatch.StartNew();
        var started = await BatchStartAsync(http, key, count, 10_000, ct);
        Console.WriteLine($"(c) {started} timer instances started in {sw.Elapsed.TotalSeconds:F1} s; due {due:HH:mm:ss}Z ({(due - DateTimeOffset.UtcNow).TotalSeconds:F1} s from now)");

        await using var db = NpgsqlDataSource.Create(cs);
        double? allFiredAfter = null;
        var give = due + TimeSpan.FromSeconds(120);
        while (DateTimeOffset.UtcNow < give)
        {
            var left = await ScalarAsync(db, "SELECT count(*) FROM pppk.timers", ct);
            var active = await ScalarAsync(db, $"SELECT count(*) FROM pppk.instances WHERE definition_key = '{key}' AND status = 'active'", ct);
            if (left == 0 && active == 0 && DateTimeOffset.UtcNow >= due)
            {
                allFiredAfter = (DateTimeOffset.UtcNow - due).TotalSeconds;
                break;
            }
            await Task.Delay(100, ct);
        }
        // Lateness from the history: when the timer element ended vs. the due instant.
        await using var cmd = db.CreateCommand("""
            SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY l), percentile_cont(0.95) WITHIN GROUP (ORDER BY l), max(l)
            FROM (SELECT extract(epoch FROM h.ended_at - @due) AS l FROM pppk.history h JOIN pppk.instances i ON i.id = h.instance_id
                  WHERE i.definition_key = @key AND h.element_id = 'wait' AND h.ended_at IS NOT NULL) x
            """);
        cmd.Parameters.AddWithValue("due", due);
        cmd.Parameters.AddWithValue("key", key);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        var fired = r.GetInt64(0);
        var (p50, p95, max) = (r.IsDBNull(1) ? double.NaN : r.GetDouble(1), r.IsDBNull(2) ? double.NaN : r.GetDouble(2), r.IsDBNull(3) ? double.NaN : r.GetDouble(3));
        Row($"(c) {count:N0} timers at one instant: all fired", allFiredAfter ?? double.NaN, "s after due",
            allFiredAfter is null ? $"NOT all fired after 120 s ({fired} fired) (target <= 20 s)" : $"{count / Math.Max(allFiredAfter.Value, 0.001):F0} timers/s (target <= 20 s)");
        Row($"(c) {count:N0} timers: p95 lateness", p95, "s", $"p50 {p50:F2} s, max {max:F2} s, fired {fired}");
    }

    /// <summary>The same number of plain Hangfire delayed jobs due at one instant, run by the host's Hangfire server.</summary>
    private async Task HangfireDelayedAsync(IServiceProvider services, int count, int waitSeconds, CancellationToken ct)
    {
        var client = services.GetRequiredService<IBackgroundJobClient>();
        NoOpJob.Reset();
        // Scheduling is slow (a few storage round trips per job, ~500/s on 8 threads): give it time to finish before the instant.
        var due = DateTimeOffset.UtcNow.AddSeconds(Math.Max(20, count / 400.0 + 5));
        due = new DateTimeOffset(due.Year, due.Month, due.Day, due.Hour, due.Minute, due.Second, TimeSpan.Zero);
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            (i, _) => { client.Schedule(() => NoOpJob.Record(i), due); return ValueTask.CompletedTask; });
        var scheduling = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"(c) {count} Hangfire delayed jobs scheduled in {scheduling:F1} s ({count / scheduling:F0}/s, 8 threads); due {due:HH:mm:ss}Z ({(due - DateTimeOffset.UtcNow).TotalSeconds:F1} s from now)");

        var give = due + TimeSpan.FromSeconds(waitSeconds);
        while (DateTimeOffset.UtcNow < give && NoOpJob.Count < count) await Task.Delay(200, ct);
        var ran = NoOpJob.Count;
        var lateness = NoOpJob.Times.Select(t => (t - due).TotalSeconds).Order().ToArray();
        var p95 = lateness.Length == 0 ? double.NaN : lateness[(int)Math.Min(lateness.Length - 1, Math.Ceiling(lateness.Length * 0.95) - 1)];
        var last = lateness.Length == 0 ? double.NaN : lateness[^1];
        if (ran >= count)
            Row($"(c) {count:N0} Hangfire delayed jobs: all ran", last, "s after due", $"{count / Math.Max(last, 0.001):F0} jobs/s; p95 lateness {p95:F1} s");
        else
            Row($"(c) {count:N0} Hangfire delayed jobs: all ran", double.NaN, "s after due",
                $"only {ran} ran within {waitSeconds} s ({ran / (double)waitSeconds:F0} jobs/s; all {count} would take ~{count / Math.Max(ran / (double)waitSeconds, 0.001):F0} s)");
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>CPU seconds used so far by this process (host + benchmark clients) and by the cluster's server processes (Linux /proc).</summary>
    private static (double Host, double Postgres) CpuSeconds()
    {
        var host = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        double pg = 0;
        try
        {
            var pidFile = Path.Combine(Path.GetTempPath(), $"pppk-test-cluster-{Environment.ProcessId}", "cluster", "postmaster.pid");
            if (!File.Exists(pidFile)) return (host, double.NaN);
            var postmaster = File.ReadLines(pidFile).First().Trim();
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                var name = Path.GetFileName(dir);
                if (!char.IsDigit(name[0])) continue;
                string stat;
                try { stat = File.ReadAllText(Path.Combine(dir, "stat")); } catch (IOException) { continue; } catch (UnauthorizedAccessException) { continue; }
                // pid (comm) state ppid ... utime(14) stime(15): fields after the closing parenthesis.
                var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                double Ticks(int i) => double.Parse(f[i], CultureInfo.InvariantCulture) / 100.0;
                if (name == postmaster)
                    pg += Ticks(11) + Ticks(12) + Ticks(13) + Ticks(14); // + cutime/cstime: backends that already exited (pgbench's)
                else if (f[1] == postmaster)
                    pg += Ticks(11) + Ticks(12);
            }
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            return (host, double.NaN);
        }
        return (host, pg);
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static string Bpmn(string id, string element) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs_{id}" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="{id}" name="Bench {id}" isExecutable="true">
            <bpmn:startEvent id="start"/>
            {element}
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="{System.Text.RegularExpressions.Regex.Match(element, "id=\"([^\"]+)\"").Groups[1].Value}"/>
            <bpmn:sequenceFlow id="f2" sourceRef="{System.Text.RegularExpressions.Regex.Match(element, "id=\"([^\"]+)\"").Groups[1].Value}" targetRef="end"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static async Task DeployAsync(HttpClient http, string xml, CancellationToken ct)
    {
        var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-File-Name", "bench.bpmn");
        var response = await http.PostAsync("/api/definitions", content, ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Deploy failed {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }
}

/// <summary>The Hangfire comparison's job: records when it ran, nothing else.</summary>
public static class NoOpJob
{
    private static readonly ConcurrentBag<DateTimeOffset> Ran = [];

    public static int Count => Ran.Count;
    public static IEnumerable<DateTimeOffset> Times => Ran;

    public static void Reset() => Ran.Clear();

    public static void Record(int i)
    {
        if (i >= 0) Ran.Add(DateTimeOffset.UtcNow);
    }
}
