using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Pppk.Workflow.Domain.Seeding;
using Pppk.Workflow.Host;
using Pppk.Workflow.Runtime.Database;

namespace Pppk.Workflow.Benchmarks.Domain;

/// <summary>
/// Scale figures on a Kukar-size dataset: generates it, imports the four portal files through the importer into a
/// private embedded PostgreSQL (the host's own services, migrated), imports them again (every row an update), then runs
/// the <see cref="AfterImport"/> steps, and reports each step's time and the database size.
/// </summary>
public sealed class KukarBenchmark : IBenchmark
{
    public string Name => "kukar";

    public string Description => "Kukar-size dataset (600 formations, 6,766 applicants, 5,143 employees): import times and database size (args: [seed=2024] [--scale=1] [--keep])";

    /// <summary>A timed step on the loaded dataset; answers the number of items it handled.</summary>
    public sealed record ScaleStep(string Name, Func<IServiceProvider, KukarDataset, CancellationToken, Task<int>> RunAsync);

    /// <summary>
    /// Steps run after the import, in order: the place for the workflow figures (rank every formation, start the renewal
    /// of every contract ending within the lead time) once their handlers exist. Each gets the host's services on the loaded database.
    /// </summary>
    public static readonly List<ScaleStep> AfterImport = [KukarWorkflowSteps.RankEveryFormation, KukarWorkflowSteps.StartRenewals];

