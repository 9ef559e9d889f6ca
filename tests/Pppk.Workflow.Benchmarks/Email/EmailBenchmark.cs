using System.Diagnostics;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Notifications;
using Pppk.Workflow.Notifications.Database;
using Pppk.Workflow.Notifications.Delivery;
using Pppk.Workflow.Runtime.Database;

namespace Pppk.Workflow.Benchmarks.Email;

/// <summary>
/// Emails per second through the real sender (claim from PostgreSQL, MailKit send, mark sent) to the loopback SMTP
/// server: one connection for the whole drain versus one connection per email, in one run.
/// </summary>
public sealed class EmailBenchmark : IBenchmark
{
    public string Name => "email";

    public string Description => "email delivery: emails/s with SMTP connection reuse vs one connection per email (args: [emails=2000] [greetingMs=0]: a per-connection delay standing for network and TLS set-up)";

    public async Task RunAsync(string[] args, CancellationToken ct)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2000;
        var greeting = TimeSpan.FromMilliseconds(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0);
        var (connectionString, stop) = await DatabaseAsync(ct);
        try
        {
            await using var db = new NpgsqlDataSourceBuilder(connectionString).Build();
            await using (var context = new NotificationsDbContext(new DbContextOptionsBuilder<NotificationsDbContext>()
                             .UseNpgsql(db, o => o.MigrationsHistoryTable(NotificationsDbContext.MigrationsHistoryTable, NotificationsDbContext.Schema))
                             .UseSnakeCaseNamingConvention().Options))
                await context.Database.MigrateAsync(ct);
            await using var smtp = LoopbackSmtpServer.Start();
            smtp.GreetingDelay = greeting;
            Console.WriteLine($"loopback SMTP server, greeting delay {greeting.TotalMilliseconds} ms, {Environment.ProcessorCount} cores");
            Console.WriteLine($"{"mode",-22} {"emails",7} {"seconds",8} {"emails/s",9} {"connections",12}");
            // A short warm-up (JIT, pools), then each mode once.
            await RunModeAsync(db, smtp, "warm-up", 100, 0, ct, print: false);
            var reuse = await RunModeAsync(db, smtp, "reuse (1 connection)", count, 0, ct);
            var single = await RunModeAsync(db, smtp, "one connection/email", count, 1, ct);
            Console.WriteLine($"connection reuse is {reuse / single:0.0}x the rate of one connection per email");
        }
        finally
        {
            await stop();
        }
    }

    private static async Task<double> RunModeAsync(NpgsqlDataSource db, LoopbackSmtpServer smtp, string mode, int count, int perConnection, CancellationToken ct, bool print = true)
    {
        await using (var truncate = db.CreateCommand("TRUNCATE pppk.emails")) await truncate.ExecuteNonQueryAsync(ct);
        var queue = new EmailQueue(new MessageIds("bench.pppk.local"));
        for (var i = 0; i < count; i += 500)
            await queue.QueueAsync(db, [.. Enumerable.Range(i, Math.Min(500, count - i)).Select(n =>
                new OutgoingEmail("bench", [$"pegawai{n}@contoh.id"], [], $"Pengingat tugas {n}", $"<p>Tugas nomor {n} menunggu.</p>", $"Tugas nomor {n} menunggu."))], ct);
        var options = Options.Create(new EmailOptions
        {
            Host = "127.0.0.1", Port = smtp.Port, TlsMode = "None", BatchSize = 200, MaxMessagesPerConnection = perConnection, Timeout = TimeSpan.FromSeconds(30),
        });
        var sender = new EmailSender(db, options, new EmailTransportFactory(options, Path.GetTempPath()), new NoJobs(), TimeProvider.System, NullLogger<EmailSender>.Instance);
        var (before, connectionsBefore) = (smtp.Count, smtp.Connections);
        var watch = Stopwatch.StartNew();
        var sent = await sender.DrainAsync(ct);
        watch.Stop();
        if (sent != count || smtp.Count - before != count) throw new InvalidOperationException($"{mode}: sent {sent}, server got {smtp.Count - before} of {count}");
        var rate = count / watch.Elapsed.TotalSeconds;
        if (print)
            Console.WriteLine($"{mode,-22} {count,7} {watch.Elapsed.TotalSeconds,8:0.00} {rate,9:0} {smtp.Connections - connectionsBefore,12}");
        return rate;
    }

    /// <summary>PPPK_TEST_CONNECTION's server, or a private cluster from the machine's PostgreSQL binaries.</summary>
    private static async Task<(string, Func<Task>)> DatabaseAsync(CancellationToken ct)
    {
        var name = $"email_bench_{Guid.NewGuid():N}"[..24];
        Func<string, string> connect;
        Func<Task> stopCluster = () => Task.CompletedTask;
        if (Environment.GetEnvironmentVariable("PPPK_TEST_CONNECTION") is { Length: > 0 } external)
            connect = d => new NpgsqlConnectionStringBuilder(external) { Database = d }.ConnectionString;
        else
        {
            var root = Path.Combine(Path.GetTempPath(), $"pppk-email-bench-{Environment.ProcessId}");
            var pg = await EmbeddedPostgres.StartAsync(root, new DatabaseOptions(), NullLogger.Instance, ct);
            connect = pg.ConnectionString;
            stopCluster = async () =>
            {
                await pg.StopAsync();
                try { Directory.Delete(root, recursive: true); } catch (IOException) { }
            };
        }
        await using (var admin = new NpgsqlConnection(connect("postgres")))
        {
            await admin.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync(ct);
        }
        return (connect(name), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using (var admin = new NpgsqlConnection(connect("postgres")))
            {
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
            await stopCluster();
        });
    }

    /// <summary>The drain schedules follow-up jobs only for retries; the benchmark has none.</summary>
    private sealed class NoJobs : IBackgroundJobClient
    {
        public string Create(Job job, IState state) => "none";

        public bool ChangeState(string jobId, IState state, string expectedState) => false;
    }
}
