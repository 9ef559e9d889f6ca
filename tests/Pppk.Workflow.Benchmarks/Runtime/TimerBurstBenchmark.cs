using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Benchmarks.Runtime;

/// <summary>
/// A burst of reminders at national size: N instances of a small reminder process (start → timer catch → send task with
/// the <c>pengingat-tugas</c> email template → end) are batch-started through <c>POST /api/instances/batch</c> with their
/// timer an hour away; then one SQL statement moves every timer to the same instant 150 s ahead (the benchmark only
/// needs the due timers): as for any timer coming within the 3-minute horizon, a minute sweep arms its wake-up and the
/// next one dispatches it to Hangfire, so the lead must leave room for two sweeps. Measured: time from the due instant until every
/// timer fired (its instance ended: the step after the timer, with its email queued, committed), lateness p50/p95/max,
/// steps/s, emails queued/s, and the latency of an unrelated start + user-task completion through the API during the burst.
/// </summary>
public sealed class TimerBurstBenchmark : IBenchmark
{
    private const string Key = "bench_reminder";
    private const string ProbeKey = "bench_probe";

    public string Name => "timer-burst";

    public string Description =>
        "N reminder timers due in the same instant, each firing a step that queues an email (args: --timers N (default 1000000), perCall=10000, lead=150 seconds, wait=900 seconds, statements=true (the burst's SQL by time, needs pg_stat_statements loaded); host settings as Section:Key=value)";

