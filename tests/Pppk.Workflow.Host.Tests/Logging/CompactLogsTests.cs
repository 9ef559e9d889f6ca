using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pppk.Workflow.Testing;
using static Pppk.Workflow.Testing.Bpmn;

namespace Pppk.Workflow.Host.Tests.Logging;

/// <summary>
/// The shipped log levels (Information) on a host that starts an instance, completes its task, lets its timer fire
/// (a step no request runs), logs a warning and stops; then its log file is read. The file sink flushes to disk only once an hour here, so what is in the file
/// after the stop is there because the stop flushed the asynchronous buffer and the file's own.
/// </summary>
public sealed class CompactLogsRun : TestDatabase
{
    public const string WarningMarker = "compact-logs-probe-warning";

    public string InstanceId { get; private set; } = "";
    public string[] Lines { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var folder = Path.Combine(Path.GetTempPath(), "pppk-compact-logs", Guid.NewGuid().ToString("N"));
        var host = await PppkHost.StartAsync([], new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Pppk"] = ConnectionString,
            ["Auth:BootstrapApiKey"] = TestHost.BootstrapKey,
            ["Auth:Admin:Password"] = TestHost.AdminPassword,
            ["Email:PickupDirectory"] = Path.Combine(folder, "mail"),
            ["Serilog:MinimumLevel:Override:Hangfire"] = "Warning",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(folder, "host-.log"),
            ["Serilog:WriteTo:1:Args:flushToDiskInterval"] = "01:00:00",
        });
        try
        {
            using var http = new HttpClient { BaseAddress = host.Url };
            http.DefaultRequestHeaders.Add("X-Api-Key", TestHost.BootstrapKey);
            var api = new WorkflowApiClient(http);
            await api.DeployAsync(Chain("compact_logs", UserTask("review"), TimerCatch("wait", "PT1S")));
            var started = await api.StartAsync("compact_logs");
            InstanceId = (string)started["id"]!;
            (await api.CompleteAsync((string)started["tasks"]![0]!["id"]!)).EnsureSuccessStatusCode();
            await api.WaitForStatusAsync(InstanceId, "completed");
            (await http.GetAsync("/health")).EnsureSuccessStatusCode();
            host.Host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Pppk.Workflow.Tests").LogWarning("Probe {Marker}", WarningMarker);
        }
        finally
        {
            await host.DisposeAsync();
        }
        Lines = [.. Directory.GetFiles(folder, "host-*.log").SelectMany(File.ReadAllLines)];
    }
}

public sealed class CompactLogsTests(CompactLogsRun run) : IClassFixture<CompactLogsRun>
{
    [Fact]
    public void A_request_leaves_one_compact_event_with_its_route_status_instance_and_step()
    {
        var start = Assert.Single(run.Lines, l => l.Contains("HTTP POST /api/instances 201 in ", StringComparison.Ordinal));
        Assert.Contains($"\"InstanceId\":\"{run.InstanceId}\"", start, StringComparison.Ordinal);
        Assert.Contains("\"Steps\":[\"StartTrigger compact_logs v1\"]", start, StringComparison.Ordinal);
        var complete = Assert.Single(run.Lines, l => l.Contains("HTTP POST /api/tasks/{id:guid}/complete 200 in ", StringComparison.Ordinal));
        Assert.Contains($"\"InstanceId\":\"{run.InstanceId}\"", complete, StringComparison.Ordinal);
        Assert.Contains("\"Steps\":[\"UserTaskCompleted compact_logs v1\"]", complete, StringComparison.Ordinal);
        Assert.All([start, complete], l => Assert.Contains("[INF]", l, StringComparison.Ordinal));
    }

    [Fact]
    public void A_step_no_request_ran_leaves_its_own_compact_event_and_a_request_step_none()
    {
        var steps = run.Lines.Where(l => l.Contains("Step ", StringComparison.Ordinal) && l.Contains($"of \"{run.InstanceId}\" (compact_logs v1)", StringComparison.Ordinal)).ToList();
        var timer = Assert.Single(steps);
        Assert.Contains("Step TimerFired of", timer, StringComparison.Ordinal);
        Assert.Contains("[INF]", timer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_health_check_is_not_logged_at_information()
    {
        Assert.DoesNotContain(run.Lines, l => l.Contains("HTTP GET /health", StringComparison.Ordinal));
    }

    [Fact]
    public void A_warning_reaches_the_file_with_its_level_marker_after_a_normal_stop()
    {
        var warning = Assert.Single(run.Lines, l => l.Contains(CompactLogsRun.WarningMarker, StringComparison.Ordinal));
        Assert.Contains("[WRN]", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_lines_before_the_stop_are_in_the_file()
    {
        // The host's last words ("Application is shutting down", the embedded services stopping) come after the warning.
        Assert.Contains(run.Lines, l => l.Contains("Hosting stopped", StringComparison.Ordinal) || l.Contains("shutting down", StringComparison.Ordinal));
    }
}
