using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Benchmarks.Runtime;

/// <summary>
/// Issue 21, flat reads: every big list at national size. Seeds by SQL (generate_series) N instances of 10 workflows in
/// 20 units (a third active, each with one open task; the rest completed), incidents, emails, access log rows, employees
/// and applicants, then times over HTTP page 1, a deep page by cursor, page 200 by <c>page=</c> and the capped total of
/// each list, as hr-admin and as a unit head (median and p95). <c>db=NAME</c> keeps the seeded database for the next run.
/// </summary>
public sealed class ListsBenchmark : IBenchmark
{
    private const string HeadPassword = "Bench-Kepala-2026!";

    public string Name => "lists";

    public string Description => "every big list at N instances (a third open tasks): page 1, deep cursor page, page=200, count; medians/p95 over HTTP (args: instances=3000000 people=200000 repeat=20 db=NAME schema=true)";

    public async Task RunAsync(string[] args, CancellationToken ct)
    {
        var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var n = int.Parse(options.GetValueOrDefault("instances", "3000000"), CultureInfo.InvariantCulture);
        var people = int.Parse(options.GetValueOrDefault("people", "200000"), CultureInfo.InvariantCulture);
        var repeat = int.Parse(options.GetValueOrDefault("repeat", "20"), CultureInfo.InvariantCulture);
        var kept = options.GetValueOrDefault("db");
        var cs = kept is null ? await TestCluster.CreateDatabaseAsync("benchlists") : await KeptDatabaseAsync(kept);

        var hostArgs = options.Where(o => o.Key.Contains(':')).Select(o => $"--{o.Key}={o.Value}").ToArray();
        await using var host = await BenchmarkHost.StartAsync(cs, hostArgs, "bench-lists-.log", ct);
        if (options.GetValueOrDefault("schema") == "true") return;
        using var admin = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromMinutes(10) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", BenchmarkHost.BootstrapKey);
        admin.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Console.WriteLine($"{Environment.ProcessorCount} cores; {n:N0} instances ({n / 3:N0} open tasks), {people:N0} employees and applicants");

        await using (var db = NpgsqlDataSource.Create(cs))
            await SeedAsync(db, n, people, ct);

        const string head = "kepala.lists.u07";
        // Made on the first run of a kept database (a second run's attempt is refused as a duplicate; the sign-in checks it).
        await admin.PostAsJsonAsync("/api/users", new { userName = head, password = HeadPassword, fullName = "Kepala U07", unitCode = "U07", roles = new[] { "unit-head" } }, ct);
        using var unitHead = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.Url };
        (await unitHead.PostAsJsonAsync("/api/auth/login", new { userName = head, password = HeadPassword }, ct)).EnsureSuccessStatusCode();

        Console.WriteLine($"{"call",-62} {"median ms",10} {"p95 ms",8}");
        (HttpClient Who, string Label, string Path)[] lists =
        [
            (admin, "tasks, hr-admin, all open", "/api/tasks?pageSize=50"),
            (unitHead, "tasks, unit head U07", "/api/tasks?pageSize=50"),
            (admin, "instances, hr-admin, all", "/api/instances?pageSize=50"),
            (admin, "instances of one workflow", "/api/instances?pageSize=50&definitionKey=bench_list_3"),
            (admin, "instances, active", "/api/instances?pageSize=50&status=active"),
            (admin, "instances of unit U07", "/api/instances?pageSize=50&unitCode=U07"),
            // Not timed: a unit head's cases (Visibility.Case's OR with a task EXISTS) still scan the instances; see docs-notes-i21-paging.md.
            (admin, "incidents", "/api/incidents?pageSize=50"),
            (admin, "access log", "/api/access-log?pageSize=50"),
            (admin, "emails", "/api/emails?pageSize=50"),
            (admin, "employees", "/api/employees?pageSize=50"),
            (admin, "applicants", "/api/applicants?pageSize=50"),
        ];
        foreach (var (who, label, path) in lists)
        {
            await TimeAsync(who, $"{label}: page 1", path, repeat, ct);
            if (await CursorOfPageAsync(who, path, 20, ct) is { } deep) await TimeAsync(who, $"{label}: page after 10,000 rows by cursor", $"{path}&cursor={deep}", repeat, ct);
            await TimeAsync(who, $"{label}: page 200 by page=", $"{path}&page=200", repeat, ct);
        }
        await TimeAsync(admin, "tasks/count, hr-admin", "/api/tasks/count", repeat, ct);
        await TimeAsync(unitHead, "tasks/count, unit head", "/api/tasks/count", repeat, ct);

