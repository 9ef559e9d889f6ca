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
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            if (pending == 0) return;
            await db.Database.MigrateAsync(ct);
            logger.LogInformation("Applied {Count} notification migrations", pending);
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", MigrationLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
