using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Benchmarks.Runtime;

/// <summary>
/// The database's bytes per finished <c>evaluasi-kinerja</c> case: N employees imported, the evaluation cycle started by
/// its timer (<c>siklus-evaluasi</c>), every evaluator task completed by the evaluator (signed in) through <c>POST /api/tasks/{id}/complete</c>, the
/// cases run to their end; then the growth of <c>pg_total_relation_size</c> of each table (a partitioned table: its
/// partitions) since the import, over N, after <c>VACUUM FULL</c> (no dead rows counted), before and after the finished
/// cases' state is pruned (<c>Runtime:StateRetention</c>).
/// The evaluator task is not marked <c>bulkComplete</c>, so <c>/api/tasks/bulk</c> refuses each one (403 per item in a
/// 200 answer): driving it that way, the cases never finished (issue 21's first run). Every completion is checked now.
/// </summary>
public sealed class CaseSizeBenchmark : IBenchmark
{
    public string Name => "case-size";

    public string Description => "bytes per finished evaluasi-kinerja case by table, before and after state pruning (args: n=2000 parallel=4)";

    public async Task RunAsync(string[] args, CancellationToken ct)
    {
        var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var n = int.Parse(options.GetValueOrDefault("n", "2000"), CultureInfo.InvariantCulture);
        var parallel = int.Parse(options.GetValueOrDefault("parallel", "4"), CultureInfo.InvariantCulture);
        var cs = await TestCluster.CreateDatabaseAsync("benchsize");
        await using var host = await BenchmarkHost.StartAsync(cs, [], "bench-case-size-.log", ct);
        using var admin = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromMinutes(10) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", BenchmarkHost.BootstrapKey);
        admin.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        await using var db = NpgsqlDataSource.Create(cs);
        await ExecuteAsync(db, "INSERT INTO pppk.units (code, name) VALUES ('DINKES', 'Dinas Kesehatan') ON CONFLICT DO NOTHING", ct);
        (await admin.PostAsJsonAsync("/api/users", new { userName = "penilai.bench", password = "Bench-Penilai-2026!", fullName = "Penilai", unitCode = "DINKES", roles = new[] { "evaluator" } }, ct))
            .EnsureSuccessStatusCode();

        var watch = Stopwatch.StartNew();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var csv = new StringBuilder("ni_pppk,nik,nama,email,kode_unit,jabatan,golongan,masa_kerja,penilai,tmt,akhir_kontrak,nomor_sk,tanggal_sk,tanggal_spmt\n");
        for (var i = 0; i < n; i++)
            csv.Append(CultureInfo.InvariantCulture, $"1990010120242{i:D5},64020122229{i:D5},Pegawai {i:D5},pegawai{i}@contoh.id,DINKES,Perawat,VII,1,penilai.bench,")
                .Append(CultureInfo.InvariantCulture, $"{today.AddMonths(-6):yyyy-MM-dd},{today.AddMonths(18):yyyy-MM-dd},800/{i}/2025,{today.AddMonths(-6):yyyy-MM-dd},{today.AddMonths(-6):yyyy-MM-dd}\n");
        var import = await admin.PostAsync("/api/imports/employees", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), ct);
        if (!import.IsSuccessStatusCode) throw new InvalidOperationException($"import: {(int)import.StatusCode} {await import.Content.ReadAsStringAsync(ct)}");
        Console.WriteLine($"{n:N0} employees imported in {watch.Elapsed.TotalSeconds:F1} s");

        await ExecuteAsync(db, "VACUUM FULL ANALYZE", ct);
        var imported = await SizesAsync(db, ct);

        watch.Restart();
        await host.Services.GetRequiredService<InstanceService>().StartByTimerAsync("siklus-evaluasi", "triwulan", ct);
        await WaitAsync(db, "SELECT count(*) FROM pppk.user_tasks WHERE element_id = 'nilai' AND state = 'open'", n, ct);
        Console.WriteLine($"cycle started {n:N0} evaluations in {watch.Elapsed.TotalSeconds:F1} s");
        await ExecuteAsync(db, "VACUUM FULL ANALYZE", ct);
        Report(imported, await SizesAsync(db, ct), n, "open (each case a task and two timers)");

        watch.Restart();
        using var evaluator = await Scale.ScaleBenchmark.SignInAsync(host.Url!, "penilai.bench", "Bench-Penilai-2026!", ct);
        var ids = new List<Guid>();
        await using (var open = db.CreateCommand("SELECT id FROM pppk.user_tasks WHERE element_id = 'nilai' AND state = 'open'"))
        await using (var r = await open.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) ids.Add(r.GetGuid(0));
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (id, token) =>
        {
            using var done = await evaluator.PostAsJsonAsync($"/api/tasks/{id}/complete",
                new { variables = new { predicate = "Baik", evaluationNotes = "Target SKP tercapai" } }, token);
            if (!done.IsSuccessStatusCode)
                throw new InvalidOperationException($"completing task {id}: {(int)done.StatusCode} {await done.Content.ReadAsStringAsync(token)}");
        });
        Console.WriteLine($"{n:N0} evaluator tasks completed in {watch.Elapsed.TotalSeconds:F1} s");
        await WaitAsync(db, "SELECT count(*) FROM pppk.instances WHERE definition_key = 'evaluasi-kinerja' AND status = 'completed'", n, ct);
        Console.WriteLine($"{n:N0} cases completed in {watch.Elapsed.TotalSeconds:F1} s");
        await ExecuteAsync(db, "VACUUM FULL ANALYZE", ct);
        Report(imported, await SizesAsync(db, ct), n, "finished, state kept (the first Runtime:StateRetention days)");

        // What housekeeping does once the retention has passed (InstanceTable.PruneState), for these cases now.
        await ExecuteAsync(db, "UPDATE pppk.instances SET state = NULL WHERE ended_at IS NOT NULL AND state IS NOT NULL", ct);
        await ExecuteAsync(db, "VACUUM FULL ANALYZE", ct);
        Report(imported, await SizesAsync(db, ct), n, "finished, state pruned");
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
