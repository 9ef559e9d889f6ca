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
/// each list, as hr-admin and as each kind of other caller: a unit head, an evaluator, a member of an organisation-wide group, an employee who is the subject of a few cases and a substitute in force (median and p95). <c>db=NAME</c> keeps the seeded database for the next run.
/// </summary>
public sealed class ListsBenchmark : IBenchmark
{
    private const string HeadPassword = "Bench-Kepala-2026!";

    public string Name => "lists";

    public string Description => "every big list at N instances (a third open tasks): page 1, deep cursor page, page=200, count; medians/p95 over HTTP (args: instances=3000000 people=200000 repeat=20 db=NAME schema=true only=TEXT)";

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

        await using (var db = NpgsqlDataSource.Create(cs))
        {
            await SeedCallersAsync(db, ct);
            await SeedCompletedAsync(db, ct);
        }
        // The people who are not hr-admin, made on the first run of a kept database (a second run's attempt is refused as a duplicate; the sign-in checks it).
        (string Label, string User, string[] Roles, string? Unit, string? Nik)[] callers =
        [
            ("unit head U07", "kepala.lists.u07", ["unit-head"], "U07", null),
            ("evaluator (~500 open tasks assigned, 20,000 completed)", "penilai.123", ["evaluator"], "U04", null),
            ("org group ppk (~100,000 offered)", "ppk.lists", ["ppk"], null, null),
            ("employee, subject of 4 cases", "pegawai.lists", ["employee"], "U01", CallerNik),
            ("substitute in force for penilai.123", "pengganti.lists", ["verifier"], null, null),
        ];
        var signedIn = new List<(string Label, HttpClient Client)>();
        foreach (var (label, user, roles, unit, nik) in callers)
        {
            await admin.PostAsJsonAsync("/api/users", new { userName = user, password = HeadPassword, fullName = user, unitCode = unit, employeeNik = nik, roles }, ct);
            var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.Url, Timeout = TimeSpan.FromMinutes(10) };
            (await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = HeadPassword }, ct)).EnsureSuccessStatusCode();
            signedIn.Add((label, client));
        }
        var unitHead = signedIn[0].Client;

        Console.WriteLine($"{"call",-62} {"median ms",10} {"p95 ms",8}");
        (HttpClient Who, string Label, string Path)[] lists =
        [
            (admin, "tasks, hr-admin, all open", "/api/tasks?pageSize=50"),
            (admin, "instances, hr-admin, all", "/api/instances?pageSize=50"),
            (admin, "instances of one workflow", "/api/instances?pageSize=50&definitionKey=bench_list_3"),
            (admin, "instances, active", "/api/instances?pageSize=50&status=active"),
            (admin, "instances of unit U07", "/api/instances?pageSize=50&unitCode=U07"),
            (admin, "instances found by a NIK, hr-admin", "/api/instances?pageSize=50&search=6402000000123456"),
            (admin, "tasks found by a NIK, hr-admin", "/api/tasks?pageSize=50&search=6402000000123456"),
            .. signedIn.SelectMany(p => new[]
            {
                (p.Client, $"tasks, {p.Label}", "/api/tasks?pageSize=50"), (p.Client, $"instances, {p.Label}", "/api/instances?pageSize=50"),
                (p.Client, $"instances of one workflow, {p.Label}", "/api/instances?pageSize=50&definitionKey=bench_list_3"),
                (p.Client, $"active instances, {p.Label}", "/api/instances?pageSize=50&status=active"),
                // None of the callers' offered or assigned tasks is on a completed case: the walks read all of them.
                (p.Client, $"completed instances, {p.Label}", "/api/instances?pageSize=50&status=completed"),
                (p.Client, $"instances with an incident, {p.Label}", "/api/instances?pageSize=50&hasIncident=true"),
                (p.Client, $"instances found by a NIK, {p.Label}", "/api/instances?pageSize=50&search=6402000000123456"),
                // Every seeded case is version 1: version 2 matches none, so a walk reads all of the caller's tasks.
                (p.Client, $"instances of a version none has, {p.Label}", "/api/instances?pageSize=50&definitionKey=bench_list_3&version=2"),
                (p.Client, $"instances started on one day, {p.Label}", "/api/instances?pageSize=50&startedFrom=2026-06-01&startedTo=2026-06-01"),
            }),
            (admin, "incidents", "/api/incidents?pageSize=50"),
            (unitHead, "incidents, unit head U07", "/api/incidents?pageSize=50"),
            (admin, "access log", "/api/access-log?pageSize=50"),
            (admin, "emails", "/api/emails?pageSize=50"),
            (admin, "employees", "/api/employees?pageSize=50"),
            (admin, "employees found by a NIK", "/api/employees?pageSize=50&search=6402000000123456"),
            (admin, "applicants", "/api/applicants?pageSize=50"),
            (admin, "applicants found by a NIK", "/api/applicants?pageSize=50&search=6403000000123456"),
        ];
        // only=TEXT: just the lists whose label contains TEXT (a loaded box cannot afford the whole run).
        var only = options.GetValueOrDefault("only");
        foreach (var (who, label, path) in lists.Where(l => only is null || l.Label.Contains(only, StringComparison.Ordinal)))
        {
            await TimeAsync(who, $"{label}: page 1", path, repeat, ct);
            if (await CursorOfPageAsync(who, path, 20, ct) is ({ } deep, var rows))
                await TimeAsync(who, $"{label}: page after {rows:N0} rows by cursor", $"{path}&cursor={deep}", repeat, ct);
            await TimeAsync(who, $"{label}: page 200 by page=", $"{path}&page=200", repeat, ct);
        }
        if (only is null || "tasks/count".Contains(only, StringComparison.Ordinal))
        {
            await TimeAsync(admin, "tasks/count, hr-admin", "/api/tasks/count", repeat, ct);
            foreach (var (label, client) in signedIn) await TimeAsync(client, $"tasks/count, {label}", "/api/tasks/count", repeat, ct);
        }
        foreach (var (_, client) in signedIn) client.Dispose();

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

    /// <summary>
    /// Follows the cursor up to <paramref name="pages"/> pages of 500 rows deep (10,000 rows at 20): the last cursor it met
    /// and how many rows lie before it; no cursor when the list fits one page.
    /// </summary>
    private static async Task<(string? Cursor, int Rows)> CursorOfPageAsync(HttpClient http, string path, int pages, CancellationToken ct)
    {
        string? cursor = null;
        var rows = 0;
        var big = path.Replace("pageSize=50", "pageSize=500", StringComparison.Ordinal);
        for (var p = 0; p < pages; p++)
        {
            var answer = (await http.GetFromJsonAsync<JsonObject>(big + (cursor is null ? "" : $"&cursor={cursor}"), ct))!;
            if ((string?)answer["nextCursor"] is not { } next) break;
            cursor = next;
            rows += 500;
        }
        return (cursor, rows);
    }

    private const string CallerNik = "6402000000012345";

    /// <summary>
    /// The facts the other callers need, once per database: a tenth of the unassigned open tasks also offered to the
    /// organisation-wide group ppk, three more cases about the employee <see cref="CallerNik"/> (four in all), and
    /// pengganti.lists standing in for penilai.123 now.
    /// </summary>
    private static Task SeedCallersAsync(NpgsqlDataSource db, CancellationToken ct) => SeedOnceAsync(db, "the other callers' facts",
        "SELECT 1 FROM pppk.substitutions WHERE substitute_user_name = 'pengganti.lists'",
        [
            "UPDATE pppk.user_tasks SET candidate_groups = ARRAY['unit-head', 'ppk'] WHERE state = 'open' AND assignee IS NULL AND right(id::text, 1) IN ('0', '1')",
            $"UPDATE pppk.instances SET subject = '{CallerNik}' WHERE business_key IN ('BK-777', 'BK-1500000', 'BK-2999999')",
            """
            INSERT INTO pppk.substitutions (id, user_name, substitute_user_name, valid_from, valid_to, reason, created_by, created_at)
            VALUES (gen_random_uuid(), 'penilai.123', 'pengganti.lists', now() - interval '1 day', now() + interval '30 days', 'Cuti', 'admin', now())
            """,
            "ANALYZE pppk.user_tasks",
        ], ct);

    /// <summary>
    /// The evaluator's years of work: 20,000 tasks they completed, on completed cases of another unit (their case list walks
    /// them: migration Issue21PersonWalks).
    /// </summary>
    private static Task SeedCompletedAsync(NpgsqlDataSource db, CancellationToken ct) => SeedOnceAsync(db, "the evaluator's completed tasks",
        "SELECT 1 FROM pppk.user_tasks WHERE completed_by = 'penilai.123' LIMIT 1",
        [
            """
            INSERT INTO pppk.user_tasks (id, instance_id, wait_id, element_id, assignee, candidate_groups, candidate_users, state, created_at, ended_at, completed_by, priority)
            SELECT gen_random_uuid(), i.id, 900, 'Task_evaluasi', 'penilai.123', ARRAY['evaluator'], ARRAY[]::text[], 'completed', i.started_at, i.ended_at, 'penilai.123', 50
            FROM pppk.instances i WHERE i.status = 'completed' AND i.unit_code = 'U05' ORDER BY i.started_at DESC LIMIT 20000
            """,
            "ANALYZE pppk.user_tasks",
        ], ct);

    /// <summary>Runs <paramref name="statements"/> once on a kept database: not when <paramref name="done"/> finds a row.</summary>
    private static async Task SeedOnceAsync(NpgsqlDataSource db, string label, string done, string[] statements, CancellationToken ct)
    {
        await using (var seeded = db.CreateCommand(done))
            if (await seeded.ExecuteScalarAsync(ct) is not null) return;
        var watch = Stopwatch.StartNew();
        foreach (var sql in statements)
        {
            await using var cmd = db.CreateCommand(sql);
            cmd.CommandTimeout = 0;
            await cmd.ExecuteNonQueryAsync(ct);
        }
        Console.WriteLine($"seeded {label} in {watch.Elapsed.TotalSeconds:F1} s");
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
