using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests;

/// <summary>The host with no connection string: its own PostgreSQL cluster, kept across restarts.</summary>
public sealed class EmbeddedDefaultTests
{
    [Fact]
    public async Task The_embedded_cluster_survives_a_host_restart_with_its_data_and_stops_with_the_host()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "pppk-host-embedded-" + Guid.NewGuid().ToString("N"));
        var settings = Settings(dataDir);
        try
        {
            int serverPid;
            await using (var first = await PppkHost.StartAsync([], settings))
            {
                Assert.NotNull(first.EmbeddedPostgres);
                using var client = new HttpClient { BaseAddress = first.Url };
                client.DefaultRequestHeaders.Add("X-Api-Key", TestHost.BootstrapKey);
                var created = await client.PostAsJsonAsync("/api/users", new { userName = "pegawai1", password = "Pegawai-2026!", roles = new[] { "employee" } });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                serverPid = int.Parse(File.ReadLines(Path.Combine(first.EmbeddedPostgres!.ClusterDirectory, "postmaster.pid")).First());
            }
            NpgsqlConnection.ClearAllPools();
            Assert.False(Pppk.Workflow.Runtime.Database.EmbeddedPostgres.IsAlive(serverPid), "PostgreSQL stopped with the host");

            await using var second = await PppkHost.StartAsync([], settings);
            using var again = new HttpClient { BaseAddress = second.Url };
            var login = await again.PostAsJsonAsync("/api/auth/login", new { userName = "pegawai1", password = "Pegawai-2026!" });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    /// <summary>A host on its own embedded cluster in <paramref name="dataDir"/> (no connection string).</summary>
    public static Dictionary<string, string?> Settings(string dataDir) => new()
    {
        ["ConnectionStrings:Pppk"] = "",
        ["Database:DataDirectory"] = dataDir,
        ["Urls"] = "http://127.0.0.1:0",
        ["Auth:BootstrapApiKey"] = TestHost.BootstrapKey,
        ["Auth:Admin:Password"] = TestHost.AdminPassword,
        ["Serilog:MinimumLevel:Default"] = "Warning",
        ["Serilog:MinimumLevel:Override:Hangfire"] = "Warning",
        ["Serilog:WriteTo:1:Args:path"] = TestHost.LogPath,
    };
}
