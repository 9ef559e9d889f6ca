using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Engine.Execution;
using Pppk.Workflow.Engine.Feel;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Definitions;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Jobs;
using Pppk.Workflow.Runtime.Messages;
using Pppk.Workflow.Runtime.Operations;
using Pppk.Workflow.Runtime.Outbox;
using Pppk.Workflow.Runtime.Steps;
using Pppk.Workflow.Runtime.Timers;
using Pppk.Workflow.Runtime.UserTasks;

namespace Pppk.Workflow.Runtime;

public static class Extensions
{
    /// <summary>Registers the runtime: database, engine, steps, drains, services. <paramref name="workflowsPath"/> is the absolute workflows folder (calendars are read from it).</summary>
    public static IServiceCollection AddPppkRuntime(this IServiceCollection services, string connectionString, string? workflowsPath = null)
    {
        var dataSource = DataSourceBuilder(connectionString).Build();
        services.AddSingleton(dataSource);
        services.AddSingleton(sp => StepDataSource.Create(DataSourceBuilder(connectionString), sp.GetRequiredService<IOptions<RuntimeOptions>>().Value.StepTimeout));
        services.AddDbContext<WorkflowDbContext>(o => o
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable(WorkflowDbContext.MigrationsHistoryTable, WorkflowDbContext.Schema))
            .UseSnakeCaseNamingConvention());
        services.AddScoped<DatabaseMigrator>();

