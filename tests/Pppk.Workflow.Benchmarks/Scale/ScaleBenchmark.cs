using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;

namespace Pppk.Workflow.Benchmarks.Scale;

/// <summary>
/// A region's evaluation cycle at national scale, measured from outside the host: the real host in its own process
/// (<see cref="ChildHost"/>: the release host as its own process, shipped appsettings.json, embedded PostgreSQL in a temp folder), N employees with active contracts seeded by SQL (<see cref="ScaleSeed"/>), then
/// <c>siklus-evaluasi</c>'s annual timer start (moved to the next minute by deploying the shipped file again with
/// that one date changed) → <c>pppk.start-evaluations</c> → N <c>evaluasi-kinerja</c> cases, waited for by counting the
/// active ones in the database; then every list a person uses, timed over HTTP as a signed-in hr-admin and as one
/// evaluator (<see cref="ScaleReads"/>), the host's RSS, and the database's size.
/// </summary>
public sealed partial class ScaleBenchmark : IBenchmark
{
    private const string BootstrapKey = "scale-bootstrap-key-0123456789";
    private const string HrAdmin = "hr.skala";
    private const string Password = "Skala-Benchmark-2026!";

    public string Name => "scale";

    public string Description => "1,000,000-case evaluation cycle through the real workflow in an out-of-process host, then every list over HTTP; RSS and database size (args: --employees 1000000 --repeat 20 --keep)";

    public async Task RunAsync(string[] args, CancellationToken ct)
    {
        var employees = IntOption(args, "employees", 1_000_000);
        var repeat = IntOption(args, "repeat", 20);
        var keep = args.Contains("--keep");
        var repoRoot = ChildHost.RepoRoot();
        var report = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        var startedAt = DateTime.UtcNow;
        var load = LoadAverage();
        await using var host = await ChildHost.StartAsync(new ChildHostOptions
        {
            BootstrapKey = BootstrapKey, AdminPassword = "Scale-Admin-Password-2026", TempFolder = "pppk-scale", RequireHealthy = false,
        }, ct);
        Console.WriteLine($"host pid {host.Pid} on {host.Url} ({host.HostDll}); data in {host.Root}");
        await using var db = host.Database();
        using var admin = ApiKeyClient(host.Url);

        // Seed: units, the two people who sign in (through the API, so they have passwords), the other evaluators, employees, contracts.
        host.Phase = "seed";
        var seed = Stopwatch.StartNew();
        await ScaleSeed.UnitsAsync(db, ct);
        await CreateUserAsync(admin, new { userName = HrAdmin, password = Password, fullName = "Admin Kepegawaian", roles = new[] { "hr-admin" } }, ct);
        await CreateUserAsync(admin, new { userName = ScaleSeed.Evaluator(1), password = Password, fullName = "Penilai 1", unitCode = ScaleSeed.UnitCode(1), roles = new[] { "evaluator" } }, ct);
        await ScaleSeed.EvaluatorsAsync(db, employees, ct);
        await ScaleSeed.EmployeesAsync(db, employees, ct);
        var seeded = seed.Elapsed;
        var sizeBefore = await ScalarAsync<long>(db, "SELECT pg_database_size(current_database())", ct);
        Console.WriteLine($"seeded {employees:N0} employees, contracts and {ScaleSeed.Evaluators(employees):N0} evaluators by SQL in {seeded.TotalSeconds:F1} s");

        // The cycle: the timer start, its handler, N cases.
        host.Phase = "cycle";
        var cycle = await RunCycleAsync(host, admin, db, repoRoot, employees, ct);
        var sizeAfter = await ScalarAsync<long>(db, "SELECT pg_database_size(current_database())", ct);

        // Statistics as autovacuum would have them after a bulk load; the reads are then measured on settled plans.
        host.Phase = "reads";
        await ExecuteAsync(db, "ANALYZE", ct);
        using var hr = await SignInAsync(host.Url, HrAdmin, Password, ct);
        using var evaluator = await SignInAsync(host.Url, ScaleSeed.Evaluator(1), Password, ct);
        var reads = await new ScaleReads(hr, evaluator, repeat).RunAsync(ct);
        var rssReads = host.Rss("reads");
        var tables = await TopTablesAsync(db, ct);

        var (rssMax, rssMedian, samples) = host.Rss();
        var rssCycle = host.Rss("cycle");
        var command = $"dotnet run -c Release --project tests/Pppk.Workflow.Benchmarks -- scale --employees {employees}" + (repeat != 20 ? $" --repeat {repeat}" : "");
        Say($"## {startedAt:yyyy-MM-dd HH:mm} UTC: {employees:N0} employees");
        Say("");
        Say($"Command: `{command}` on {GitCommit(repoRoot)}. Machine: {Environment.ProcessorCount} cores, {MemoryGb():F0} GB, " +
            $"load average {load} at the start and {LoadAverage()} at the end (the box is shared). Host: release build, shipped " +
            $"appsettings.json, its own embedded PostgreSQL; it wrote {host.ConsoleLines:N0} console lines.");
        Say("");
        Say("| measure | value |");
        Say("|---|---|");
        Say($"| seed by SQL ({employees:N0} employees + contracts, {ScaleSeed.Evaluators(employees):N0} evaluators in {ScaleSeed.Units} units) | {seeded.TotalSeconds:F1} s |");
        Say($"| timer due → siklus-evaluasi instance started | {cycle.TimerLatency.TotalSeconds:F1} s |");
        Say($"| timer due → {employees:N0} evaluasi-kinerja active (first after {cycle.FirstCase.TotalSeconds:F1} s) | {cycle.Elapsed.TotalSeconds:F1} s, **{employees / cycle.Elapsed.TotalSeconds:N0} instances/s** |");
        Say($"| host RSS during the cycle, max / p50 | **{rssCycle.MaxMb:N0} MB** / {rssCycle.MedianMb:N0} MB ({rssCycle.Samples} samples) |");
        Say($"| host RSS during the reads, max / p50 | {rssReads.MaxMb:N0} MB / {rssReads.MedianMb:N0} MB |");
        Say($"| host RSS whole run, max / p50 | {rssMax:N0} MB / {rssMedian:N0} MB ({samples} samples) |");
        Say($"| database size before the cycle / after | {sizeBefore / 1048576.0:N0} MB / {sizeAfter / 1048576.0:N0} MB |");
        Say($"| size per open case (growth by the cycle / N) | {(sizeAfter - sizeBefore) / (double)employees / 1024:F2} kB |");
        Say("");
        Say($"Reads ({repeat} timed calls each after 2 warm-ups, signed in by cookie; ms):");
        Say("");
        Say("| call | caller | median ms | p95 ms | answer |");
        Say("|---|---|---|---|---|");
        foreach (var r in reads) Say($"| {r.Label} | {r.Caller} | {r.Median} | {r.P95} | {r.Note} |");
        Say("");
        Say("Largest tables (pg_total_relation_size: table, indexes, TOAST):");
        Say("");
        Say("| table | size | rows (estimate) |");
        Say("|---|---|---|");
        foreach (var (table, bytes, rows) in tables) Say($"| {table} | {bytes / 1048576.0:N0} MB | {rows:N0} |");
        Say("");

        await host.StopAsync(keep);
        AppendResults(repoRoot, report.ToString());
    }

