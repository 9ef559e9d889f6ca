using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pppk.Workflow.Runtime.Instances;
using Pppk.Workflow.Runtime.Jobs;

namespace Pppk.Workflow.Runtime.Tests.Options;

/// <summary>Settings that cannot work stop the start with a message naming the setting (no database needed).</summary>
public class OptionsValidationTests
{
    [Theory]
    [InlineData("TimeZone", "Mars/Olympus", "Runtime:TimeZone")]
    [InlineData("StateRetention", "-1.00:00:00", "Runtime:StateRetention")]
    [InlineData("GroupCommitLanes", "-1", "Runtime:GroupCommitLanes")]
    [InlineData("GroupCommitMaxBatch", "0", "GroupCommitMaxBatch")]
    public void A_runtime_setting_that_cannot_work_is_refused_naming_it(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Runtime(o => Set(o, key, value)).Value);
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void The_default_runtime_settings_are_valid()
    {
        Assert.Equal(2, Runtime(_ => { }).Value.GroupCommitLanes);
    }

    [Fact]
    public void Jobs_settings_that_cannot_work_are_named()
    {
        Assert.Null(new JobsOptions().Problem());
        Assert.Contains("Jobs:DrainParallelism", new JobsOptions { DrainParallelism = 0 }.Problem());
        Assert.Contains("Jobs:TimerBatchSize", new JobsOptions { TimerBatchSize = 0 }.Problem());
        Assert.Contains("Jobs:TimerBatchSize", new JobsOptions { TimerBatchSize = 5001 }.Problem());
        Assert.Contains("Jobs:WorkerCount", new JobsOptions { WorkerCount = 0 }.Problem());
        Assert.Contains("QueuePollInterval", new JobsOptions { QueuePollInterval = TimeSpan.Zero }.Problem());
    }

    private static IOptions<RuntimeOptions> Runtime(Action<RuntimeOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddPppkRuntime("Host=localhost;Database=unused");
        services.Configure(configure);
        return services.BuildServiceProvider().GetRequiredService<IOptions<RuntimeOptions>>();
    }

    private static void Set(RuntimeOptions o, string key, string value)
    {
        switch (key)
        {
            case "TimeZone": o.TimeZone = value; break;
            case "StateRetention": o.StateRetention = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "GroupCommitLanes": o.GroupCommitLanes = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "GroupCommitMaxBatch": o.GroupCommitMaxBatch = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }
    }
}
