using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Runtime.Tests.Database;

/// <summary>Issue 21: <c>pppk.history</c> partitioned by month; the migration moves a non-empty table into the partitions.</summary>
public sealed class HistoryPartitionMigrationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task An_existing_history_moves_into_its_months_keeping_ids_and_a_restart_changes_nothing()
    {
        var services = new ServiceCollection().AddLogging().AddPppkRuntime(database.ConnectionString).BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Database.GetService<IMigrator>().MigrateAsync("20261207042655_Issue20Decisions");
        await using var db = NpgsqlDataSource.Create(database.ConnectionString);
        var instance = Guid.NewGuid();
        await HistoryRows.InsertAsync(db, instance, "2024-03-15T10:00:00Z", "2026-01-31T23:30:00Z", "2026-02-01T00:00:00Z");

        await HistoryRows.MigrateAsync(services);

        Assert.Equal(
            [(1L, "history_y2024m03"), (2L, "history_y2026m01"), (3L, "history_y2026m02")],
            await HistoryRows.WhereAsync(db, $"SELECT id, {HistoryRows.Partition} FROM pppk.history WHERE instance_id = '{instance}' ORDER BY id"));
        var now = DateTimeOffset.UtcNow;
        var months = await HistoryPartitions.ListAsync(db, default);
        Assert.All(Enumerable.Range(0, HistoryPartitions.MonthsAhead + 1), n => Assert.Contains(HistoryPartitions.NameOf(now.AddMonths(n)), months.Keys));
        // The months between the oldest row and now, so the copy never lands in the default partition.
        Assert.Contains("history_y2025m06", months.Keys);
        Assert.Empty(await HistoryRows.WhereAsync(db, "SELECT id, '' FROM pppk.history_default"));

        // New rows continue the ids and land in their month; a second start (the migrator again) is a no-op.
        var id = await HistoryRows.InsertAsync(db, instance, now.ToString("O"));
        Assert.Equal([(4L, HistoryPartitions.NameOf(now))], await HistoryRows.WhereAsync(db, $"SELECT id, {HistoryRows.Partition} FROM pppk.history WHERE id = {id}"));
        await HistoryRows.MigrateAsync(services);
        Assert.Equal(months.Keys.Order(), (await HistoryPartitions.ListAsync(db, default)).Keys.Order());
        Assert.Equal(4L, (await HistoryRows.WhereAsync(db, "SELECT count(*), '' FROM pppk.history")).Single().Item1);
    }
}

/// <summary>Issue 21: housekeeping creates the coming months (idempotent, rescuing rows caught by the default partition) and drops whole months past the retention.</summary>
public sealed class HistoryPartitionHousekeepingTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private NpgsqlDataSource _db = null!;

    public async Task InitializeAsync()
    {
        await HistoryRows.MigrateAsync(new ServiceCollection().AddLogging().AddPppkRuntime(database.ConnectionString).BuildServiceProvider());
        _db = NpgsqlDataSource.Create(database.ConnectionString);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Creating_the_coming_months_is_idempotent_and_moves_their_rows_out_of_the_default_partition()
    {
        // Housekeeping stopped for years: a row of 2040 lands in the default partition, then the months are created.
        var instance = Guid.NewGuid();
        var id = await HistoryRows.InsertAsync(_db, instance, "2040-07-10T08:00:00Z");
        Assert.Equal([(id, "history_default")], await HistoryRows.WhereAsync(_db, $"SELECT id, {HistoryRows.Partition} FROM pppk.history WHERE id = {id}"));

        var now = DateTimeOffset.Parse("2040-06-20T00:00:00Z");
        Assert.Equal(HistoryPartitions.MonthsAhead + 1, await HistoryPartitions.EnsureAsync(_db, now, default));
        Assert.Equal(0, await HistoryPartitions.EnsureAsync(_db, now, default));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => HistoryPartitions.EnsureAsync(_db, now.AddMonths(1), default)));

        Assert.Equal([(id, "history_y2040m07")], await HistoryRows.WhereAsync(_db, $"SELECT id, {HistoryRows.Partition} FROM pppk.history WHERE id = {id}"));
        Assert.Contains("history_y2040m10", (await HistoryPartitions.ListAsync(_db, default)).Keys);
    }

    [Fact]
    public async Task Retention_drops_whole_months_that_ended_before_the_cutoff_and_keeps_the_rest()
    {
        await HistoryPartitions.EnsureAsync(_db, DateTimeOffset.Parse("2035-01-01T00:00:00Z"), default);
        var instance = Guid.NewGuid();
        await HistoryRows.InsertAsync(_db, instance, "2035-01-05T00:00:00Z", "2035-02-27T00:00:00Z", "2035-03-01T00:00:00Z");

        // Ten years of history kept on 2045-02-15: January 2035 ended before the cutoff, February 2035 not yet.
        var dropped = await HistoryPartitions.DropBeforeAsync(_db, DateTimeOffset.Parse("2045-02-15T00:00:00Z") - TimeSpan.FromDays(3653), default);

        Assert.Contains("history_y2035m01", dropped);
        Assert.DoesNotContain("history_y2035m02", dropped);
        Assert.Equal(["history_y2035m02", "history_y2035m03"],
            (await HistoryRows.WhereAsync(_db, $"SELECT id, {HistoryRows.Partition} FROM pppk.history WHERE instance_id = '{instance}' ORDER BY id")).Select(r => r.Item2));
        Assert.DoesNotContain("history_y2035m01", (await HistoryPartitions.ListAsync(_db, default)).Keys);
    }
}

internal static class HistoryRows
{
    /// <summary>The name of the partition a row is in.</summary>
    public const string Partition = "(SELECT relname::text FROM pg_class WHERE oid = history.tableoid)";

    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(default);
    }

    /// <summary>One history row per start time; returns the last row's id.</summary>
    public static async Task<long> InsertAsync(NpgsqlDataSource db, Guid instance, params string[] startedAt)
    {
        long id = 0;
        foreach (var (at, key) in startedAt.Select((a, i) => (a, i)))
        {
            await using var insert = db.CreateCommand("""
                INSERT INTO pppk.history (instance_id, element_instance_key, element_id, element_type, started_at, terminated)
                VALUES ($1, $2, 'task', 'userTask', $3, false) RETURNING id
                """);
            insert.Parameters.AddWithValue(instance);
            insert.Parameters.AddWithValue((long)key);
            insert.Parameters.AddWithValue(DateTimeOffset.Parse(at).ToUniversalTime());
            id = (long)(await insert.ExecuteScalarAsync())!;
        }
        return id;
    }

    public static async Task<List<(long, string)>> WhereAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        await using var r = await command.ExecuteReaderAsync();
        var rows = new List<(long, string)>();
        while (await r.ReadAsync()) rows.Add((r.GetInt64(0), r.GetString(1)));
        return rows;
    }
}
