using Microsoft.Extensions.Configuration;

namespace Pppk.Workflow.Host.Tests;

/// <summary>Log files are written under the home folder, wherever the process was started from.</summary>
public sealed class LogFilesTests
{
    [Fact]
    public void A_relative_sink_path_is_anchored_at_the_home_folder_and_an_absolute_one_is_kept()
    {
        var home = Path.Combine(Path.GetTempPath(), "pppk-home");
        var elsewhere = Path.Combine(Path.GetTempPath(), "elsewhere", "app-.log");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:WriteTo:0:Name"] = "Console",
            ["Serilog:WriteTo:1:Name"] = "File",
            ["Serilog:WriteTo:1:Args:path"] = "logs/pppk-.log",
            ["Serilog:WriteTo:2:Name"] = "File",
            ["Serilog:WriteTo:2:Args:path"] = elsewhere,
        }).Build();

        HostPaths.AnchorLogFiles(configuration, home);

        Assert.Equal(Path.Combine(home, "logs", "pppk-.log"), configuration["Serilog:WriteTo:1:Args:path"]);
        Assert.Equal(elsewhere, configuration["Serilog:WriteTo:2:Args:path"]);
        Assert.Null(configuration["Serilog:WriteTo:0:Args:path"]);
    }
}