    internal sealed record Cycle(TimeSpan TimerLatency, TimeSpan FirstCase, TimeSpan Elapsed);

    /// <summary>
    /// Deploys the shipped <c>siklus-evaluasi.bpmn</c> with its annual timer moved to the next whole minute at least 25 s
    /// ahead (the API's way to move a timer: a new version replaces the previous version's timer starts), then polls the database every 5 s until N <c>evaluasi-kinerja</c> cases are active; stops with the cause when
    /// the cycle raises an incident or makes no progress for 10 minutes.
    /// </summary>
    private static async Task<Cycle> RunCycleAsync(ChildHost host, HttpClient admin, NpgsqlDataSource db, string repoRoot, int employees, CancellationToken ct)
    {
        // Timer starts are minute-grained recurring jobs read as wall-clock times of Runtime:TimeZone (the shipped WITA, UTC+8, no DST).
        var soon = DateTime.UtcNow.AddSeconds(25);
        var due = new DateTime(soon.Year, soon.Month, soon.Day, soon.Hour, soon.Minute, 0, DateTimeKind.Utc).AddMinutes(1);
        var xml = AnnualTimer().Replace(await File.ReadAllTextAsync(Path.Combine(repoRoot, "workflows", "siklus-evaluasi.bpmn"), ct),
            $"${{1}}R/{due.AddHours(8):yyyy-MM-ddTHH:mm:ss}/P1Y$2", 1);
        var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-File-Name", "siklus-evaluasi.bpmn");
        var deployed = await admin.PostAsync("/api/definitions", content, ct);
        if (!deployed.IsSuccessStatusCode) throw new InvalidOperationException($"Deploy failed {(int)deployed.StatusCode}: {await deployed.Content.ReadAsStringAsync(ct)}");
        Console.WriteLine($"siklus-evaluasi deployed with its annual timer at {due:HH:mm:ss} UTC");

        TimeSpan? timerLatency = null, firstCase = null;
        var (lastCount, lastProgress) = (0L, DateTime.UtcNow);
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
            host.EnsureRunning();
            var count = await ScalarAsync<long>(db, "SELECT count(*) FROM pppk.instances WHERE definition_key = 'evaluasi-kinerja' AND status = 'active'", ct);
            var now = DateTime.UtcNow;
            if (timerLatency is null && await ScalarAsync<DateTime?>(db, "SELECT min(started_at) FROM pppk.instances WHERE definition_key = 'siklus-evaluasi'", ct) is { } started)
                timerLatency = started - due;
            if (firstCase is null && count > 0)
                firstCase = await ScalarAsync<DateTime>(db, "SELECT min(started_at) FROM pppk.instances WHERE definition_key = 'evaluasi-kinerja'", ct) - due;
            var incident = await ScalarAsync<string?>(db, """
                SELECT string_agg(x.code || ': ' || x.message, '; ') FROM pppk.incidents x JOIN pppk.instances i ON i.id = x.instance_id
                WHERE i.definition_key = 'siklus-evaluasi' AND x.resolved_at IS NULL
                """, ct);
            Console.WriteLine($"  {now:HH:mm:ss} +{(now - due).TotalSeconds,6:F0} s: {count,9:N0} active, host RSS {host.ResidentKb() / 1024 ?? 0:N0} MB");
            if (incident is not null) throw new InvalidOperationException($"siklus-evaluasi raised an incident: {incident}");
            if (count >= employees)
                return new Cycle(timerLatency ?? TimeSpan.Zero, firstCase ?? TimeSpan.Zero, await ScalarAsync<DateTime>(db,
                    "SELECT max(started_at) FROM pppk.instances WHERE definition_key = 'evaluasi-kinerja'", ct) - due);
            if (count != lastCount) (lastCount, lastProgress) = (count, now);
            else if (now - lastProgress > TimeSpan.FromMinutes(10) && now > due.AddMinutes(10))
                throw new TimeoutException($"No progress for 10 minutes at {count:N0} of {employees:N0}.\n{host.Output()}");
        }
    }

    // The annual start's timeCycle in the shipped file: <bpmn:timeCycle ...>R/2026-12-15T08:00:00/P1Y</bpmn:timeCycle> after id="tahunan_def".
    [GeneratedRegex(@"(id=""tahunan_def"">\s*<bpmn:timeCycle[^>]*>)R/[^/<]+/P1Y(</bpmn:timeCycle>)")]
    private static partial Regex AnnualTimer();

    private static HttpClient ApiKeyClient(Uri url)
    {
        var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Add("X-Api-Key", BootstrapKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    private static async Task CreateUserAsync(HttpClient admin, object user, CancellationToken ct)
    {
        var response = await admin.PostAsJsonAsync("/api/users", user, ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Creating a user failed {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>A browser's session: the sign-in cookie, and the header the host asks of cookie callers' changes.</summary>
    /// <summary>A client signed in by cookie as <paramref name="userName"/>, sending the anti-forgery header as the web front does.</summary>
    internal static async Task<HttpClient> SignInAsync(Uri url, string userName, string password, CancellationToken ct)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        client.DefaultRequestHeaders.Add("X-Pppk-Csrf", "1");
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password }, ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Sign-in of {userName} failed {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        return client;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(sql);
        var value = await cmd.ExecuteScalarAsync(ct);
        return value is DBNull or null ? default! : (T)value;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<(string Table, long Bytes, long Rows)>> TopTablesAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT n.nspname || '.' || c.relname, pg_total_relation_size(c.oid), c.reltuples::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 2 DESC LIMIT 8
            """);
        var tables = new List<(string, long, long)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) tables.Add((reader.GetString(0), reader.GetInt64(1), Math.Max(0, reader.GetInt64(2))));
        return tables;
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == $"--{name}" && i + 1 < args.Length) return int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            if (args[i].StartsWith($"{name}=", StringComparison.Ordinal)) return int.Parse(args[i][(name.Length + 1)..], CultureInfo.InvariantCulture);
        }
        return fallback;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static double MemoryGb() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0;

    private static string GitCommit(string repoRoot)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", repoRoot, "rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true })!;
            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return commit.Length > 0 ? commit : "?";
        }
        catch (System.ComponentModel.Win32Exception) { return "?"; }
    }

    /// <summary>Puts this run's section at the top of <c>Scale/RESULTS.md</c> (newest first, under its header).</summary>
    private static void AppendResults(string repoRoot, string section)
    {
        var path = Path.Combine(repoRoot, "tests", "Pppk.Workflow.Benchmarks", "Scale", "RESULTS.md");
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Scale benchmark results\n\n";
        var at = text.IndexOf("\n## ", StringComparison.Ordinal);
        File.WriteAllText(path, at < 0 ? text.TrimEnd() + "\n\n" + section : text[..(at + 1)] + section + "\n" + text[(at + 1)..]);
        Console.WriteLine($"written to {path}");
    }
}
