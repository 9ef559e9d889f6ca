using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Pppk.Workflow.Runtime.Database;

namespace Pppk.Workflow.Testing;

/// <summary>
/// The private PostgreSQL cluster of this test process, started on first use by the same code as the host's embedded
/// default (in a temporary folder) and stopped and removed when the process exits. Or, when <c>PPPK_TEST_CONNECTION</c>
/// names a server, that server.
/// </summary>
public static class TestCluster
{
    private static readonly Lazy<Task<Func<string, string>>> Cluster = new(StartAsync);

    /// <summary>A connection string for <paramref name="database"/> on the test cluster.</summary>
    public static async Task<string> ConnectionStringAsync(string database) => (await Cluster.Value)(database);

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using var conn = new NpgsqlConnection(await ConnectionStringAsync("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return await ConnectionStringAsync(name);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(await ConnectionStringAsync("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<Func<string, string>> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("PPPK_TEST_CONNECTION") is { Length: > 0 } external)
            return db => new NpgsqlConnectionStringBuilder(external) { Database = db }.ConnectionString;

        var root = Path.Combine(Path.GetTempPath(), $"pppk-test-cluster-{Environment.ProcessId}");
        var pg = await EmbeddedPostgres.StartAsync(root, new DatabaseOptions(), NullLogger.Instance);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            pg.StopAsync().GetAwaiter().GetResult();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return pg.ConnectionString;
    }
}
