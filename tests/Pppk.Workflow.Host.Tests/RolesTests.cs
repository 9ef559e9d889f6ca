using System.Net.Http.Json;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pppk.Workflow.Host;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests;

/// <summary>A web-only and a worker-only host against one database work together.</summary>
public sealed class RolesTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private Dictionary<string, string?> Settings(string roles) => new()
    {
        ["Host:Roles"] = roles,
        ["ConnectionStrings:Pppk"] = database.ConnectionString,
        ["Urls"] = "http://127.0.0.1:0",
        ["Auth:BootstrapApiKey"] = TestHost.BootstrapKey,
        ["Auth:Admin:Password"] = TestHost.AdminPassword,
        ["Serilog:MinimumLevel:Default"] = "Warning",
        ["Serilog:MinimumLevel:Override:Hangfire"] = "Warning",
            ["Serilog:WriteTo:1:Args:path"] = TestHost.LogPath,
    };

    [Fact]
    public async Task A_job_enqueued_by_the_web_host_is_run_by_the_worker_host()
    {
        await using var web = await PppkHost.StartAsync([], Settings("web"));
        await using var worker = await PppkHost.StartAsync([], Settings("worker"));

        Assert.NotNull(web.Url);
        Assert.Null(worker.Url);
        Assert.Null(worker.Services.GetService<IServer>());
        Assert.DoesNotContain(web.Services.GetServices<IHostedService>(), s => s.GetType().Name.Contains("BackgroundJobServer"));
        Assert.Contains(worker.Services.GetServices<IHostedService>(), s => s.GetType().Name.Contains("BackgroundJobServer"));

        var token = Guid.NewGuid().ToString();
        web.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(() => RecordingJobs.Record(token));
        var ran = RecordingJobs.RanAt(token);
        Assert.Same(ran, await Task.WhenAny(ran, Task.Delay(TimeSpan.FromSeconds(15))));

        // The web host reports the worker's server as the job server.
        using var client = new HttpClient { BaseAddress = web.Url };
        var health = await client.GetFromJsonAsync<Dictionary<string, object>>("/health");
        Assert.Equal("1", health!["jobServers"].ToString());
    }

    [Fact]
    public void An_unknown_role_is_refused_with_the_values_to_use()
    {
        var e = Assert.Throws<InvalidOperationException>(() => HostRoles.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Host:Roles"] = "web,scheduler" }).Build()));
        Assert.Contains("scheduler", e.Message);
        Assert.Contains("\"worker\"", e.Message);
    }
}
