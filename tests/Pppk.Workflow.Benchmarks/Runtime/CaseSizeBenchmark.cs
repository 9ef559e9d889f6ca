using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Host;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Benchmarks.Runtime;

/// <summary>
/// The database's bytes per finished case of a shipped workflow (<c>evaluasi-kinerja</c>, <c>penerbitan-sk</c>,
/// <c>perpanjangan-kontrak</c>): the data
/// the cases need imported, N cases started and driven to their end through the API as people would (each task
/// completed by its own call, by the person it is for); then the growth of <c>pg_total_relation_size</c> of each table (a partitioned table: its
/// partitions) since the import, over N, after <c>VACUUM FULL</c> (no dead rows counted), before and after the finished
/// cases' state is pruned (<c>Runtime:StateRetention</c>). The growth since the baseline (people and imported data in,
/// no case yet) counts everything the cases wrote: instance rows, history, tasks, timers, emails, documents, outbox,
/// decision log, Hangfire's jobs, domain rows.
/// The evaluator task is not marked <c>bulkComplete</c>, so <c>/api/tasks/bulk</c> refuses each one (403 per item in a
/// 200 answer): driving it that way, the cases never finished (issue 21's first run). Every completion is checked now.
/// </summary>
public sealed class CaseSizeBenchmark : IBenchmark
{
    public string Name => "case-size";

    public string Description =>
        "bytes per finished case by table, before and after state pruning (args: workflow=evaluasi-kinerja|penerbitan-sk|perpanjangan-kontrak n=2000 parallel=4)";

    private const string PenilaiPassword = "Bench-Penilai-2026!";
    private const string PpkPassword = "Bench-Ppk-2026!";
    private const string HeadPassword = "Bench-Kepala-2026!";

    public async Task RunAsync(string[] args, CancellationToken ct)
    {
        var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var n = int.Parse(options.GetValueOrDefault("n", "2000"), CultureInfo.InvariantCulture);
        var parallel = int.Parse(options.GetValueOrDefault("parallel", "4"), CultureInfo.InvariantCulture);
        var workflow = options.GetValueOrDefault("workflow", "evaluasi-kinerja");
        var cs = await TestCluster.CreateDatabaseAsync("benchsize");
        await using var host = await BenchmarkHost.StartAsync(cs, [], "bench-case-size-.log", ct);
        using var admin = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromMinutes(10) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", BenchmarkHost.BootstrapKey);
        admin.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        await using var db = NpgsqlDataSource.Create(cs);
        var run = new Run(host, admin, db, n, parallel);
        await ExecuteAsync(db, "INSERT INTO pppk.units (code, name) VALUES ('DINKES', 'Dinas Kesehatan') ON CONFLICT DO NOTHING", ct);
        Console.WriteLine($"{workflow}: N = {n:N0}, {parallel} calls at a time");

        var watch = Stopwatch.StartNew();
        Func<Task> finish = workflow switch
        {
            "evaluasi-kinerja" => await EvaluationsAsync(run, ct),
            "penerbitan-sk" => await AppointmentsAsync(run, ct),
            "perpanjangan-kontrak" => await RenewalsAsync(run, ct),
            _ => throw new ArgumentException($"workflow={workflow}: evaluasi-kinerja, penerbitan-sk or perpanjangan-kontrak"),
        };
        Console.WriteLine($"{n:N0} cases started and at their first task in {watch.Elapsed.TotalSeconds:F1} s");
        await ExecuteAsync(db, "VACUUM FULL ANALYZE", ct);
        Report(run.Before, await SizesAsync(db, ct), n, "open, at the first task");

        watch.Restart();
        await finish();
        await WaitAsync(db, $"SELECT count(*) FROM pppk.instances WHERE definition_key = '{workflow}' AND status = 'completed'", n, ct);
        Console.WriteLine($"{n:N0} cases driven to their end in {watch.Elapsed.TotalSeconds:F1} s");
        await ExecuteAsync(db, "VACUUM FULL ANALYZE", ct);
        Report(run.Before, await SizesAsync(db, ct), n, "finished, state kept (the first Runtime:StateRetention days)");

        // What housekeeping does once the retention has passed (InstanceTable.PruneState), for these cases now.
        await ExecuteAsync(db, "UPDATE pppk.instances SET state = NULL WHERE ended_at IS NOT NULL AND state IS NOT NULL", ct);
        await ExecuteAsync(db, "VACUUM FULL ANALYZE", ct);
        Report(run.Before, await SizesAsync(db, ct), n, "finished, state pruned");
    }

