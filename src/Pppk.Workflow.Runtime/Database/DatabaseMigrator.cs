using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Pppk.Workflow.Runtime.Database;

/// <summary>Applies the EF Core migrations at start-up under a PostgreSQL advisory lock, so hosts starting together don't race.</summary>
public sealed class DatabaseMigrator(WorkflowDbContext db, ILogger<DatabaseMigrator> logger)
{
    // Any constant works; it only has to be the same in every host of this application.
    private const long MigrationLockKey = 0x5050_4B57_4D49_47; // "PPKWMIG"

    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var lockConnection = new NpgsqlConnection(db.Database.GetConnectionString());
        await lockConnection.OpenAsync(ct);
        await using (var acquire = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            acquire.Parameters.AddWithValue("key", MigrationLockKey);
            await acquire.ExecuteNonQueryAsync(ct);
        }
        try
        {
            // EF looks for its history table in the schema; make the schema first so a fresh database reads as "no migrations yet".
            await using (var schema = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {WorkflowDbContext.Schema}", lockConnection))
                await schema.ExecuteNonQueryAsync(ct);
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
                logger.LogInformation("Applying {Count} database migrations: {Migrations}", pending.Count, pending);
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", MigrationLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
