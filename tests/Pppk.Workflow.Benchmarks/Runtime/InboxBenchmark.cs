using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Benchmarks.Runtime;

/// <summary>
/// The inbox at an agency's scale: N open tasks (one-user-task renewals with a case title, batch-started over HTTP, in
/// 40 units), then <c>GET /api/tasks</c> page 1 and page 200 (by cursor and by <c>page=</c>), with a search and a unit
/// filter, and <c>/api/tasks/count</c>, each timed over HTTP from outside as hr-admin and as a unit head (median and p95),
/// and the plans of the inbox's queries (EXPLAIN ANALYZE), which must use the indexes.
/// </summary>
public sealed class InboxBenchmark : IBenchmark
{
    private const string Key = "bench_inbox";
    private const int Units = 40;
    private const string HeadPassword = "Bench-Kepala-2026!";

    public string Name => "inbox";

    public string Description => "task list at N open tasks: page 1 and 200 (cursor vs page=), search, unit filter, count; medians/p95 over HTTP and EXPLAIN (args: n=100000 repeat=30)";

    public async Task RunAsync(string[] args, CancellationToken ct)
    {
        var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var n = int.Parse(options.GetValueOrDefault("n", "100000"), CultureInfo.InvariantCulture);
        var repeat = int.Parse(options.GetValueOrDefault("repeat", "30"), CultureInfo.InvariantCulture);

        var cs = await TestCluster.CreateDatabaseAsync("benchinbox");
        var hostArgs = options.Where(o => o.Key.Contains(':')).Select(o => $"--{o.Key}={o.Value}").ToArray();
        await using var host = await BenchmarkHost.StartAsync(cs, hostArgs, "bench-inbox-.log", ct);
        using var admin = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromMinutes(10) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", BenchmarkHost.BootstrapKey);
        admin.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Console.WriteLine($"{Environment.ProcessorCount} cores; {n:N0} open tasks in {Units} units");

        await DeployAsync(admin, ct);
        await using (var db = NpgsqlDataSource.Create(cs))
        await using (var units = db.CreateCommand("INSERT INTO pppk.units (code, name) SELECT 'U' || lpad(g::text, 2, '0'), 'Unit kerja ' || g FROM generate_series(1, @n) g ON CONFLICT DO NOTHING"))
        {
            units.Parameters.AddWithValue("n", Units);
            await units.ExecuteNonQueryAsync(ct);
        }
        var seed = Stopwatch.StartNew();
        const int perCall = 10_000;
        for (var offset = 0; offset < n; offset += perCall)
        {
            var items = Enumerable.Range(offset, Math.Min(perCall, n - offset)).Select(i => new
            {
                businessKey = $"K-{i:D6}",
                variables = new { unitCode = Unit(i), nik = $"6402{i:D12}", niPppk = $"1990{i:D14}", employeeName = $"Pegawai {i:D6}" },
            }).ToList();
            (await admin.PostAsJsonAsync("/api/instances/batch", new { definitionKey = Key, instances = items }, ct)).EnsureSuccessStatusCode();
        }
        Console.WriteLine($"seeded by batch start: {n:N0} instances with one open task each in {seed.Elapsed.TotalSeconds:F1} s ({n / seed.Elapsed.TotalSeconds:N0}/s)");
        await using (var db = NpgsqlDataSource.Create(cs))
        await using (var analyze = db.CreateCommand("ANALYZE pppk.user_tasks; ANALYZE pppk.instances"))
            await analyze.ExecuteNonQueryAsync(ct);

        // A unit head of U07 (n / 40 tasks), signed in with a cookie as the web front is.
        (await admin.PostAsJsonAsync("/api/users", new { userName = "kepala.u07", password = HeadPassword, fullName = "Kepala U07", unitCode = "U07", roles = new[] { "unit-head" } }, ct))
            .EnsureSuccessStatusCode();
        using var head = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.Url };
        (await head.PostAsJsonAsync("/api/auth/login", new { userName = "kepala.u07", password = HeadPassword }, ct)).EnsureSuccessStatusCode();

        var page200 = await CursorOfPageAsync(admin, "/api/tasks?pageSize=50", 200, ct);
        var headPage20 = await CursorOfPageAsync(head, "/api/tasks?pageSize=50", Math.Min(20, n / Units / 50), ct);
        var target = n / 2;
        Console.WriteLine($"{"call",-58} {"median ms",10} {"p95 ms",8}");
        await TimeAsync(admin, "hr-admin page 1", "/api/tasks?pageSize=50", repeat, ct);
        await TimeAsync(admin, "hr-admin page 200 by cursor", $"/api/tasks?pageSize=50&cursor={page200}", repeat, ct);
        await TimeAsync(admin, "hr-admin page 200 by page=200 (offset)", "/api/tasks?pageSize=50&page=200", repeat, ct);
        await TimeAsync(admin, "hr-admin page 1 by priority", "/api/tasks?pageSize=50&sort=priority", repeat, ct);
        await TimeAsync(admin, $"hr-admin search name 'pegawai {target:D6}'", $"/api/tasks?pageSize=50&search=pegawai%20{target:D6}", repeat, ct);
        await TimeAsync(admin, "hr-admin search NI PPPK", $"/api/tasks?pageSize=50&search=1990{target:D14}", repeat, ct);
        await TimeAsync(admin, "hr-admin search 'pegawai 0123' (100 hits)", "/api/tasks?pageSize=50&search=pegawai%200123", repeat, ct);
        await TimeAsync(admin, "hr-admin unit filter U07", "/api/tasks?pageSize=50&unitCode=U07", repeat, ct);
        await TimeAsync(admin, "hr-admin count", "/api/tasks/count", repeat, ct);
        await TimeAsync(head, "unit head page 1", "/api/tasks?pageSize=50", repeat, ct);
        await TimeAsync(head, "unit head page 20 by cursor", $"/api/tasks?pageSize=50&cursor={headPage20}", repeat, ct);
        await TimeAsync(head, "unit head search name", $"/api/tasks?pageSize=50&search=pegawai%20{7 - 1:D6}", repeat, ct);
        await TimeAsync(head, "unit head count", "/api/tasks/count", repeat, ct);