    private sealed class Run(RunningHost host, HttpClient admin, NpgsqlDataSource db, int n, int parallel)
    {
        public RunningHost Host => host;
        public HttpClient Admin => admin;
        public NpgsqlDataSource Db => db;
        public int N => n;

        /// <summary>The tables' sizes once the people and data the cases need are in, before the first case.</summary>
        public Dictionary<string, long> Before { get; private set; } = [];

        public async Task BaselineAsync(CancellationToken ct)
        {
            await ExecuteAsync(db, "VACUUM FULL ANALYZE", ct);
            Before = await SizesAsync(db, ct);
        }

        public async Task PostAsync(HttpClient client, string url, object body, CancellationToken ct)
        {
            using var answer = await client.PostAsJsonAsync(url, body, ct);
            if (!answer.IsSuccessStatusCode) throw new InvalidOperationException($"POST {url}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync(ct)}");
        }

        public Task ForEachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, ValueTask> action, CancellationToken ct) =>
            Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, action);

        /// <summary>Waits until each case has its open task <paramref name="element"/>, then <paramref name="person"/> completes them all (every answer checked).</summary>
        public async Task CompleteAllAsync(HttpClient person, string element, object variables, CancellationToken ct)
        {
            var open = $"SELECT id FROM pppk.user_tasks WHERE element_id = '{element}' AND state = 'open'";
            await WaitAsync(db, $"SELECT count(*) FROM ({open}) t", n, ct);
            var ids = new List<Guid>();
            await using (var command = db.CreateCommand(open))
            await using (var r = await command.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct)) ids.Add(r.GetGuid(0));
            var watch = Stopwatch.StartNew();
            await ForEachAsync(ids, (id, token) => new ValueTask(PostAsync(person, $"/api/tasks/{id}/complete", new { variables }, token)), ct);
            Console.WriteLine($"  {ids.Count:N0} '{element}' tasks completed in {watch.Elapsed.TotalSeconds:F1} s");
        }
    }

    /// <summary>
    /// evaluasi-kinerja: N employees imported with one evaluator; the cycle started by its timer (<c>siklus-evaluasi</c>);
    /// then the evaluator (signed in) completes every evaluation ("Baik"), and the cases run to their end.
    /// </summary>
    private static async Task<Func<Task>> EvaluationsAsync(Run run, CancellationToken ct)
    {
        await run.PostAsync(run.Admin, "/api/users", new { userName = "penilai.bench", password = PenilaiPassword, fullName = "Penilai", unitCode = "DINKES", roles = new[] { "evaluator" } }, ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var csv = new StringBuilder("ni_pppk,nik,nama,email,kode_unit,jabatan,golongan,masa_kerja,penilai,tmt,akhir_kontrak,nomor_sk,tanggal_sk,tanggal_spmt\n");
        for (var i = 0; i < run.N; i++)
            csv.Append(CultureInfo.InvariantCulture, $"1990010120242{i:D5},64020122229{i:D5},Pegawai {i:D5},pegawai{i}@contoh.id,DINKES,Perawat,VII,1,penilai.bench,")
                .Append(CultureInfo.InvariantCulture, $"{today.AddMonths(-6):yyyy-MM-dd},{today.AddMonths(18):yyyy-MM-dd},800/{i}/2025,{today.AddMonths(-6):yyyy-MM-dd},{today.AddMonths(-6):yyyy-MM-dd}\n");
        await ImportAsync(run, "employees", csv.ToString(), ct);
        await run.BaselineAsync(ct);

        await run.Host.Services.GetRequiredService<InstanceService>().StartByTimerAsync("siklus-evaluasi", "triwulan", ct);
        await WaitAsync(run.Db, "SELECT count(*) FROM pppk.user_tasks WHERE element_id = 'nilai' AND state = 'open'", run.N, ct);
        var evaluator = await Scale.ScaleBenchmark.SignInAsync(run.Host.Url!, "penilai.bench", PenilaiPassword, ct);
        return async () =>
        {
            using (evaluator)
                await run.CompleteAllAsync(evaluator, "nilai", new { predicate = "Baik", evaluationNotes = "Target SKP tercapai" }, ct);
        };
    }

    /// <summary>
    /// penerbitan-sk: one formation and N applicants imported, a PPK; each case started through the API; then hr-admin
    /// receives the DRH, BKN's NI arrives as the message <c>ni-terbit</c>, hr-admin prepares the agreement, the PPK signs
    /// (the SK and agreement PDFs numbered and signed), hr-admin records the SPMT (its PDF), and the email with the three
    /// signed PDFs goes out.
    /// </summary>
    private static async Task<Func<Task>> AppointmentsAsync(Run run, CancellationToken ct)
    {
        await run.PostAsync(run.Admin, "/api/users", new { userName = "ppk.bench", password = PpkPassword, fullName = "PPK", email = "ppk@contoh.id", roles = new[] { "ppk" } }, ct);
        await ImportAsync(run, "formations", $"kode_formasi,jabatan,kode_unit,nama_unit,jenis,kuota,tahun,tahap\nF-BENCH-01,Perawat Ahli Pertama,DINKES,Dinas Kesehatan,nakes,{run.N},2025,1\n", ct);
        var csv = new StringBuilder("no_peserta,nik,nama,email,tanggal_lahir,kode_formasi,kategori_prioritas\n");
        for (var i = 0; i < run.N; i++) csv.Append(CultureInfo.InvariantCulture, $"25-{i:D5},6402011{i:D9},Peserta {i:D5},peserta{i}@contoh.id,1990-05-15,F-BENCH-01,2\n");
        await ImportAsync(run, "applicants", csv.ToString(), ct);
        await run.BaselineAsync(ct);

        await run.ForEachAsync(Enumerable.Range(0, run.N), (i, token) => new ValueTask(run.PostAsync(run.Admin, "/api/instances", new
        {
            definitionKey = "penerbitan-sk", businessKey = $"25-{i:D5}",
            variables = new { registrationNumber = $"25-{i:D5}", nik = $"6402011{i:D9}", name = $"Peserta {i:D5}", email = $"peserta{i}@contoh.id" },
        }, token)), ct);
        await WaitAsync(run.Db, "SELECT count(*) FROM pppk.user_tasks WHERE element_id = 'drh' AND state = 'open'", run.N, ct);
        var ppk = await Scale.ScaleBenchmark.SignInAsync(run.Host.Url!, "ppk.bench", PpkPassword, ct);
        return async () =>
        {
            using (ppk)
            {
                await run.CompleteAllAsync(run.Admin, "drh", new { drhReceivedDate = "2025-01-10" }, ct);
                await run.ForEachAsync(Enumerable.Range(0, run.N), (i, token) => new ValueTask(run.PostAsync(run.Admin, "/api/messages",
                    new { name = "ni-terbit", correlationKey = $"6402011{i:D9}", variables = new { niPppk = $"19900515202521{i:D4}" }, timeToLiveSeconds = 3600 }, token)), ct);
                await run.CompleteAllAsync(run.Admin, "perjanjian", new { tmt = "2025-03-01", termYears = 1 }, ct);
                await run.CompleteAllAsync(ppk, "tanda_tangan", new { skSigned = true }, ct);
                await run.CompleteAllAsync(run.Admin, "spmt", new { spmtDate = "2025-03-03" }, ct);
            }
        };
    }

    /// <summary>
    /// perpanjangan-kontrak: N employees whose contracts end in 20 days (inside every reminder's lead, so no reminder timer
    /// waits), rated Baik, with the unit's budget and the region's fiscal figures imported; the daily monitor
    /// (<c>pemantauan-kontrak</c>) starts one renewal per contract; the unit head confirms the need, the fiscal check passes,
    /// the PPK renews for two years, and the renewal's SK is generated and emailed.
    /// </summary>
    private static async Task<Func<Task>> RenewalsAsync(Run run, CancellationToken ct)
    {
        await run.PostAsync(run.Admin, "/api/users", new { userName = "kepala.bench", password = HeadPassword, fullName = "Kepala Dinas", unitCode = "DINKES", roles = new[] { "unit-head" } }, ct);
        await run.PostAsync(run.Admin, "/api/users", new { userName = "ppk.bench", password = PpkPassword, fullName = "PPK", email = "ppk@contoh.id", roles = new[] { "ppk" } }, ct);
        var end = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
        var tmt = end.AddYears(-1).AddDays(1);
        var (employees, evaluations) = (new StringBuilder("ni_pppk,nik,nama,email,kode_unit,jabatan,golongan,masa_kerja,penilai,tmt,akhir_kontrak,nomor_sk,tanggal_sk,tanggal_spmt\n"),
            new StringBuilder("nik,ni_pppk,tahun,periode,predikat,penilai,catatan\n"));
        for (var i = 0; i < run.N; i++)
        {
            employees.Append(CultureInfo.InvariantCulture, $"1990010120243{i:D5},64020133339{i:D5},Pegawai {i:D5},pegawai{i}@contoh.id,DINKES,Perawat,VII,2,kepala.bench,")
                .Append(CultureInfo.InvariantCulture, $"{tmt:yyyy-MM-dd},{end:yyyy-MM-dd},800/{i}/2025,{tmt:yyyy-MM-dd},{tmt:yyyy-MM-dd}\n");
            evaluations.Append(CultureInfo.InvariantCulture, $"64020133339{i:D5},,{tmt.Year},tahunan,Baik,kepala.bench,\n");
        }
        var fiscalYear = end.AddDays(1).Year;
        await ImportAsync(run, "employees", employees.ToString(), ct);
        await ImportAsync(run, "evaluations", evaluations.ToString(), ct);
        await ImportAsync(run, "budgets", $"kode_unit,tahun_anggaran,pagu_belanja_pegawai,terpakai\nDINKES,{fiscalYear},2000000000000,0\n", ct);
        await ImportAsync(run, "fiscal-settings", $"tahun_anggaran,apbd,belanja_pegawai,batas_persen\n{fiscalYear},50000000000000,1200000000000,30\n", ct);
        await run.BaselineAsync(ct);

        await run.Host.Services.GetRequiredService<InstanceService>().StartByTimerAsync("pemantauan-kontrak", "harian", ct);
        await WaitAsync(run.Db, "SELECT count(*) FROM pppk.user_tasks WHERE element_id = 'kebutuhan' AND state = 'open'", run.N, ct);
        var head = await Scale.ScaleBenchmark.SignInAsync(run.Host.Url!, "kepala.bench", HeadPassword, ct);
        var ppk = await Scale.ScaleBenchmark.SignInAsync(run.Host.Url!, "ppk.bench", PpkPassword, ct);
        return async () =>
        {
            using (head)
            using (ppk)
            {
                await run.CompleteAllAsync(head, "kebutuhan", new { stillNeeded = true }, ct);
                await run.CompleteAllAsync(ppk, "keputusan_ppk", new { renew = true, termYears = 2 }, ct);
            }
        };
    }

    private static async Task ImportAsync(Run run, string kind, string csv, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using var import = await run.Admin.PostAsync($"/api/imports/{kind}", new StringContent(csv, Encoding.UTF8, "text/csv"), ct);
        if (!import.IsSuccessStatusCode) throw new InvalidOperationException($"import {kind}: {(int)import.StatusCode} {await import.Content.ReadAsStringAsync(ct)}");
        Console.WriteLine($"{kind} imported in {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Bytes of every table of the database (pppk's unprefixed, Hangfire's as <c>hangfire.…</c>; a partitioned table with its partitions), with its indexes and TOAST.</summary>
    private static async Task<Dictionary<string, long>> SizesAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var sizes = db.CreateCommand("""
            SELECT CASE s.nspname WHEN 'pppk' THEN '' ELSE s.nspname || '.' END || coalesce(p.relname, c.relname) AS name,
                   sum(pg_total_relation_size(c.oid))
            FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace AND s.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
            LEFT JOIN pg_inherits i ON i.inhrelid = c.oid LEFT JOIN pg_class p ON p.oid = i.inhparent AND p.relkind = 'p'
            WHERE c.relkind = 'r' GROUP BY 1
            """);
        var bytes = new Dictionary<string, long>();
        await using var r = await sizes.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) bytes[r.GetString(0)] = (long)r.GetDecimal(1);
        return bytes;
    }

    /// <summary>Each table's growth since <paramref name="before"/> over <paramref name="n"/> cases, largest first (tables that grew less than 50 bytes a case summed in the total only).</summary>
    private static void Report(Dictionary<string, long> before, Dictionary<string, long> after, int n, string title)
    {
        Console.WriteLine($"-- {title}: bytes per case (N = {n:N0}, growth since the import, after VACUUM FULL)");
        var growth = after.Select(t => (Table: t.Key, Bytes: t.Value - before.GetValueOrDefault(t.Key))).OrderByDescending(t => t.Bytes).ToList();
        foreach (var (table, bytes) in growth.Where(t => t.Bytes / n >= 50))
            Console.WriteLine($"   {table,-32} {bytes / n,10:N0}");
        Console.WriteLine($"   {"all tables",-32} {growth.Sum(t => t.Bytes) / n,10:N0}");
    }

    private static async Task WaitAsync(NpgsqlDataSource db, string count, int expected, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(30);
        while (true)
        {
            await using var command = db.CreateCommand(count);
            var seen = (long)(await command.ExecuteScalarAsync(ct))!;
            if (seen >= expected) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{seen} of {expected}: {count}");
            await Task.Delay(500, ct);
        }
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql, CancellationToken ct)
    {
        await using var command = db.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }
}