        await host.DisposeAsync();
        if (kept is null) await TestCluster.DropDatabaseAsync(cs);
    }

    /// <summary>The database <paramref name="name"/> on the test cluster, created when missing (kept between runs: seeding 3,000,000 rows takes minutes).</summary>
    private static async Task<string> KeptDatabaseAsync(string name)
    {
        await using var conn = new NpgsqlConnection(await TestCluster.ConnectionStringAsync("postgres"));
        await conn.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        exists.Parameters.AddWithValue("n", name);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await create.ExecuteNonQueryAsync();
        }
        return await TestCluster.ConnectionStringAsync(name);
    }

    private static async Task SeedAsync(NpgsqlDataSource db, int n, int people, CancellationToken ct)
    {
        await using (var count = db.CreateCommand("SELECT count(*) FROM pppk.instances"))
            if ((long)(await count.ExecuteScalarAsync(ct))! >= n) return;
        var watch = Stopwatch.StartNew();
        foreach (var (label, sql) in Seeds)
        {
            var step = Stopwatch.StartNew();
            await using var cmd = db.CreateCommand(sql);
            cmd.CommandTimeout = 0;
            cmd.Parameters.AddWithValue("n", n);
            cmd.Parameters.AddWithValue("people", people);
            await cmd.ExecuteNonQueryAsync(ct);
            Console.WriteLine($"seeded {label} in {step.Elapsed.TotalSeconds:F1} s");
        }
        Console.WriteLine($"seeded in {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>The seed, in order (parameters @n instances and @people): ~10 workflows, 20 units, a third of the cases open with one task (half assigned to 1,000 evaluators).</summary>
    private static readonly (string Label, string Sql)[] Seeds =
    [
        ("units", """
            INSERT INTO pppk.units (code, name) SELECT 'U' || lpad(g::text, 2, '0'), 'Unit kerja ' || g FROM generate_series(1, 20) g ON CONFLICT DO NOTHING
            """),
        ("instances", """
            INSERT INTO pppk.instances (id, definition_id, definition_key, version, business_key, status, has_incident, state, started_at, ended_at, subject, unit_code, search, title)
            SELECT gen_random_uuid(), 1 + g % 10, 'bench_list_' || (g % 10), 1, 'BK-' || g, CASE WHEN g % 3 = 0 THEN 'active' ELSE 'completed' END, g % 150 = 0, NULL,
              now() - g * interval '10 seconds', CASE WHEN g % 3 = 0 THEN NULL ELSE now() - g * interval '10 seconds' + interval '3 days' END,
              '6402' || lpad(g::text, 12, '0'), 'U' || lpad((g % 20 + 1)::text, 2, '0'), 'evaluasi kinerja — pegawai ' || lpad(g::text, 7, '0') || ' 6402' || lpad(g::text, 12, '0'),
              'Evaluasi kinerja — Pegawai ' || lpad(g::text, 7, '0')
            FROM generate_series(1, @n) g
            """),
        ("open tasks", """
            INSERT INTO pppk.user_tasks (id, instance_id, wait_id, element_id, name, assignee, candidate_groups, candidate_users, due_at, state, created_at, priority)
            SELECT gen_random_uuid(), i.id, 1, 'evaluasi', 'Evaluasi kinerja', CASE WHEN right(i.business_key, 1) < '5' THEN 'penilai.' || right(i.business_key, 3) END,
              ARRAY['unit-head'], ARRAY[]::text[], i.started_at + interval '14 days', 'open', i.started_at, 50
            FROM pppk.instances i WHERE i.status = 'active' AND i.definition_key LIKE 'bench\_list\_%'
            """),
        ("incidents", """
            INSERT INTO pppk.incidents (instance_id, engine_incident_id, element_id, message, created_at, code)
            SELECT i.id, 1, 'evaluasi', 'Handler failed', i.started_at, 'handler-failed' FROM pppk.instances i WHERE i.has_incident AND i.definition_key LIKE 'bench\_list\_%'
            """),
        ("emails", """
            INSERT INTO pppk.emails (message_id, template, "to", cc, subject, html, text, status, attempts, created_at, sent_at, next_attempt_at)
            SELECT 'm-' || g || '@bench', 'pengingat', ARRAY['pegawai' || g || '@kukar.go.id'], ARRAY[]::text[], 'Pengingat evaluasi', '<p>Pengingat</p>', 'Pengingat', 'sent', 1,
              now() - g * interval '20 seconds', now() - g * interval '20 seconds', now() - g * interval '20 seconds'
            FROM generate_series(1, @n / 6) g
            """),
        ("access log", """
            INSERT INTO pppk.access_log (at, user_name, kind, record_id, person_nik)
            SELECT now() - g * interval '10 seconds', 'admin', 'employee', (g % 200000)::text, '6402' || lpad((g % 200000)::text, 12, '0') FROM generate_series(1, @n / 3) g
            """),
        ("employees", """
            INSERT INTO pppk.employees (ni_pppk, nik, name, unit_code, position, grade, service_years)
            SELECT '1990' || lpad(g::text, 14, '0'), '6402' || lpad(g::text, 12, '0'), (ARRAY['Siti','Ahmad','Dewi','Budi','Rina','Agus','Nur','Eko'])[1 + g % 8] || ' ' || md5(g::text)::varchar(8),
              'U' || lpad((g % 20 + 1)::text, 2, '0'), 'Guru', 9, g % 10 FROM generate_series(1, @people) g
            """),
        ("applicants", """
            INSERT INTO pppk.applicants (registration_number, nik, name, birth_date, priority_category, formation_code, status)
            SELECT 'REG-' || lpad(g::text, 8, '0'), '6403' || lpad(g::text, 12, '0'), 'Pelamar ' || md5(g::text)::varchar(8), date '1990-01-01', 4, 'F-' || (g % 100), 'registered' FROM generate_series(1, @people) g
            """),
        ("statistics", """
            ANALYZE
            """),
    ];

    /// <summary>Follows the cursor <paramref name="pages"/> pages of 500 rows deep (10,000 rows at 20): the cursor that starts the next; null when the list is shorter.</summary>
    private static async Task<string?> CursorOfPageAsync(HttpClient http, string path, int pages, CancellationToken ct)
    {
        string? cursor = null;
        var big = path.Replace("pageSize=50", "pageSize=500", StringComparison.Ordinal);
        for (var p = 0; p < pages; p++)
        {
            var answer = (await http.GetFromJsonAsync<JsonObject>(big + (cursor is null ? "" : $"&cursor={cursor}"), ct))!;
            if ((cursor = (string?)answer["nextCursor"]) is null) return null;
        }
        return cursor;
    }

    private static async Task TimeAsync(HttpClient http, string label, string path, int repeat, CancellationToken ct)
    {
        for (var i = 0; i < 3; i++) await http.GetAsync(path, ct); // warm-up: plans, pools
        var times = new List<double>();
        string shown = "";
        for (var i = 0; i < repeat; i++)
        {
            var watch = Stopwatch.StartNew();
            var response = await http.GetAsync(path, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            times.Add(watch.Elapsed.TotalMilliseconds);
            var json = JsonNode.Parse(body) as JsonObject;
            shown = !response.IsSuccessStatusCode ? $"{(int)response.StatusCode} {json?["code"]}"
                : json?["items"] is JsonArray items ? $"{items.Count} items, total {json["total"]}{((bool?)json["totalCapped"] == true ? "+" : "")}" : body;
        }
        times.Sort();
        Console.WriteLine($"{label,-62} {times[times.Count / 2],10:F1} {times[(int)Math.Ceiling(times.Count * 0.95) - 1],8:F1}   ({shown})");
    }
}
