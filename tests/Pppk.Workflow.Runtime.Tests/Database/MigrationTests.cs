using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Pppk.Workflow.Runtime;
using Pppk.Workflow.Runtime.Database;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Runtime.Tests.Database;

public sealed class MigrationTests : IClassFixture<TestDatabase>
{
    private readonly string _connectionString;

    public MigrationTests(TestDatabase database) => _connectionString = database.ConnectionString;

    private async Task MigrateAsync()
    {
        var services = new ServiceCollection().AddLogging().AddPppkRuntime(_connectionString).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Migrations_apply_on_an_empty_database_and_again_as_a_no_op_even_from_concurrent_hosts()
    {
        await Task.WhenAll(MigrateAsync(), MigrateAsync(), MigrateAsync());
        await MigrateAsync();

        await using var conn = new NpgsqlConnection(_connectionString);
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'pppk' ORDER BY 1", conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        Assert.Contains("users", tables);
        Assert.Contains("roles", tables);
        Assert.Contains("user_roles", tables);
        Assert.Contains("data_protection_keys", tables);

        await using var applied = new NpgsqlCommand("SELECT count(*) FROM pppk.__ef_migrations_history", conn);
        var services = new ServiceCollection().AddLogging().AddPppkRuntime(_connectionString).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var known = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Database.GetMigrations().Count();
        Assert.Equal((long)known, (long)(await applied.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Every_timestamp_column_is_timestamptz()
    {
        await MigrateAsync();
        await using var conn = new NpgsqlConnection(_connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'pppk' AND data_type = 'timestamp without time zone'", conn);
        var naive = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) naive.Add(reader.GetString(0));
        Assert.Empty(naive);

        await using var tz = new NpgsqlCommand("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'pppk' AND data_type = 'timestamp with time zone'", conn);
        Assert.True((long)(await tz.ExecuteScalarAsync())! >= 2); // users.created_at, users.lockout_end
    }
}
