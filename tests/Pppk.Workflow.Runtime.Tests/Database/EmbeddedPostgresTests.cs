using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Pppk.Workflow.Runtime.Database;

namespace Pppk.Workflow.Runtime.Tests.Database;

public sealed class EmbeddedPostgresTests
{
    [Fact]
    public async Task Missing_server_programs_give_one_message_with_the_install_command_and_the_alternative()
    {
        var root = Path.Combine(Path.GetTempPath(), "pppk-missing-" + Guid.NewGuid().ToString("N"));
        var e = await Assert.ThrowsAsync<EmbeddedPostgresException>(() =>
            EmbeddedPostgres.StartAsync(root, new DatabaseOptions { PostgresBinDirectory = "/nonexistent/bin" }, NullLogger.Instance));
        Assert.Contains("apt-get install postgresql", e.Message);
        Assert.Contains("ConnectionStrings:Pppk", e.Message);
        Assert.Contains("/nonexistent/bin", e.Message);
    }

    [Fact]
    public void Server_programs_are_found_on_this_machine() =>
        Assert.True(File.Exists(Path.Combine(PostgresBinaries.Find(null), "postgres")));

    [Fact]
    public async Task A_cluster_keeps_its_data_across_a_stop_and_start_and_leaves_no_server_running()
    {
        var root = Path.Combine(Path.GetTempPath(), "pppk-embedded-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new DatabaseOptions { DatabaseName = "keepdata" };
            var first = await EmbeddedPostgres.StartAsync(root, options, NullLogger.Instance);
            await ExecuteAsync(first.ConnectionString("keepdata"), "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('masih ada')");
            var pid = ServerPid(first);
            await first.StopAsync();
            Assert.False(EmbeddedPostgres.IsAlive(pid), "the server process is gone after stop");

            var second = await EmbeddedPostgres.StartAsync(root, options, NullLogger.Instance);
            try
            {
                await using var conn = new NpgsqlConnection(second.ConnectionString("keepdata"));
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand("SELECT v FROM kept", conn);
                Assert.Equal("masih ada", await cmd.ExecuteScalarAsync());
            }
            finally
            {
                await second.StopAsync();
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_second_process_on_the_same_cluster_adopts_the_running_server_without_stopping_it()
    {
        var root = Path.Combine(Path.GetTempPath(), "pppk-shared-" + Guid.NewGuid().ToString("N"));
        try
        {
            var owner = await EmbeddedPostgres.StartAsync(root, new DatabaseOptions(), NullLogger.Instance);
            // Pretend the owner is another live process, as when a web and a worker host share one data folder.
            await File.WriteAllTextAsync(Path.Combine(root, "owner.pid"), "1");
            var guest = await EmbeddedPostgres.StartAsync(root, new DatabaseOptions(), NullLogger.Instance);
            Assert.Equal(owner.Port, guest.Port);
            await guest.StopAsync();
            await ExecuteAsync(owner.ConnectionString("pppk"), "SELECT 1"); // still running
            await owner.StopAsync();
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static int ServerPid(EmbeddedPostgres pg) => int.Parse(File.ReadLines(Path.Combine(pg.ClusterDirectory, "postmaster.pid")).First());

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