        await ExplainAsync(cs, ct);
        await host.DisposeAsync();
        await TestCluster.DropDatabaseAsync(cs);
    }

    private static string Unit(int i) => $"U{i % Units + 1:D2}";

    private static async Task DeployAsync(HttpClient http, CancellationToken ct)
    {
        var xml = Bpmn.WithProperties(Bpmn.Chain(Key, Bpmn.UserTask("konfirmasi", "Konfirmasi kebutuhan", candidateGroups: "unit-head")),
            ("caseUnit", "=unitCode"), ("caseSubject", "=nik"), ("caseTitle", "=\"Perpanjangan kontrak — \" + employeeName"), ("caseSearch", "=[niPppk]"));
        var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        content.Headers.Add("X-File-Name", "bench-inbox.bpmn");
        var response = await http.PostAsync("/api/definitions", content, ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Deploy failed {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>Walks the cursor from page 1 to <paramref name="page"/>: the cursor that starts it.</summary>
    private static async Task<string> CursorOfPageAsync(HttpClient http, string path, int page, CancellationToken ct)
    {
        string? cursor = null;
        for (var p = 1; p < page; p++)
        {
            var answer = (await http.GetFromJsonAsync<JsonObject>(path + (cursor is null ? "" : $"&cursor={cursor}"), ct))!;
            cursor = (string?)answer["nextCursor"] ?? throw new InvalidOperationException($"No page {p + 1}.");
        }
        return cursor ?? "";
    }

    private static async Task TimeAsync(HttpClient http, string label, string path, int repeat, CancellationToken ct)
    {
        for (var i = 0; i < 3; i++) (await http.GetAsync(path, ct)).EnsureSuccessStatusCode(); // warm-up: plans, pools
        var times = new List<double>();
        JsonObject? last = null;
        for (var i = 0; i < repeat; i++)
        {
            var watch = Stopwatch.StartNew();
            var response = await http.GetAsync(path, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{label}: {(int)response.StatusCode} {body}");
            last = JsonNode.Parse(body) as JsonObject;
        }
        times.Sort();
        var shown = last?["items"] is JsonArray items ? $"{items.Count} items, total {last["total"]}{((bool?)last["totalCapped"] == true ? "+" : "")}" : last?.ToJsonString();
        Console.WriteLine($"{label,-58} {times[times.Count / 2],10:F1} {times[(int)Math.Ceiling(times.Count * 0.95) - 1],8:F1}   ({shown})");
    }

    /// <summary>The plans of the inbox's statements (the shapes TaskInbox builds), with the index each one uses.</summary>
    private static async Task ExplainAsync(string cs, CancellationToken ct)
    {
        const string select = "SELECT t.id FROM pppk.user_tasks t JOIN pppk.instances i ON i.id = t.instance_id WHERE t.state = 'open'";
        const string due = "coalesce(t.due_at, 'infinity'::timestamptz), t.created_at, t.id";
        const string unit = "i.unit_code = 'U07' AND t.instance_id = ANY(ARRAY(SELECT u.id FROM pppk.instances u WHERE u.unit_code = 'U07'))";
        (string Label, string Sql)[] queries =
        [
            ("page 1 by due", $"{select} ORDER BY {due} LIMIT 51"),
            ("page after a cursor", $"{select} AND ({due}) > ('infinity'::timestamptz, now() - interval '1 year', '00000000-0000-0000-0000-000000000000'::uuid) ORDER BY {due} LIMIT 51"),
            ("page 1 by priority", $"{select} ORDER BY (- t.priority), {due} LIMIT 51"),
            ("search", $"{select} AND i.search LIKE '%pegawai 050000%' ORDER BY {due} LIMIT 51"),
            ("unit filter", $"{select} AND {unit} ORDER BY {due} LIMIT 51"),
            ("capped count", $"SELECT count(*) FROM ({select} LIMIT 10001) c"),
            ("unit filter count", $"SELECT count(*) FROM ({select} AND {unit} LIMIT 10001) c"),
            ("a unit head's open tasks (the indexed branch)", "SELECT x.id FROM pppk.user_tasks x WHERE x.instance_id = ANY(ARRAY(SELECT y.id FROM pppk.instances y WHERE y.unit_code = 'U07')) " +
                "AND x.state = 'open' AND x.assignee IS NULL AND x.candidate_groups && ARRAY['unit-head']"),
        ];
        await using var db = NpgsqlDataSource.Create(cs);
        foreach (var (label, sql) in queries)
        {
            await using var cmd = db.CreateCommand("EXPLAIN (ANALYZE, COSTS OFF) " + sql);
            var lines = new List<string>();
            await using (var r = await cmd.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct)) lines.Add(r.GetString(0));
            var indexes = lines.Where(l => l.Contains("Index", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
            Console.WriteLine($"EXPLAIN {label}: {(indexes.Count > 0 ? "uses " + string.Join(" | ", indexes.Select(Short)) : "NO INDEX")}; {lines.Last(l => l.Contains("Execution Time", StringComparison.Ordinal)).Trim()}");
            if (lines.Any(l => l.Contains("Seq Scan on user_tasks", StringComparison.Ordinal))) Console.WriteLine("  (a sequential scan of user_tasks)");
        }
    }

    private static string Short(string line) => line.Length > 90 ? line[..90] + "…" : line;
}
