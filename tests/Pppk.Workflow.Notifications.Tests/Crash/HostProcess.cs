using System.Diagnostics;
using Pppk.Workflow.Notifications.Tests.Support;

namespace Pppk.Workflow.Notifications.Tests.Crash;

/// <summary>The host as a separate OS process (<c>dotnet Pppk.Workflow.Host.dll</c>), so a test can SIGKILL it.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(Repo.Root, "src", "Pppk.Workflow.Host", "bin", configuration, "net10.0", "Pppk.Workflow.Host.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build the host first", dll);
        var port = EmailHost.FreePort();
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["Urls"] = $"http://127.0.0.1:{port}";
        info.Environment["PPPK_HOME"] = Repo.Root;
        foreach (var (k, v) in environment) info.Environment[k] = v;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The host exited with {process.ExitCode} during start-up.");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return host;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        await host.DisposeAsync();
        throw new TimeoutException("The host did not become healthy.");
    }

    /// <summary>SIGKILL: no shutdown, no flush, connections just drop.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
