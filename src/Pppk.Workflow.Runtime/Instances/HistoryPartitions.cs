using System.Globalization;
using Npgsql;

namespace Pppk.Workflow.Runtime.Instances;

/// <summary>
/// The monthly partitions of <c>pppk.history</c> (by <c>started_at</c>, months in UTC, one table each:
/// <c>history_y2026m12</c>): housekeeping creates the coming months ahead and drops whole months past the retention,
/// instead of deleting rows. <c>history_default</c> catches rows of a month nobody created yet (housekeeping stopped
/// for months); creating that month later moves them into it.
/// </summary>
public static class HistoryPartitions
{
    /// <summary>Months created ahead of the current one.</summary>
    public const int MonthsAhead = 3;

    private const string Prefix = "history_y";

    /// <summary>The partition holding the month of <paramref name="at"/>.</summary>
    public static string NameOf(DateTimeOffset at) => $"{Prefix}{at.UtcDateTime:yyyy}m{at.UtcDateTime:MM}";

    /// <summary>The months from the one of <paramref name="now"/> to <see cref="MonthsAhead"/> after it, each created unless it exists. Returns how many were created.</summary>
    public static async Task<int> EnsureAsync(NpgsqlDataSource db, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await ListAsync(db, ct);
        var first = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var created = 0;
        for (var month = first; month <= first.AddMonths(MonthsAhead); month = month.AddMonths(1))
        {
            if (existing.ContainsKey(NameOf(month))) continue;
            await CreateAsync(db, month, ct);
            created++;
        }
        return created;
    }

    /// <summary>
    /// One month's partition. Rows of that month already in the default partition move into it in the same
    /// transaction (PostgreSQL refuses to attach a range the default partition has rows of); a second node creating
    /// the same month at once waits on the lock and then finds it there.
    /// </summary>
    private static async Task CreateAsync(NpgsqlDataSource db, DateTimeOffset month, CancellationToken ct)
    {
        var name = NameOf(month);
        var (from, to) = (Literal(month), Literal(month.AddMonths(1)));
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand($"""
            LOCK TABLE pppk.history IN SHARE ROW EXCLUSIVE MODE;
            DO $$ BEGIN
              IF to_regclass('pppk.{name}') IS NULL THEN
                CREATE TABLE pppk.{name} (LIKE pppk.history INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
                WITH moved AS (DELETE FROM pppk.history_default WHERE started_at >= '{from}' AND started_at < '{to}' RETURNING *)
                INSERT INTO pppk.{name} SELECT * FROM moved;
                ALTER TABLE pppk.history ATTACH PARTITION pppk.{name} FOR VALUES FROM ('{from}') TO ('{to}');
              END IF;
            END $$;
            """, connection, tx);
        await command.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Drops the months that ended before <paramref name="cutoff"/> (and deletes such rows from the default partition). Returns the dropped partitions' names.</summary>
    public static async Task<List<string>> DropBeforeAsync(NpgsqlDataSource db, DateTimeOffset cutoff, CancellationToken ct)
    {
        var dropped = new List<string>();
        foreach (var (name, month) in await ListAsync(db, ct))
        {
            if (month.AddMonths(1) > cutoff) continue;
            await using var drop = db.CreateCommand($"DROP TABLE IF EXISTS pppk.{name}");
            await drop.ExecuteNonQueryAsync(ct);
            dropped.Add(name);
        }
        await using var stray = db.CreateCommand("DELETE FROM pppk.history_default WHERE started_at < @cutoff");
        stray.Parameters.AddWithValue("cutoff", cutoff.ToUniversalTime());
        await stray.ExecuteNonQueryAsync(ct);
        return dropped;
    }

    /// <summary>The monthly partitions by name, with their month's start (the default partition left out).</summary>
    public static async Task<Dictionary<string, DateTimeOffset>> ListAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'pppk.history'::regclass AND c.relname LIKE 'history\_y%'
            """);
        var months = new Dictionary<string, DateTimeOffset>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var name = r.GetString(0);
            var month = DateTime.ParseExact(name[Prefix.Length..], "yyyy'm'MM", CultureInfo.InvariantCulture);
            months[name] = new DateTimeOffset(month, TimeSpan.Zero);
        }
        return months;
    }

    private static string Literal(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00'", CultureInfo.InvariantCulture);
}