        services.AddOptions<RuntimeOptions>().PostConfigure(o => o.WorkflowsPath ??= workflowsPath)
            .Validate(o => o.StepTimeout > TimeSpan.Zero, "Runtime:StepTimeout must be a positive time span, e.g. 00:00:30.")
            .Validate(o => o.CalendarRefresh >= TimeSpan.FromSeconds(1), "Runtime:CalendarRefresh must be at least one second, e.g. 00:00:30.")
            .Validate(o => o.StateRetention > TimeSpan.Zero, "Runtime:StateRetention must be a positive time span, e.g. 30.00:00:00.")
            .Validate(o => o.HistoryRetention >= TimeSpan.FromDays(31), "Runtime:HistoryRetention must be at least 31 days, e.g. 3653.00:00:00 (ten years).")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Runtime:TimeZone is not a known time zone id (e.g. Asia/Makassar).")
            .Validate(o => o.GroupCommitLanes >= 0 && o.GroupCommitMaxBatch >= 1 && o.GroupCommitLinger >= TimeSpan.Zero,
                "Runtime:GroupCommitLanes must be 0 (grouping off) or more, GroupCommitMaxBatch at least 1, GroupCommitLinger zero (off) or a positive time span.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        // Runtime:Feel:MaxIterations etc.; unset keys keep the defaults of FeelLimits.
        services.AddOptions<FeelLimits>().BindConfiguration($"{RuntimeOptions.Section}:{FeelLimits.Section}")
            .Validate(l => l.Problem() is null, "Runtime:Feel: MaxNestingDepth must be 8-100, MaxExpressionLength and MaxStringLength at least 1000, "
                + "MaxIterations at least 1000, MaxListLength at least 100, MaxResultSize at least MaxStringLength, MaxEvaluationTime positive.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RuntimeOptions>>().Value;
            var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
            return new FeelEnvironment(sp.GetRequiredService<TimeProvider>(), zone, LoadCalendars(options.WorkflowsPath),
                sp.GetRequiredService<IOptions<FeelLimits>>().Value);
        });
        services.AddSingleton(sp => new WorkflowEngine(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<FeelEnvironment>()));
        services.AddSingleton<DefinitionStore>();
        services.AddSingleton<Decisions.DecisionStore>();
        services.AddSingleton(sp => new JobHandlerRegistry(() => sp.GetServices<IJobHandler>()));
        services.AddSingleton<IDefinitionCheck, JobInputCheck>();
        services.AddSingleton<StepDbContexts>();
        services.AddSingleton<StepProcessor>();
        services.AddSingleton<StepGuard>();
        services.AddSingleton<StepRunner>();
        services.AddSingleton<AfterCommit>();
        services.AddSingleton<TimerDrain>();
        services.AddSingleton<JobDrain>();
        services.AddSingleton<InboxDrain>();
        services.AddSingleton<Sweeper>();
        services.AddSingleton<Housekeeping>();
        services.AddSingleton<TimerStartRegistry>();
        services.AddSingleton<DeploymentService>();
        services.AddSingleton(sp => new InstanceService(sp.GetRequiredService<StepRunner>(), sp.GetRequiredService<DefinitionStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new InstanceMigration.MigrationService(sp.GetRequiredService<StepRunner>(), sp.GetRequiredService<DefinitionStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new TaskService(sp.GetRequiredService<StepRunner>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<GroupScopes>(),
            sp.GetServices<ITaskCompletionRule>()));
        services.AddSingleton(sp => new MessageService(sp.GetRequiredService<StepRunner>(), sp.GetRequiredService<DefinitionStore>(),
            sp.GetRequiredService<InstanceService>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new Signals.SignalService(sp.GetRequiredService<StepRunner>(), sp.GetRequiredService<DefinitionStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new Modification.ModificationService(sp.GetRequiredService<StepRunner>(), sp.GetRequiredService<DefinitionStore>(), sp.GetRequiredService<WorkflowEngine>()));
        services.AddTransient<WorkflowJobs>();
        services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.Section)
            .Validate(o => o.Problem() is null, "Runtime:Operations: ChunkSize must be 1-10000, Slice a positive time span, ErrorsShown 1-10000.").ValidateOnStart();
        services.AddSingleton(sp => new OperationActions(sp.GetRequiredService<InstanceService>(), sp.GetRequiredService<InstanceMigration.MigrationService>(),
            sp.GetRequiredService<DefinitionStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<OperationRunner>();
        services.AddSingleton(sp => new StartStreams(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<DefinitionStore>(), sp.GetRequiredService<InstanceService>(),
            sp.GetServices<IStartSource>(), sp.GetRequiredService<IBackgroundJobClient>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<OperationsOptions>>()));
        services.AddSingleton(sp => new OperationService(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<DefinitionStore>(), sp.GetRequiredService<InstanceMigration.MigrationService>(),
            sp.GetRequiredService<IBackgroundJobClient>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<OperationsOptions>>()));
        services.AddTransient<OperationJobs>();
        services.AddSingleton<Calendar.HolidayCalendar>();
        services.AddScoped<Calendar.HolidayEditor>();
        services.AddHostedService<Calendar.CalendarRefresher>();
        services.AddSingleton<IDefinitionCheck, Calendar.WorkingDayCalendarCheck>();
        return services;
    }

    internal static NpgsqlDataSourceBuilder DataSourceBuilder(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // A pooled connection is reused without a DISCARD ALL: nothing of ours keeps session state (temp tables are
        // ON COMMIT DROP, advisory locks are per transaction or released).
        // Statements are not prepared automatically (Npgsql's default, stated here because it is a decision): with
        // Npgsql 10.0.3's automatic preparation, a statement PostgreSQL refuses in the round trip that prepares it stays
        // prepared without its result columns, and the next run of that text on the connection fails reading its rows
        // ("unexpected backend message DataRow"; ConnectionReuseTests reproduces it, docs/limits.md has the story).
        // Preparation had saved PostgreSQL parsing and planning: 0.35-0.45 ms of its CPU per step at 1 client, 10-30% of the
        // steps/s (tests/Pppk.Workflow.Benchmarks/Runtime/RESULTS.md, session 6).
        // A connection string that sets Max Auto Prepare still turns it on, at that risk.
        // (NpgsqlConnectionStringBuilder.ContainsKey is true for every known keyword; the plain builder knows what was given.)
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var settings = builder.ConnectionStringBuilder;
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare")) settings.MaxAutoPrepare = 0;
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose")) settings.NoResetOnClose = true;
        return builder;
    }

    /// <summary>Every calendar file in <c>workflows/calendars</c>, combined, until the start-up loads the holiday tables (<see cref="Calendar.HolidayCalendar"/>); weekends only when there are none.</summary>
    private static WorkingCalendar LoadCalendars(string? workflowsPath) =>
        Calendar.HolidayCalendar.ShippedCalendar(workflowsPath) ?? WorkingCalendar.WeekendsOnly;

    /// <summary>Start-up work of every host: deploy the workflows folder, register the sweep and housekeeping jobs.</summary>
    public static async Task StartRuntimeAsync(this IServiceProvider services, CancellationToken ct)
    {
        var options = services.GetRequiredService<IOptions<RuntimeOptions>>().Value;
        // The holiday calendar first: deploy-time checks of working-day calls read it.
        await services.GetRequiredService<Calendar.HolidayCalendar>().StartAsync(options.WorkflowsPath, ct);
        if (options.WorkflowsPath is { } path)
            await services.GetRequiredService<DeploymentService>().DeployDirectoryAsync(path, ct);
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        recurring.AddOrUpdate<WorkflowJobs>("runtime:sweep", j => j.Sweep(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<WorkflowJobs>("runtime:prune", j => j.Prune(CancellationToken.None), "0 2 * * *", new RecurringJobOptions { TimeZone = zone });
        // Timers that fell due while no worker ran fire now, not at the next minute.
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<WorkflowJobs>(j => j.Sweep(CancellationToken.None));
        // Batch operations whose runner died with a process go on: every running one now, the quiet ones every minute.
        recurring.AddOrUpdate<OperationJobs>("runtime:operations", j => j.Resume(false, CancellationToken.None), Cron.Minutely());
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<OperationJobs>(j => j.Resume(true, CancellationToken.None));
    }
}