    public async Task RunAsync(string[] args, CancellationToken ct)
    {
        var seed = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(2024);
        var keep = args.Contains("--keep");
        // --scale=N multiplies formations, quota, applicants and employees (same 59 units), to see how the import grows.
        var scale = args.Where(a => a.StartsWith("--scale=", StringComparison.Ordinal)).Select(a => int.Parse(a["--scale=".Length..], CultureInfo.InvariantCulture)).FirstOrDefault(1);
        var root = Path.Combine(Path.GetTempPath(), $"pppk-kukar-{Environment.ProcessId}");
        var pg = await EmbeddedPostgres.StartAsync(root, new DatabaseOptions { DatabaseName = "kukar" }, NullLogger.Instance, ct);
        try
        {
            await using var services = await PppkHost.StartServicesAsync([], new Dictionary<string, string?>
            {
                ["ConnectionStrings:Pppk"] = pg.ConnectionString("kukar"),
                ["Serilog:MinimumLevel:Default"] = "Warning",
                // EF logs the probe of the not-yet-created history table as an error on a fresh database.
                ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Fatal",
                ["Serilog:WriteTo:1:Args:path"] = Path.Combine(root, "logs", "kukar-.log"),
                // A scaled dataset's files outgrow the rows one upload may hold (Limits:Imports, 100,000 by default).
                ["Limits:Imports:MaxRows"] = (100_000 * Math.Max(scale, 1)).ToString(CultureInfo.InvariantCulture),
            }, ct: ct);
            var watch = Stopwatch.StartNew();
            var salaries = SalaryScale.Load();
            var kukar = new KukarDatasetOptions { Seed = seed, ReferenceDate = DateOnly.FromDateTime(DateTime.UtcNow) };
            var dataset = KukarDataset.Generate(kukar with
            {
                Formations = kukar.Formations * scale, Quota = kukar.Quota * scale, Applicants = kukar.Applicants * scale, Employees = kukar.Employees * scale,
            }, salaries);
            Console.WriteLine($"generated in {watch.ElapsedMilliseconds} ms: {dataset.Units.Count} units, {dataset.Formations.Count} formations (quota {dataset.Formations.Sum(f => f.Quota)}), " +
                              $"{dataset.Applicants.Count} applicants, {dataset.Employees.Count} employees, {dataset.Evaluations.Count} evaluations");
            var files = await DatasetCsv.WriteFilesAsync(dataset, Path.Combine(root, "csv"), ct);
            Console.WriteLine($"CSV files: {string.Join(", ", files.Select(f => $"{Path.GetFileName(f)} {new FileInfo(f).Length / 1024} KiB"))}");

            var loader = services.Services.GetRequiredService<DatasetLoader>();
            Report("first import (inserts)", await loader.LoadAsync(dataset, salaries, ct));
            Report("second import (updates)", await loader.LoadAsync(dataset, salaries, ct));

            foreach (var step in AfterImport)
            {
                var stepWatch = Stopwatch.StartNew();
                var count = await step.RunAsync(services.Services, dataset, ct);
                Console.WriteLine($"  {step.Name,-30} {count,7} in {stepWatch.Elapsed.TotalSeconds,6:0.00} s ({count / Math.Max(stepWatch.Elapsed.TotalSeconds, 0.001):0}/s)");
            }
            await ReportSizeAsync(pg.ConnectionString("kukar"), ct);
            await ReportApiAsync(pg.ConnectionString("kukar"), root, dataset, ct);
        }
        finally
        {
            await pg.StopAsync();
            if (!keep)
            {
                try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
            else Console.WriteLine($"kept {root}");
        }
    }

    private static void Report(string title, IReadOnlyList<LoadStep> steps)
    {
        Console.WriteLine(title);
        foreach (var s in steps)
            Console.WriteLine($"  {s.Name,-18} {s.Rows,7} rows {s.Inserted,7} new {s.Updated,7} updated in {s.Elapsed.TotalSeconds,6:0.00} s ({s.Rows / Math.Max(s.Elapsed.TotalSeconds, 0.001),8:0} rows/s)");
        Console.WriteLine($"  {"total",-18} {steps.Sum(s => s.Rows),7} rows in {steps.Sum(s => s.Elapsed.TotalSeconds),6:0.00} s");
    }

    /// <summary>Latency of the screens' list endpoints on the loaded data, through a web-only host on the same database.</summary>
    private static async Task ReportApiAsync(string connectionString, string root, KukarDataset dataset, CancellationToken ct)
    {
        var key = $"kukar-{Guid.NewGuid():N}";
        await using var web = await PppkHost.StartAsync([], new Dictionary<string, string?>
        {
            ["ConnectionStrings:Pppk"] = connectionString,
            ["Host:Roles"] = "web",
            ["Urls"] = "http://127.0.0.1:0",
            ["Auth:BootstrapApiKey"] = key,
            ["Auth:Admin:Password"] = $"Kukar-{Guid.NewGuid():N}",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Fatal",
            ["Serilog:MinimumLevel:Override:Hangfire"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Warning",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(root, "logs", "kukar-web-.log"),
        }, ct: ct);
        using var client = new HttpClient { BaseAddress = web.Url };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var formation = dataset.Formations.MaxBy(f => f.Quota)!.Code;
        string[] urls =
        [
            "/api/formations?page=1&pageSize=50", "/api/formations?page=5&pageSize=50&type=teknis", $"/api/formations/{formation}/applicants?pageSize=500",
            $"/api/formations/{formation}/ranking", $"/api/applicants/{dataset.Applicants[0].RegistrationNumber}", "/api/employees?search=ahmad&pageSize=50",
            "/api/employees?unitCode=DISDIKBUD&page=3&pageSize=50", "/api/employees/42", "/api/renewals?months=6&pageSize=50", "/api/renewals?months=18&pageSize=500",
            "/api/budgets?pageSize=100",
        ];
        Console.WriteLine("API latency (web host on the loaded database; 3 warm-up, 20 timed requests each)");
        foreach (var url in urls)
        {
            for (var i = 0; i < 3; i++) (await client.GetAsync(url, ct)).EnsureSuccessStatusCode();
            var times = new List<double>();
            long bytes = 0;
            for (var i = 0; i < 20; i++)
            {
                var watch = Stopwatch.StartNew();
                var body = await client.GetByteArrayAsync(url, ct);
                times.Add(watch.Elapsed.TotalMilliseconds);
                bytes = body.Length;
            }
            times.Sort();
            Console.WriteLine($"  {url,-62} median {times[10],6:0.0} ms  p95 {times[18],6:0.0} ms  {bytes / 1024,5} KiB");
        }
    }

    private static async Task ReportSizeAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection)) await vacuum.ExecuteNonQueryAsync(ct);
        await using var size = new NpgsqlCommand("""
            SELECT pg_database_size(current_database()), pg_size_pretty(pg_database_size(current_database())),
                   (SELECT string_agg(t, ', ') FROM (SELECT relname || ' ' || pg_size_pretty(pg_total_relation_size(c.oid)) AS t
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'pppk' AND c.relkind = 'r'
                    ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 6) x)
            """, connection);
        await using var reader = await size.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        Console.WriteLine($"database size: {reader.GetString(1)} ({reader.GetInt64(0)} bytes); largest pppk tables: {reader.GetString(2)}");
    }
}
