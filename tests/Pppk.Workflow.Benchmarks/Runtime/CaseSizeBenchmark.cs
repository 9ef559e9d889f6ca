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
/// its timer (<c>siklus-evaluasi</c>), every evaluator task completed through <c>/api/tasks/bulk</c>, the cases run to
/// their end; then <c>pg_total_relation_size</c> of each table (a partitioned table: its partitions) over N, before and
/// after the finished cases' state is pruned (<c>Runtime:StateRetention</c>, then <c>VACUUM FULL</c> to see the space given back).
/// </summary>
public sealed class CaseSizeBenchmark : IBenchmark
{
    public string Name => "case-size";

    public string Description => "bytes per finished evaluasi-kinerja case by table, before and after state pruning (args: n=2000)";

    public async Task RunAsync(string[] args, CancellationToken ct)
    {
        var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var n = int.Parse(options.GetValueOrDefault("n", "2000"), CultureInfo.InvariantCulture);
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

        watch.Restart();
        await host.Services.GetRequiredService<InstanceService>().StartByTimerAsync("siklus-evaluasi", "triwulan", ct);
        await WaitAsync(db, "SELECT count(*) FROM pppk.user_tasks WHERE element_id = 'nilai' AND state = 'open'", n, ct);
        Console.WriteLine($"cycle started {n:N0} evaluations in {watch.Elapsed.TotalSeconds:F1} s");
        await SizesAsync(db, n, "open (each case a task and two timers)", ct);

        watch.Restart();
        var ids = new List<Guid>();
        await using (var open = db.CreateCommand("SELECT id FROM pppk.user_tasks WHERE element_id = 'nilai' AND state = 'open'"))
        await using (var r = await open.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) ids.Add(r.GetGuid(0));
        foreach (var chunk in ids.Chunk(100))
            (await admin.PostAsJsonAsync("/api/tasks/bulk", new { action = "complete", taskIds = chunk, variables = new { predicate = "Baik", evaluationNotes = "Target SKP tercapai" } }, ct))
                .EnsureSuccessStatusCode();
        await WaitAsync(db, "SELECT count(*) FROM pppk.instances WHERE definition_key = 'evaluasi-kinerja' AND status = 'completed'", n, ct);
        Console.WriteLine($"{n:N0} cases completed in {watch.Elapsed.TotalSeconds:F1} s");
        await ExecuteAsync(db, "VACUUM ANALYZE", ct);
        await SizesAsync(db, n, "finished, state kept (the first Runtime:StateRetention days)", ct);

        // What housekeeping does once the retention has passed (InstanceTable.PruneState), for these cases now.
        await ExecuteAsync(db, "UPDATE pppk.instances SET state = NULL WHERE ended_at IS NOT NULL AND state IS NOT NULL", ct);
        await ExecuteAsync(db, "VACUUM FULL ANALYZE", ct);
        await SizesAsync(db, n, "finished, state pruned (after VACUUM FULL)", ct);
    }

    /// <summary>Bytes per case of every table of the schema with data (a partitioned table with its partitions), largest first.</summary>
    private static async Task SizesAsync(NpgsqlDataSource db, int n, string title, CancellationToken ct)
    {
        await using var sizes = db.CreateCommand("""
            SELECT coalesce(p.relname, c.relname) AS name, sum(pg_total_relation_size(c.oid))
            FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace AND s.nspname = 'pppk'
            LEFT JOIN pg_inherits i ON i.inhrelid = c.oid LEFT JOIN pg_class p ON p.oid = i.inhparent AND p.relkind = 'p'
            WHERE c.relkind = 'r' GROUP BY 1 ORDER BY 2 DESC
            """);
        Console.WriteLine($"-- {title}: bytes per case (N = {n:N0})");
        long total = 0;
        await using var r = await sizes.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var bytes = (long)r.GetDecimal(1);
            total += bytes;
            if (bytes / n >= 50) Console.WriteLine($"   {r.GetString(0),-32} {bytes / n,10:N0}");
        }
        Console.WriteLine($"   {"all tables of pppk",-32} {total / n,10:N0}");
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
