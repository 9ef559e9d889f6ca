using Hangfire;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Host.Auth;
using Pppk.Workflow.Host.Health;
using Pppk.Workflow.Host.Jobs;
using Pppk.Workflow.Host.Users;
using Pppk.Workflow.Runtime;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Jobs;
using Pppk.Workflow.Runtime.Users;
using Serilog;
using Serilog.Extensions.Logging;

namespace Pppk.Workflow.Host;

/// <summary>
/// Builds and starts the one process of Pppk.Workflow: a worker (Hangfire server), a web server (API, UI, dashboard),
/// or both, on the configured database or on the embedded PostgreSQL cluster it starts itself.
/// </summary>
public static class PppkHost
{
    public static async Task<RunningHost> StartAsync(string[] args, IReadOnlyDictionary<string, string?>? overrides = null, CancellationToken ct = default)
    {
        var home = HostPaths.FindHome();
        var configuration = LoadConfiguration(home, args, overrides);
        var roles = HostRoles.From(configuration);

        EmbeddedPostgres? embedded = null;
        var connectionString = configuration.GetConnectionString("Pppk");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dbOptions = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
            using var bootstrapLogs = new SerilogLoggerFactory(Log.Logger);
            embedded = await EmbeddedPostgres.StartAsync(HostPaths.Resolve(home, dbOptions.DataDirectory), dbOptions, bootstrapLogs.CreateLogger("Pppk.Workflow.EmbeddedPostgres"), ct);
            connectionString = embedded.ConnectionString(dbOptions.DatabaseName);
        }

        try
        {
            IHost host = roles.Web ? BuildWeb(home, args, overrides, roles, connectionString) : BuildWorker(home, args, overrides, roles, connectionString);
            await PrepareDatabaseAsync(host, roles, home, ct);
            await host.StartAsync(ct);
            var url = roles.Web ? host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() : null;
            var logger = host.Services.GetRequiredService<ILogger<RunningHost>>();
            if (url is not null)
                logger.LogInformation("Pppk.Workflow ({Role}) is serving on {Url}", roles, url);
            else
                logger.LogInformation("Pppk.Workflow ({Role}) is running", roles);
            return new RunningHost(host, roles, url is null ? null : new Uri(url), connectionString, embedded);
        }
        catch
        {
            if (embedded is not null) await embedded.StopAsync();
            throw;
        }
    }

    private static IConfiguration LoadConfiguration(string home, string[] args, IReadOnlyDictionary<string, string?>? overrides)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(home)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production"}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args);
        if (overrides is not null) builder.AddInMemoryCollection(overrides);
        return builder.Build();
    }

    private static IHost BuildWeb(string home, string[] args, IReadOnlyDictionary<string, string?>? overrides, HostRoles roles, string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = home, WebRootPath = Path.Combine(home, "src", "Pppk.Workflow.Host", "wwwroot") });
        Configure(builder, overrides, roles, connectionString);
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddPppkAuth(auth);
        builder.Services.AddProblemDetails();
        builder.Services.AddScoped<AdminSeeder>();

        var app = builder.Build();
        app.UseSerilogRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthApi(connectionString);
        app.MapLoginPage();
        app.MapAuthApi();
        app.MapUsersApi();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new HrAdminDashboardAuthorization()],
            DashboardTitle = "Pppk.Workflow - Jobs",
            AppPath = "/",
        }).RequireAuthorization(Roles.HrAdmin);
        app.MapGet("/", () => Results.Redirect("/hangfire")).RequireAuthorization();
        return app;
    }

    private static IHost BuildWorker(string home, string[] args, IReadOnlyDictionary<string, string?>? overrides, HostRoles roles, string connectionString)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = home });
        Configure(builder, overrides, roles, connectionString);
        return builder.Build();
    }

    /// <summary>What every role shares: configuration, Serilog, the database, Hangfire (a server only on workers).</summary>
    private static void Configure(IHostApplicationBuilder builder, IReadOnlyDictionary<string, string?>? overrides, HostRoles roles, string connectionString)
    {
        if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides);
        builder.Configuration["ConnectionStrings:Pppk"] = connectionString;

        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.WithMachineName()
            .Enrich.WithProperty("Role", roles.ToString()));

        var jobs = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = jobs.ShutdownTimeout + TimeSpan.FromSeconds(5));
        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section))
            .Validate(a => a.ApiKeys.All(k => k.Key.Length >= 16), "Auth:ApiKeys: every key needs a Key of at least 16 characters.")
            .Validate(a => a.ApiKeys.All(k => k.Roles.All(Roles.IsKnown)), $"Auth:ApiKeys: roles must be among {string.Join(", ", Roles.All)}.")
            .ValidateOnStart();
        builder.Services.AddPppkRuntime(connectionString);
        builder.Services.AddPppkHangfire(connectionString, jobs, runServer: roles.Worker);
    }

    private static async Task PrepareDatabaseAsync(IHost host, HostRoles roles, string home, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        if (roles.Web)
        {
            var auth = scope.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value;
            await scope.ServiceProvider.GetRequiredService<AdminSeeder>().SeedAsync(auth.Admin, home, ct);
        }
    }
}

/// <summary>A started host; disposing it stops the host, then the embedded PostgreSQL it started.</summary>
public sealed class RunningHost(IHost host, HostRoles roles, Uri? url, string connectionString, EmbeddedPostgres? embedded) : IAsyncDisposable
{
    public IHost Host { get; } = host;
    public HostRoles Roles { get; } = roles;
    public Uri? Url { get; } = url;
    public string ConnectionString { get; } = connectionString;
    public EmbeddedPostgres? EmbeddedPostgres { get; } = embedded;
    public IServiceProvider Services => Host.Services;

    public async ValueTask DisposeAsync()
    {
        try { await Host.StopAsync(); }
        finally
        {
            if (Host is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
            else Host.Dispose();
            if (EmbeddedPostgres is not null) await EmbeddedPostgres.StopAsync();
        }
    }
}
