using Hangfire;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Domain.Imports;
using Pppk.Workflow.Domain.Seeding;
using Pppk.Workflow.Host.Auth;

namespace Pppk.Workflow.Host.Commands;

/// <summary>
/// Commands run instead of the host: <c>import &lt;kind&gt; FILE.csv</c> and <c>seed demo</c>. They use the host's database
/// (configured or embedded), migrate it, do their work, print a summary and exit 0 (done) or 1 (refused or failed).
/// Further arguments are configuration, as for the host (<c>--ConnectionStrings:Pppk=...</c>, <c>--Seed:RandomSeed=7</c>).
/// </summary>
public static class HostCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "import" or "seed";

    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct = default) => args[0] switch
    {
        "import" => ImportAsync(args, output, ct),
        _ => SeedAsync(args, output, ct),
    };

    private static async Task<int> ImportAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        if (args.Length < 3 || !ImportKinds.IsKnown(args[1]))
        {
            await output.WriteLineAsync($"usage: import <{string.Join("|", ImportKinds.All)}> FILE.csv");
            return 1;
        }
        var (kind, file) = (args[1], args[2]);
        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"File not found: {Path.GetFullPath(file)}");
            return 1;
        }
        var csv = await File.ReadAllBytesAsync(file, ct);
        await using var services = await PppkHost.StartServicesAsync(args[3..], ct: ct);
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        var outcome = await services.Services.GetRequiredService<CsvImporter>().ImportAsync(kind, csv, ct);
        if (!outcome.Succeeded)
        {
            await output.WriteLineAsync($"{Path.GetFileName(file)}: {outcome.ErrorCount} problem(s); nothing was imported.");
            foreach (var e in outcome.Errors)
                await output.WriteLineAsync($"  row {e.Row}, column {(e.Column.Length > 0 ? e.Column : "-")}: {e.Message}");
            return 1;
        }
        var r = outcome.Result!;
        await output.WriteLineAsync($"Imported {r.Rows} {r.Kind} from {Path.GetFileName(file)}: {r.Inserted} new, {r.Updated} updated.");
        if (kind == "scores")
        {
            // A worker (the running host) tells the applicants' instances and starts the complete formations' rankings.
            services.Services.GetRequiredService<IBackgroundJobClient>()
                .Enqueue<Pppk.Workflow.Domain.Selection.ScoreNotifications>(n => n.PublishAsync(started, CancellationToken.None));
            await output.WriteLineAsync("The applicants' workflows are told by the running host's worker.");
        }
        return 0;
    }

    private static async Task<int> SeedAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        if (args.Length >= 3 && args[1] == "csv")
            return await WriteCsvAsync(args[2], args[3..], output, ct);
        if (args.Length < 2 || args[1] != "demo")
        {
            await output.WriteLineAsync("usage: seed demo [--Seed:RandomSeed=N] [--Seed:DemoPassword=...]   (fills an empty database)");
            await output.WriteLineAsync("       seed csv DIRECTORY [--Seed:RandomSeed=N]                      (writes the four import files only)");
            return 1;
        }
        var configArgs = args[2..];
        await using var services = await PppkHost.StartServicesAsync(configArgs, configureServices: s =>
        {
            var auth = new AuthOptions();
            s.AddPppkAuth(auth);
            s.AddScoped<AdminSeeder>();
            s.AddScoped<DemoSeed>();
        }, ct: ct);
        await using var scope = services.Services.CreateAsyncScope();
        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        var options = configuration.GetSection(DemoSeedOptions.Section).Get<DemoSeedOptions>() ?? new DemoSeedOptions();
        var admin = scope.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.Admin;
        await scope.ServiceProvider.GetRequiredService<AdminSeeder>().SeedAsync(admin, HostPaths.FindHome(), ct);
        var summary = await scope.ServiceProvider.GetRequiredService<DemoSeed>().RunAsync(options, HostPaths.FindHome(), ct);
        foreach (var line in summary) await output.WriteLineAsync(line);
        return 0;
    }

    /// <summary>The dataset's four portal files, for trying the imports by hand; no database is touched.</summary>
    private static async Task<int> WriteCsvAsync(string directory, string[] configArgs, TextWriter output, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(configArgs).Build();
        var options = configuration.GetSection(DemoSeedOptions.Section).Get<DemoSeedOptions>() ?? new DemoSeedOptions();
        var dataset = KukarDataset.Generate(new KukarDatasetOptions
        {
            Seed = options.RandomSeed,
            ReferenceDate = options.ReferenceDate ?? DateOnly.FromDateTime(DateTime.UtcNow),
        }, SalaryScale.Load(Path.Combine(HostPaths.FindHome(), "workflows", "data", SalaryScale.FileName)));
        foreach (var path in await DatasetCsv.WriteFilesAsync(dataset, directory, ct))
            await output.WriteLineAsync($"wrote {path} ({new FileInfo(path).Length / 1024} KiB)");
        await output.WriteLineAsync("Import them in this order (units are created by the formations file): formations, applicants, scores, employees.");
        return 0;
    }
}
