using Microsoft.Extensions.Configuration;

namespace Pppk.Workflow.Host;

/// <summary>
/// The host's home folder: where <c>appsettings.json</c> and <c>workflows/</c> are, and what relative paths in the
/// configuration are relative to. <c>PPPK_HOME</c> if set, else the nearest folder upward from the current one that
/// holds both, else the program's own folder.
/// </summary>
public static class HostPaths
{
    public static string FindHome()
    {
        if (Environment.GetEnvironmentVariable("PPPK_HOME") is { Length: > 0 } home)
            return Path.GetFullPath(home);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "appsettings.json")) && Directory.Exists(Path.Combine(dir.FullName, "workflows")))
                    return dir.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }

    public static string Resolve(string home, string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(home, path));

    /// <summary>Anchors the relative paths of the Serilog sinks (<c>Serilog:WriteTo:n:Args:path</c>) at the home folder: Serilog would resolve them against the current folder.</summary>
    public static void AnchorLogFiles(IConfiguration configuration, string home)
    {
        foreach (var sink in configuration.GetSection("Serilog:WriteTo").GetChildren())
            if (sink["Args:path"] is { Length: > 0 } path && !Path.IsPathRooted(path))
                sink["Args:path"] = Resolve(home, path);
    }
}
