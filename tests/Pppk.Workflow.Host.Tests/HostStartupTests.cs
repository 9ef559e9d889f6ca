using System.Net;
using System.Net.Http.Json;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests;

public sealed class HostStartupTests(TestHost host) : IClassFixture<TestHost>
{
    [Fact]
    public async Task Health_answers_200_when_the_database_and_a_job_server_answer()
    {
        using var client = host.Client(apiKey: null);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpResponseMessage response;
        do
        {
            response = await client.GetAsync("/health");
            if (response.StatusCode == HttpStatusCode.OK) break;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Equal("healthy", body!["status"].ToString());
    }

    [Fact]
    public async Task A_job_enqueued_through_the_host_runs()
    {
        var token = Guid.NewGuid().ToString();
        host.Host.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(() => RecordingJobs.Record(token));
        var ran = RecordingJobs.RanAt(token);
        Assert.Same(ran, await Task.WhenAny(ran, Task.Delay(TimeSpan.FromSeconds(15))));
    }

    [Fact]
    public async Task A_delayed_job_runs_within_two_seconds_of_its_due_time()
    {
        var token = Guid.NewGuid().ToString();
        // Hangfire keeps due times in whole seconds, so schedule on a second boundary (the timer drain does the same).
        var now = DateTimeOffset.UtcNow;
        var due = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(3);
        host.Host.Services.GetRequiredService<IBackgroundJobClient>().Schedule(() => RecordingJobs.Record(token), due);
        var ran = RecordingJobs.RanAt(token);
        Assert.Same(ran, await Task.WhenAny(ran, Task.Delay(TimeSpan.FromSeconds(10))));
        var lateness = await ran - due;
        Assert.True(lateness >= TimeSpan.FromMilliseconds(-50), $"ran {-lateness.TotalMilliseconds} ms early");
        Assert.True(lateness <= TimeSpan.FromSeconds(2), $"ran {lateness.TotalMilliseconds} ms after its due time");
    }
}
