using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Pppk.Workflow.Notifications.Database;

/// <summary>Applies the email outbox migrations at start-up under an advisory lock, so hosts starting together don't race.</summary>
public sealed class NotificationsMigrator(NotificationsDbContext db, NpgsqlDataSource dataSource, ILogger<NotificationsMigrator> logger)
{
    private const long MigrationLockKey = 0x5050_4B57_4D41_494C; // "PPKWMAIL"

    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var acquire = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            acquire.Parameters.AddWithValue("key", MigrationLockKey);
            await acquire.ExecuteNonQueryAsync(ct);
        }
        try
        {
            // Asking EF for applied migrations before its history table exists logs an error; look first.
            await using var exists = new NpgsqlCommand($"SELECT to_regclass('{NotificationsDbContext.Schema}.{NotificationsDbContext.MigrationsHistoryTable}') IS NOT NULL", connection);
            var before = (bool)(await exists.ExecuteScalarAsync(ct))! ? (await db.Database.GetAppliedMigrationsAsync(ct)).Count() : 0;
            await db.Database.MigrateAsync(ct);
            var after = (await db.Database.GetAppliedMigrationsAsync(ct)).Count();
            if (after > before) logger.LogInformation("Applied {Count} notification migrations", after - before);
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", MigrationLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
