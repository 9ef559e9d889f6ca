using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests;

/// <summary>The embedded PostgreSQL killed under a running host: the API answers 503 with Retry-After, and the host brings the database back.</summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task A_killed_embedded_PostgreSQL_gives_503_with_Retry_After_and_is_restarted_without_restarting_the_host()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "pppk-host-outage-" + Guid.NewGuid().ToString("N"));
        var settings = EmbeddedDefaultTests.Settings(dataDir);
        // The database stays down at least this long, so the outage is seen before the supervisor's first restart.
        settings["Database:RestartDelay"] = "00:00:10"; // long enough for a loaded machine to ask its four questions first
        settings["Serilog:MinimumLevel:Override:Hangfire"] = "Fatal"; // Hangfire's own errors while the database is away
        try
        {
            await using var host = await PppkHost.StartAsync([], settings);
            using var client = new HttpClient { BaseAddress = host.Url };
            client.DefaultRequestHeaders.Add("X-Api-Key", TestHost.BootstrapKey);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/instances")).StatusCode);
            var pidFile = Path.Combine(host.EmbeddedPostgres!.ClusterDirectory, "postmaster.pid");
            var killed = int.Parse(File.ReadLines(pidFile).First());

            using (var server = Process.GetProcessById(killed))
            {
                server.Kill(); // SIGKILL
                server.WaitForExit();
            }

            // A pooled connection's server process outlives the postmaster for a moment (until it notices it is gone).
            var down = await client.GetAsync("/api/instances");
            for (var tries = 0; down.StatusCode == HttpStatusCode.OK && tries < 50; tries++)
            {
                await Task.Delay(100);
                down = await client.GetAsync("/api/instances");
            }
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal("5", down.Headers.GetValues("Retry-After").Single());
            Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
            var problem = (await down.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("database-unavailable", (string?)problem["code"]);
            using (var indonesian = new HttpRequestMessage(HttpMethod.Get, "/api/instances"))
            {
                indonesian.Headers.AcceptLanguage.ParseAdd("id");
                var answer = await client.SendAsync(indonesian);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
                Assert.Equal("Basis data sedang tidak dapat dihubungi; coba lagi dalam beberapa detik.", (string?)(await answer.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
            }
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);

            var deadline = DateTime.UtcNow.AddSeconds(90);
            HttpStatusCode status;
            do
            {
                await Task.Delay(500);
                status = (await client.GetAsync("/api/instances")).StatusCode;
                Assert.True(status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"answered {status} while the database came back");
            } while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.NotEqual(killed, int.Parse(File.ReadLines(pidFile).First()));
            var created = await client.PostAsJsonAsync("/api/users", new { userName = "pegawai2", password = "Pegawai-2026!", roles = new[] { "employee" } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
