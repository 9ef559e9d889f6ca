using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection;

namespace Pppk.Workflow.Runtime.Jobs;

/// <summary>Hangfire on PostgreSQL, tuned for a workflow engine where timers and steps must not wait on polling.</summary>
public static class HangfireSetup
{
    public const string Schema = "hangfire";

    public static IServiceCollection AddPppkHangfire(this IServiceCollection services, string connectionString, JobsOptions options, bool runServer)
    {
        // The storage is this container's own singleton, not Hangfire's static JobStorage.Current, so two hosts
        // in one process (tests, or a web and a worker role side by side) never pick up each other's database.
        if (options.Problem() is { } problem) throw new InvalidOperationException($"The Jobs settings are not valid: {problem}");
        Diagnostics.JobTracing.Register(); // a job carries the trace of the step that enqueued it
        services.AddSingleton(options); // /health counts servers by its ServerTimeout; drains fan out by its DrainParallelism
        var storageOptions = StorageOptions(options);
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions));
        services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(provider.GetRequiredService<JobStorage>()));
        // Start-up registrations survive a lock left by a killed process (TolerantRecurringJobs).
        services.AddSingleton<IRecurringJobManager>(provider => new TolerantRecurringJobs(
            new RecurringJobManager(provider.GetRequiredService<JobStorage>(), provider.GetService<IJobFilterProvider>() ?? JobFilterProviders.Providers,
                provider.GetService<ITimeZoneResolver>() ?? new DefaultTimeZoneResolver()),
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<TolerantRecurringJobs>>()));

        if (runServer)
        {
            services.AddHangfireServer((provider, server) =>
            {
                // This container's activator, not Hangfire's static JobActivator.Current: with two hosts in one
                // process (tests) the static one belongs to whichever host configured Hangfire last, and jobs of one
                // host would run with the other host's services and database.
                server.Activator = provider.GetRequiredService<JobActivator>();
                server.WorkerCount = options.WorkerCount;
                server.Queues = options.Queues.Length > 0 ? options.Queues : ["default"];
                // Delayed jobs (timer drains, retries) become due at second granularity; poll at least every second.
                server.SchedulePollingInterval = options.SchedulePollingInterval;
                server.ShutdownTimeout = options.ShutdownTimeout;
                // Notice cancellation (shutdown, deleted job) quickly so jobs stop between batches.
                server.CancellationCheckInterval = TimeSpan.FromSeconds(1);
                // A dead server's entry (and so its recurring-job ownership) is dropped within ServerTimeout + ServerCheckInterval.
                server.HeartbeatInterval = options.HeartbeatInterval;
                server.ServerCheckInterval = options.ServerCheckInterval;
                server.ServerTimeout = options.ServerTimeout;
            });
        }
        return services;
    }

    internal static PostgreSqlStorageOptions StorageOptions(JobsOptions options) => new()
    {
        SchemaName = Schema,
        PrepareSchemaIfNecessary = true,
        // LISTEN/NOTIFY: an enqueued job wakes an idle worker at once instead of at the next poll.
        EnableLongPolling = true,
        QueuePollInterval = options.QueuePollInterval,
        // Sliding invisibility: a live worker extends its fetch, so a short timeout re-runs only jobs of dead processes.
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = options.InvisibilityTimeout,
        DistributedLockTimeout = TimeSpan.FromMinutes(1),
        EnableTransactionScopeEnlistment = true,
    };
}
