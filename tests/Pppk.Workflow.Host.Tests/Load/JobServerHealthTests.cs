using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests.Load;

/// <summary>/health counts live job servers only: a SIGKILLed worker (no goodbye) stops counting once its heartbeat is older than Jobs:ServerTimeout.</summary>
[Trait("Category", "Load")]
[Collection("Load")] // host processes on 2 cores: one such test at a time
public sealed class JobServerHealthTests
{
    private static async Task<JsonObject> HealthWithServersAsync(HttpClient http, int servers)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await http.GetAsync("/health");
            var health = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            if ((int)health["jobServers"]! == servers) return health;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"/health still says {health.ToJsonString()}, not {servers} job server(s).");
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task A_killed_worker_drops_out_of_health_and_the_live_one_keeps_it_healthy()
    {
        var cs = await TestCluster.CreateDatabaseAsync("health");
        var settings = new Dictionary<string, string>
        {
            ["Jobs__HeartbeatInterval"] = "00:00:01", ["Jobs__ServerTimeout"] = "00:00:05", ["Jobs__ServerCheckInterval"] = "00:00:02",
        };
        HostProcess? web = null, worker = null;
        try
        {
            web = HostProcess.Start("health-web", cs, "web,worker", settings);
            await web.WaitReadyAsync(cs, TimeSpan.FromSeconds(90));
            worker = HostProcess.Start("health-worker", cs, "worker", settings);
            await worker.WaitReadyAsync(cs, TimeSpan.FromSeconds(90));
            using var http = web.Client();
            await HealthWithServersAsync(http, 2);

            worker.Kill();

            var health = await HealthWithServersAsync(http, 1);
            Assert.Equal("healthy", (string?)health["status"]);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        }
        finally
        {
            worker?.Dispose();
            web?.Dispose();
            await TestCluster.DropDatabaseAsync(cs);
        }
    }
}
