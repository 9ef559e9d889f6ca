using Microsoft.Extensions.Configuration;
using Pppk.Workflow.Host.Logging;

namespace Pppk.Workflow.Host.Tests.Logging;

/// <summary>The sinks the host configures from the shipped <c>Serilog</c> section: the console only on a terminal unless configured.</summary>
public sealed class LogSinksTests
{
    private static IConfiguration Shipped(params (string Key, string Value)[] overrides)
    {
        var builder = new ConfigurationBuilder().AddJsonFile(Path.Combine(Load.HostProcess.RepoRoot(), "appsettings.json"));
        builder.AddInMemoryCollection(overrides.ToDictionary(o => o.Key, o => (string?)o.Value));
        return builder.Build();
    }

    private static List<string?> SinksIn(IConfiguration buffered) =>
        [.. buffered.GetSection("Serilog:WriteTo").GetChildren().Select(s => s["Args:configure:0:Name"])];

    [Fact]
    public void Redirected_output_gets_no_console_sink()
    {
        Assert.Equal(["File"], SinksIn(LogSinks.Buffered(Shipped(), outputRedirected: true)));
    }

    [Fact]
    public void A_terminal_gets_the_console_and_the_file_each_behind_a_buffer()
    {
        var buffered = LogSinks.Buffered(Shipped(), outputRedirected: false);
        Assert.Equal(["Console", "File"], SinksIn(buffered));
        Assert.All(buffered.GetSection("Serilog:WriteTo").GetChildren(), s => Assert.Equal("Async", s["Name"]));
    }

    [Fact]
    public void Redirected_output_keeps_the_console_when_configured()
    {
        var buffered = LogSinks.Buffered(Shipped((LogSinks.ConsoleWhenRedirected, "true")), outputRedirected: true);
        Assert.Equal(["Console", "File"], SinksIn(buffered));
        Assert.Null(buffered[LogSinks.ConsoleWhenRedirected]); // not a Serilog setting: not handed on
    }
}
