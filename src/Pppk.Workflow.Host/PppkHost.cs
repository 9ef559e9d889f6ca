using Hangfire;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Auth;
using Pppk.Workflow.Host.AccessLog;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Host.Auth;
using Pppk.Workflow.Host.CaseNotes;
using Pppk.Workflow.Host.Dashboard;
using Pppk.Workflow.Host.Definitions;
using Pppk.Workflow.Host.Expressions;
using Pppk.Workflow.Host.Exports;
using Pppk.Workflow.Host.Incidents;
using Pppk.Workflow.Host.Inbox;
using Pppk.Workflow.Host.Instances;
using Pppk.Workflow.Host.Messages;
using Pppk.Workflow.Host.MyStatus;
using Pppk.Workflow.Host.OpenApi;
using Pppk.Workflow.Host.Operations;
using Pppk.Workflow.Host.Signals;
using Pppk.Workflow.Host.Substitutions;
using Pppk.Workflow.Host.Summary;
using Pppk.Workflow.Host.UserTasks;
using Pppk.Workflow.Domain;
using Pppk.Workflow.Domain.Api;
using Pppk.Workflow.Host.Health;
using Pppk.Workflow.Host.Jobs;
using Pppk.Workflow.Host.Metrics;
using Pppk.Workflow.Host.Logging;
using Pppk.Workflow.Host.Security;
using Pppk.Workflow.Host.Users;
using Pppk.Workflow.Notifications;
using Pppk.Workflow.Notifications.Api;
using Pppk.Workflow.Host.Web;
using Pppk.Workflow.Runtime;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Jobs;
using Pppk.Workflow.Runtime.UserTasks;
using Serilog;
using Serilog.Extensions.Logging;

namespace Pppk.Workflow.Host;

