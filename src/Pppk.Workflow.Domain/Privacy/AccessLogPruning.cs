using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Domain.Privacy;

/// <summary>Daily: deletes access-log rows older than <see cref="AccessLogOptions.Retention"/>.</summary>
public sealed class AccessLogPruning(NpgsqlDataSource db, IOptions<AccessLogOptions> options, ILogger<AccessLogPruning> logger)
{
    public const string JobId = "access-log:prune";

    [AutomaticRetry(Attempts = 2)]
    [JobDisplayName("Prune the access log")]
    public async Task<int> Prune(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("DELETE FROM pppk.access_log WHERE at < now() - @retention");
        cmd.Parameters.AddWithValue("retention", options.Value.Retention);
        var deleted = await cmd.ExecuteNonQueryAsync(ct);
        logger.LogInformation("Pruned {Count} access-log rows older than {Retention}", deleted, options.Value.Retention);
        return deleted;
    }
}

public static class AccessLogSetup
{
    /// <summary>Options (validated at start), the recorder and the pruning job: on every role, as workers run the job.</summary>
    public static IServiceCollection AddAccessLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessLogOptions>().Bind(configuration.GetSection(AccessLogOptions.Section))
            .Validate(o => o.IsValid, AccessLogOptions.Invalid).ValidateOnStart();
        services.AddSingleton<AccessRecorder>();
        services.AddTransient<AccessLogPruning>();
        return services;
    }

    /// <summary>Registers the daily pruning, at 02:30 in the runtime's time zone (after the runtime's own housekeeping).</summary>
    public static void StartAccessLog(this IServiceProvider services)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(services.GetRequiredService<IOptions<RuntimeOptions>>().Value.TimeZone);
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<AccessLogPruning>(AccessLogPruning.JobId, j => j.Prune(CancellationToken.None), "30 2 * * *", new RecurringJobOptions { TimeZone = zone });
    }
}
