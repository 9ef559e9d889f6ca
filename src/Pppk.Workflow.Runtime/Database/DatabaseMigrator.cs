using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Pppk.Workflow.Runtime.Database;

/// <summary>The migrations of another project's DbContext (domain, notifications), run by <see cref="DatabaseMigrator"/> under its lock.</summary>
public interface IDatabaseMigration
{
    Task MigrateAsync(CancellationToken ct);
}

/// <summary>Applies the EF Core migrations at start-up under a PostgreSQL advisory lock, so hosts starting together don't race.</summary>
public sealed class DatabaseMigrator(WorkflowDbContext db, NpgsqlDataSource dataSource, IEnumerable<IDatabaseMigration> others, ILogger<DatabaseMigrator> logger)
{
    // Any constant works; it only has to be the same in every host of this application.
    private const long MigrationLockKey = 0x5050_4B57_4D49_47; // "PPKWMIG"

    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(ct);
        await using (var acquire = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            acquire.Parameters.AddWithValue("key", MigrationLockKey);
            await acquire.ExecuteNonQueryAsync(ct);
        }
        try
        {
            await using var exists = new NpgsqlCommand($"SELECT to_regclass('{WorkflowDbContext.Schema}.{WorkflowDbContext.MigrationsHistoryTable}') IS NOT NULL", lockConnection);
            var before = (bool)(await exists.ExecuteScalarAsync(ct))! ? (await db.Database.GetAppliedMigrationsAsync(ct)).Count() : 0;
            await db.Database.MigrateWithHistoryTableAsync(ct);
            var after = (await db.Database.GetAppliedMigrationsAsync(ct)).Count();
            if (after > before) logger.LogInformation("Applied {Count} database migrations", after - before);
            foreach (var other in others) await other.MigrateAsync(ct);
            // The history's coming months exist before the first step writes (housekeeping keeps them ahead daily).
            await Instances.HistoryPartitions.EnsureAsync(dataSource, DateTimeOffset.UtcNow, ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", MigrationLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}

public static class MigrationExtensions
{
    /// <summary>
    /// <c>MigrateAsync</c>, with the history table created first: on a fresh database EF Core otherwise reads the
    /// missing table and logs that failed query as an error before it creates it, which alarms whoever reads the
    /// first start's log. Without a command time-out: an upgrade that fills a new column or builds an index rewrites whole
    /// tables (minutes at 1,000,000 tasks, docs/scale.md), where the 30 s default failed the start half-way (each migration
    /// is its own transaction, so the next start would retry it, and fail again).
    /// </summary>
    public static async Task MigrateWithHistoryTableAsync(this DatabaseFacade database, CancellationToken ct)
    {
        await database.ExecuteSqlRawAsync(database.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
        var timeout = database.GetCommandTimeout();
        database.SetCommandTimeout(0);
        try
        {
            await database.MigrateAsync(ct);
        }
        finally
        {
            database.SetCommandTimeout(timeout);
        }
    }
}