/// <summary>
/// Builds and starts the one process of Pppk.Workflow: a worker (Hangfire server), a web server (API, UI, dashboard),
/// or both, on the configured database or on the embedded PostgreSQL cluster it starts itself.
/// </summary>
public static class PppkHost
{
    /// <param name="configureServices">Extra registrations (tests add job handlers here).</param>
    public static async Task<RunningHost> StartAsync(string[] args, IReadOnlyDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? configureServices = null, CancellationToken ct = default)
    {
        var home = HostPaths.FindHome();
        var configuration = LoadConfiguration(home, args, overrides);
        var roles = HostRoles.From(configuration);

        var (connectionString, embedded) = await OpenDatabaseAsync(configuration, home, ct);
        try
        {
            var setup = new Setup(home, args, overrides, roles, connectionString, configureServices, embedded);
            IHost host = roles.Web ? BuildWeb(setup) : BuildWorker(setup);
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

    /// <summary>
    /// The host's services (configuration, logging, database, runtime, domain) on the same database as <see cref="StartAsync"/>
    /// and migrated, but with no web server, no worker and nothing started: for host commands (<c>import</c>, <c>seed</c>).
    /// </summary>
    public static async Task<RunningHost> StartServicesAsync(string[] args, IReadOnlyDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? configureServices = null, CancellationToken ct = default)
    {
        var home = HostPaths.FindHome();
        var configuration = LoadConfiguration(home, args, overrides);
        var (connectionString, embedded) = await OpenDatabaseAsync(configuration, home, ct);
        try
        {
            var none = new HostRoles(false, false);
            var host = BuildWorker(new Setup(home, args, overrides, none, connectionString, configureServices));
            await using (var scope = host.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            return new RunningHost(host, none, null, connectionString, embedded, started: false);
        }
        catch
        {
            if (embedded is not null) await embedded.StopAsync();
            throw;
        }
    }

    /// <summary>The configured database, or the embedded cluster started (or adopted) when none is configured.</summary>
    private static async Task<(string ConnectionString, EmbeddedPostgres? Embedded)> OpenDatabaseAsync(IConfiguration configuration, string home, CancellationToken ct)
    {
        var connectionString = configuration.GetConnectionString("Pppk");
        if (!string.IsNullOrWhiteSpace(connectionString)) return (connectionString, null);
        var dbOptions = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        using var bootstrapLogs = new SerilogLoggerFactory(Log.Logger);
        var embedded = await EmbeddedPostgres.StartAsync(HostPaths.Resolve(home, dbOptions.DataDirectory), dbOptions, bootstrapLogs.CreateLogger("Pppk.Workflow.EmbeddedPostgres"), ct);
        return (embedded.ConnectionString(dbOptions.DatabaseName), embedded);
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

    private sealed record Setup(string Home, string[] Args, IReadOnlyDictionary<string, string?>? Overrides, HostRoles Roles, string ConnectionString,
        Action<IServiceCollection>? ConfigureServices, EmbeddedPostgres? Embedded = null);

    private static IHost BuildWeb(Setup setup)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = setup.Args, ContentRootPath = setup.Home });
        Configure(builder, setup);
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddPppkAuth(auth);
        builder.Services.AddTrustedProxies(builder.Configuration);
        // Hangfire's dashboard posts its own forms: it guards them with ASP.NET Core antiforgery tokens when the service exists.
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "pppk.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SuppressXFrameOptionsHeader = true;
        });
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemLanguage.Localize);
        builder.Services.AddExceptionHandler<WorkflowExceptionHandler>();
        builder.Services.AddInputChecks(builder.Configuration);
        builder.Services.AddScoped<AdminSeeder>();
        builder.Services.AddExports(builder.Configuration);
        builder.Services.AddApiDescription();
        builder.Services.AddDashboard(builder.Configuration);

        var app = builder.Build();
        app.UseTrustedProxies(builder.Configuration);
        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging(RequestLog.Configure);
        app.UseMiddleware<RequestLog.CollectSteps>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebFrontFiles();
        app.UseRateLimiter();
        app.UseInputChecks();
        app.UseRequestsRunToTheirEnd();
        app.UseAuthentication();
        app.UseCsrfGuard();
        app.UsePasswordChangeGate();
        app.UseAuthorization();

        app.MapHealthApi(setup.ConnectionString);
        app.MapMetrics();
        // The web front has its own sign-in page (served by its fallback); the plain one remains when it is not built.
        if (!WebFront.Built) app.MapLoginPage();
        app.MapAuthApi();
        app.MapUsersApi();
        app.MapUserAccessApi();
        app.MapDefinitionsApi();
        app.MapInstancesApi();
        app.MapModificationApi();
        app.MapMigrationApi();
        app.MapTasksApi();
        app.MapInboxApi();
        app.MapSubstitutionsApi();
        app.MapMessagesApi();
        app.MapSignalsApi();
        app.MapIncidentsApi();
        app.MapExpressionsApi();
        app.MapPppkDomainApi();
        app.MapAccessLogApi();
        app.MapMyCasesApi();
        app.MapEmailsApi();
        app.MapEmailTemplatesApi();
        app.MapDashboardApi();
        app.MapElementTemplatesApi();
        app.MapOperationsApi();
        app.MapSummaryApi();
        app.MapCaseNotesApi();
        app.MapExportsApi();
        app.MapStartFormApi();
        Decisions.DecisionsApi.MapDecisionsApi(app);
        Calendar.CalendarApi.MapCalendarApi(app);
        app.MapApiDescription();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new HrAdminDashboardAuthorization()],
            DashboardTitle = "Pppk.Workflow - Jobs",
            AppPath = "/",
        }).RequireAuthorization(Roles.HrAdmin);
        app.MapWebFront();
        return app;
    }

    private static IHost BuildWorker(Setup setup)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = setup.Args, ContentRootPath = setup.Home });
        Configure(builder, setup);
        return builder.Build();
    }

    /// <summary>What every role shares: configuration, Serilog, the database, Hangfire (a server only on workers).</summary>
    private static void Configure(IHostApplicationBuilder builder, Setup setup)
    {
        var (roles, connectionString) = (setup.Roles, setup.ConnectionString);
        if (setup.Overrides is not null) builder.Configuration.AddInMemoryCollection(setup.Overrides);
        builder.Configuration["ConnectionStrings:Pppk"] = connectionString;
        HostPaths.AnchorLogFiles(builder.Configuration, setup.Home);

        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(LogSinks.Buffered(builder.Configuration, Console.IsOutputRedirected))
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.WithMachineName()
            .Enrich.WithProperty("Role", roles.ToString()));
        builder.Services.AddHostedService<LogDropsReporter>();

        var jobs = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = jobs.ShutdownTimeout + TimeSpan.FromSeconds(5));
        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section))
            .Validate(a => a.ApiKeys.All(k => k.Key.Length >= 16), "Auth:ApiKeys: every key needs a Key of at least 16 characters.")
            .Validate(a => a.ApiKeys.All(k => k.Roles.All(Roles.IsKnown)), $"Auth:ApiKeys: roles must be among {string.Join(", ", Roles.All)}.")
            .Validate(a => a.SignInLimit.IsValid, SignInLimitOptions.Invalid)
            .Validate(a => a.Session.IsValid, SessionLifetimeOptions.Invalid)
            .ValidateOnStart();
        var runtime = builder.Configuration.GetSection(RuntimeOptions.Section).Get<RuntimeOptions>() ?? new RuntimeOptions();
        builder.Services.Configure<RuntimeOptions>(builder.Configuration.GetSection(RuntimeOptions.Section));
        builder.Services.AddPppkRuntime(connectionString, HostPaths.Resolve(setup.Home, runtime.WorkflowsDirectory));
        // What the PPPK roles reach as candidate groups: the runtime's task candidacy and visibility know no role by name.
        builder.Services.AddSingleton(new GroupScopes(Roles.HrAdmin, Roles.UnitScoped, Roles.UnitWide));
        builder.Services.AddSingleton<InboxCursor>();
        builder.Services.AddSingleton<Pppk.Workflow.Runtime.Api.ListCursor>();
        builder.Services.AddPppkHangfire(connectionString, jobs, runServer: roles.Worker);
        builder.AddPppkTelemetry(roles);
        builder.Services.Configure<PppkOptions>(builder.Configuration.GetSection(PppkOptions.Section));
        builder.Services.Configure<Pppk.Workflow.Domain.Imports.ImportLimits>(builder.Configuration.GetSection(Pppk.Workflow.Domain.Imports.ImportLimits.Section));
        builder.Services.AddPppkDomain();
        builder.Services.AddCaseNotes();
        builder.Services.AddAccessLog(builder.Configuration);
        builder.Services.AddCaseSummary();
        builder.Services.AddPppkNotifications(builder.Configuration, setup.Home);
        if (setup.Embedded is { } embedded)
        {
            var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
            builder.Services.AddHostedService(sp => new EmbeddedPostgresSupervisor(embedded, database, sp.GetRequiredService<ILogger<EmbeddedPostgresSupervisor>>()));
        }
        if (runtime.EnableProbeHandler)
            builder.Services.AddSingleton<IJobHandler, global::Pppk.Workflow.Runtime.Diagnostics.ProbeJobHandler>();
        setup.ConfigureServices?.Invoke(builder.Services);
    }

    private static async Task PrepareDatabaseAsync(IHost host, HostRoles roles, string home, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        await host.Services.StartNotificationsAsync(ct);
        await host.Services.StartRuntimeAsync(ct);
        host.Services.StartAccessLog();
        if (roles.Web)
        {
            var auth = scope.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value;
            await scope.ServiceProvider.GetRequiredService<AdminSeeder>().SeedAsync(auth.Admin, home, ct);
        }
    }
}

/// <summary>A started host; disposing it stops the host, then the embedded PostgreSQL it started.</summary>
public sealed class RunningHost(IHost host, HostRoles roles, Uri? url, string connectionString, EmbeddedPostgres? embedded, bool started = true) : IAsyncDisposable
{
    public IHost Host { get; } = host;
    public HostRoles Roles { get; } = roles;
    public Uri? Url { get; } = url;
    public string ConnectionString { get; } = connectionString;
    public EmbeddedPostgres? EmbeddedPostgres { get; } = embedded;
    public IServiceProvider Services => Host.Services;

    public async ValueTask DisposeAsync()
    {
        try { if (started) await Host.StopAsync(); }
        finally
        {
            if (Host is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
            else Host.Dispose();
            if (EmbeddedPostgres is not null) await EmbeddedPostgres.StopAsync();
        }
    }
}