    public async Task RunAsync(string[] args, CancellationToken ct)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--timers" && i + 1 < args.Length) options["timers"] = args[++i];
            else if (args[i].Split('=', 2) is [var k, var v]) options[k.TrimStart('-')] = v;
        }
        int Int(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var n = Int("timers", 1_000_000);
        var perCall = Int("perCall", 10_000);
        var lead = Int("lead", 150);
        var wait = Int("wait", 900);

        var cs = await TestCluster.CreateDatabaseAsync("benchburst");
        var pickup = Path.Combine(Path.GetTempPath(), $"pppk-burst-pickup-{Guid.NewGuid():N}");
        var hostArgs = options.Where(o => o.Key.Contains(':')).Select(o => $"--{o.Key}={o.Value}")
            .Append($"--Email:PickupDirectory={pickup}").ToArray();
        await using var host = await BenchmarkHost.StartAsync(cs, hostArgs, "bench-burst-.log", ct);
        using var http = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Add("X-Api-Key", BenchmarkHost.BootstrapKey);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        await using var db = NpgsqlDataSource.Create(cs);
        Console.WriteLine($"{Environment.ProcessorCount} cores; {n:N0} reminder timers, {perCall:N0} per batch-start call; host args: {string.Join(' ', hostArgs)}");

        await DeployAsync(http, Bpmn.Chain(Key,
            Bpmn.TimerCatch("tunggu", "PT1H"),
            Bpmn.EmailTask("kirim", 3, ("template", "pengingat-tugas"), ("to", "=email"))), ct);
        await DeployAsync(http, Bpmn.Chain(ProbeKey, Bpmn.UserTask("periksa", "Periksa")), ct);

        var startWatch = Stopwatch.StartNew();
        for (var offset = 0; offset < n; offset += perCall)
        {
            var items = Enumerable.Range(offset, Math.Min(perCall, n - offset)).Select(i => new
            {
                businessKey = $"pengingat-{i:D7}",
                variables = new { email = $"pegawai{i}@contoh.go.id", nama_tugas = "Evaluasi kinerja", proses = "Evaluasi kinerja PPPK", kunci_bisnis = $"EK-{i:D7}" },
            }).ToList();
            var response = await http.PostAsJsonAsync("/api/instances/batch", new { definitionKey = Key, instances = items }, ct);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Batch start failed {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
        Console.WriteLine($"batch start: {n:N0} instances in {startWatch.Elapsed.TotalSeconds:F1} s ({n / startWatch.Elapsed.TotalSeconds:N0}/s)");

        // Every timer to one whole second `lead` seconds ahead: the next minute sweep arms its wake-up, the one after dispatches it.
        var due = DateTimeOffset.UtcNow.AddSeconds(lead);
        due = new DateTimeOffset(due.Ticks - due.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        await ExecuteAsync(db, "UPDATE pppk.timers SET due_at = @due", ct, ("due", due));
        await ExecuteAsync(db, "ANALYZE pppk.timers", ct);
        Console.WriteLine($"all timers due at {due:HH:mm:ss}Z ({(due - DateTimeOffset.UtcNow).TotalSeconds:F0} s from now)");

        var statements = options.GetValueOrDefault("statements") == "true";
        if (statements) await ResetStatementsAsync(db, due, ct);

        // The probe: one client starting an unrelated instance and completing its user task, over and over, through the burst.
        using var probeStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var probe = ProbeAsync(http, due, probeStop.Token);

        double? allFired = null;
        var give = due + TimeSpan.FromSeconds(wait);
        var lastReport = DateTimeOffset.UtcNow;
        while (DateTimeOffset.UtcNow < give)
        {
            await Task.Delay(500, ct);
            var now = DateTimeOffset.UtcNow;
            if (now < due) continue;
            var left = await ScalarAsync(db, $"SELECT count(*) FROM pppk.instances WHERE definition_key = '{Key}' AND status = 'active'", ct);
            if (left == 0)
            {
                allFired = (now - due).TotalSeconds;
                break;
            }
            if (now - lastReport > TimeSpan.FromSeconds(15))
            {
                lastReport = now;
                var queued = await ScalarAsync(db, "SELECT count(*) FROM pppk.emails", ct);
                Console.WriteLine($"  +{(now - due).TotalSeconds,4:F0} s: {n - left,9:N0} fired, {queued,9:N0} emails queued");
            }
        }
        await probeStop.CancelAsync();
        var probeLatencies = await probe;

        var (fired, first, p50, p95, max) = await LatenessAsync(db, due, ct);
        var (emails, firstEmail, lastEmail) = await EmailsAsync(db, ct);
        var sent = await ScalarAsync(db, "SELECT count(*) FROM pppk.emails WHERE status = 'sent'", ct);
        var duplicates = await ScalarAsync(db, "SELECT count(*) FROM (SELECT instance_id FROM pppk.emails GROUP BY instance_id HAVING count(*) > 1) d", ct);
        var span = allFired ?? (DateTimeOffset.UtcNow - due).TotalSeconds;
        Console.WriteLine();
        Console.WriteLine($"| {n:N0} timers due at one instant | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| all fired | {(allFired is { } a ? $"{a:F1} s after due" : $"NOT all after {wait} s ({fired:N0} fired)")} (target <= 300 s) |");
        Console.WriteLine($"| lateness first / p50 / p95 / max | {first:F1} / {p50:F1} / {p95:F1} / {max:F1} s |");
        Console.WriteLine($"| steps/s (timer → email task → end, one step each) | {fired / Math.Max(span, 0.001):N0} |");
        Console.WriteLine($"| emails queued | {emails:N0} ({duplicates} instances with more than one), {emails / Math.Max((lastEmail - firstEmail).TotalSeconds, 0.001):N0}/s while queueing |");
        Console.WriteLine($"| emails delivered (pickup directory) by the end | {sent:N0} |");
        Console.WriteLine($"| probe: start + complete a user task during the burst | {Describe(probeLatencies)} |");
        Console.WriteLine($"| database size | {await ScalarAsync(db, "SELECT pg_database_size(current_database())", ct) / 1024 / 1024:N0} MB |");
        if (statements) await PrintStatementsAsync(db, ct);

        await host.DisposeAsync();
        await TestCluster.DropDatabaseAsync(cs);
        try { Directory.Delete(pickup, true); } catch (IOException) { } // best effort: a million small files
    }

    /// <summary>
    /// Clears PostgreSQL's statement statistics just before the burst (the server must load <c>pg_stat_statements</c>:
    /// <c>shared_preload_libraries</c>; run against it with <c>PPPK_TEST_CONNECTION</c>), so they hold the burst's statements.
    /// </summary>
    private static async Task ResetStatementsAsync(NpgsqlDataSource db, DateTimeOffset due, CancellationToken ct)
    {
        await ExecuteAsync(db, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements", ct);
        var wait = due - DateTimeOffset.UtcNow - TimeSpan.FromSeconds(2);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
        await ExecuteAsync(db, "SELECT pg_stat_statements_reset()", ct);
    }

    /// <summary>The statements of the burst by total execution time (this benchmark's own counting queries left out).</summary>
    private static async Task PrintStatementsAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT calls, total_exec_time, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 90) FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND query NOT LIKE '%count(%' AND query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE '%percentile_cont%'
            ORDER BY total_exec_time DESC
            """);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        Console.WriteLine();
        Console.WriteLine("| statement (during the burst) | calls | ms | rows |");
        Console.WriteLine("|---|---|---|---|");
        var (total, shown) = (0.0, 0);
        while (await r.ReadAsync(ct))
        {
            total += r.GetDouble(1);
            if (shown++ < 15) Console.WriteLine($"| `{r.GetString(3)}` | {r.GetInt64(0):N0} | {r.GetDouble(1):N0} | {r.GetInt64(2):N0} |");
        }
        Console.WriteLine($"| all statements | | {total:N0} | |");
    }

    /// <summary>Latencies (ms) of completing the probe's user task while the burst runs (from the due instant on).</summary>
    private static async Task<List<double>> ProbeAsync(HttpClient http, DateTimeOffset due, CancellationToken ct)
    {
        var latencies = new List<double>();
        try
        {
            var delay = due - DateTimeOffset.UtcNow;
            if (delay > TimeSpan.Zero) await Task.Delay(delay, ct);
            while (!ct.IsCancellationRequested)
            {
                var start = await http.PostAsJsonAsync("/api/instances", new { definitionKey = ProbeKey, variables = new { n = 1 } }, ct);
                start.EnsureSuccessStatusCode();
                var taskId = (string)(await start.Content.ReadFromJsonAsync<JsonObject>(ct))!["tasks"]![0]!["id"]!;
                var t0 = Stopwatch.GetTimestamp();
                var done = await http.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { ok = true } }, ct);
                done.EnsureSuccessStatusCode();
                latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                await Task.Delay(100, ct);
            }
        }
        catch (OperationCanceledException) { }
        return latencies;
    }

    private static string Describe(List<double> ms)
    {
        if (ms.Count == 0) return "no sample";
        ms.Sort();
        double At(double q) => ms[Math.Min(ms.Count - 1, (int)(q * ms.Count))];
        return $"complete p50 {At(0.5):F0} ms, p95 {At(0.95):F0} ms, max {ms[^1]:F0} ms ({ms.Count} completions)";
    }

    private static async Task<(long Fired, double First, double P50, double P95, double Max)> LatenessAsync(NpgsqlDataSource db, DateTimeOffset due, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT count(*), min(l), percentile_cont(0.5) WITHIN GROUP (ORDER BY l), percentile_cont(0.95) WITHIN GROUP (ORDER BY l), max(l)
            FROM (SELECT extract(epoch FROM ended_at - @due)::float8 AS l FROM pppk.instances WHERE definition_key = '{Key}' AND ended_at IS NOT NULL) x
            """);
        cmd.Parameters.AddWithValue("due", due);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        double D(int i) => r.IsDBNull(i) ? double.NaN : r.GetDouble(i);
        return (r.GetInt64(0), D(1), D(2), D(3), D(4));
    }

    private static async Task<(long Count, DateTimeOffset First, DateTimeOffset Last)> EmailsAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT count(*), coalesce(min(created_at), now()), coalesce(max(created_at), now()) FROM pppk.emails WHERE template = 'pengingat-tugas'");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return (r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetFieldValue<DateTimeOffset>(2));
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var cmd = db.CreateCommand(sql);
        cmd.CommandTimeout = 600;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task DeployAsync(HttpClient http, string xml, CancellationToken ct)
    {
        var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-File-Name", "bench-burst.bpmn");
        var response = await http.PostAsync("/api/definitions", content, ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Deploy failed {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }
}
