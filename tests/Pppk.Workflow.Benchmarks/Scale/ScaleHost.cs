using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Pppk.Workflow.Benchmarks.Scale;

/// <summary>
/// The host as users run it, in its own OS process: the release build's <c>Pppk.Workflow.Host.dll</c> under
/// <c>dotnet</c>, the shipped <c>appsettings.json</c> (logging included: only the rolling file's folder is moved to the
/// temp folder), and no connection string, so it starts its own embedded PostgreSQL in a temp data directory. Its
/// resident memory (<c>VmRSS</c>, the host process alone; PostgreSQL runs in processes of its own) is sampled every second.
/// </summary>
internal sealed class ScaleHost : IAsyncDisposable
{
    public const string BootstrapKey = "scale-bootstrap-key-0123456789";
    private const string AdminPassword = "Scale-Admin-Password-2026";

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly List<(string Phase, long Kb)> _rss = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _consoleLines;

    public Uri Url { get; }
    public string Root { get; }
    public string HostDll { get; }
    public string ConnectionString { get; }
    public int Pid => _process.Id;

    /// <summary>What the samples taken from now on count towards (e.g. "cycle").</summary>
    public string Phase { get; set; } = "start";

    private ScaleHost(Process process, Uri url, string root, string hostDll, string connectionString)
    {
        _process = process;
        Url = url;
        Root = root;
        HostDll = hostDll;
        ConnectionString = connectionString;
        _sampler = SampleAsync(_stop.Token);
    }

    /// <summary>Starts the host with its data under a new temp folder and waits until <c>/health</c> answers.</summary>
    public static async Task<ScaleHost> StartAsync(string repoRoot, CancellationToken ct)
    {
        var root = Path.Combine(Path.GetTempPath(), $"pppk-scale-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        Directory.CreateDirectory(root);
        var (httpPort, pgPort) = (FreePort(), FreePort());
        var hostDll = HostDllOf(repoRoot);
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = repoRoot };
        psi.ArgumentList.Add(hostDll);
        var env = psi.Environment;
        env["PPPK_HOME"] = repoRoot;
        env["DOTNET_ENVIRONMENT"] = "Production";
        env["Urls"] = $"http://127.0.0.1:{httpPort}";
        env["Database__DataDirectory"] = Path.Combine(root, "postgres");
        env["Database__Port"] = pgPort.ToString(CultureInfo.InvariantCulture);
        env["Auth__BootstrapApiKey"] = BootstrapKey;
        env["Auth__Admin__Password"] = AdminPassword;
        env["Auth__Admin__PasswordFile"] = Path.Combine(root, "initial-admin-password.txt");
        env["Email__PickupDirectory"] = Path.Combine(root, "mail-pickup");
        env["Serilog__WriteTo__1__Args__path"] = Path.Combine(root, "logs", "pppk-.log");

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        process.Start();
        var connectionString = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = pgPort, Username = "postgres", Database = "pppk", CommandTimeout = 0 }.ConnectionString;
        var host = new ScaleHost(process, new Uri($"http://127.0.0.1:{httpPort}"), root, hostDll, connectionString);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitHealthyAsync(TimeSpan.FromMinutes(5), ct);
        return host;
    }

    /// <summary>The host's own release build (<c>src/Pppk.Workflow.Host/bin/Release</c>), built with the benchmarks; else the copy beside them.</summary>
    private static string HostDllOf(string repoRoot)
    {
        var own = Directory.Exists(Path.Combine(repoRoot, "src/Pppk.Workflow.Host/bin/Release"))
            ? Directory.GetFiles(Path.Combine(repoRoot, "src/Pppk.Workflow.Host/bin/Release"), "Pppk.Workflow.Host.dll", SearchOption.AllDirectories).FirstOrDefault()
            : null;
        return own ?? typeof(Pppk.Workflow.Host.PppkHost).Assembly.Location;
    }

    /// <summary>The superuser's connection to the host's embedded cluster (its password is in the data directory once the host has made it).</summary>
    public NpgsqlDataSource Database()
    {
        var password = File.ReadAllText(Path.Combine(Root, "postgres", "password")).Trim();
        return NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(ConnectionString) { Password = password }.ConnectionString);
    }

    private async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The host exited with {_process.ExitCode}:\n{Output()}");
            try
            {
                using var response = await http.GetAsync(new Uri(Url, "/health"), ct);
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(500, ct);
        }
        throw new TimeoutException($"The host did not answer /health within {timeout}:\n{Output()}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_lastLines)
        {
            _consoleLines++;
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 100) _lastLines.Dequeue();
        }
    }

    /// <summary>The last 100 lines the host wrote to its console.</summary>
    public string Output()
    {
        lock (_lastLines) return string.Join('\n', _lastLines);
    }

    public long ConsoleLines
    {
        get { lock (_lastLines) return _consoleLines; }
    }

    public void EnsureRunning()
    {
        if (_process.HasExited) throw new InvalidOperationException($"The host exited with {_process.ExitCode}:\n{Output()}");
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
                if (ResidentKb() is { } kb)
                    lock (_rss) _rss.Add((Phase, kb));
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>VmRSS of the host process in kB (null once it has gone).</summary>
    public long? ResidentKb()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException) { return null; }
    }

    /// <summary>Max and median RSS in MB of the samples of <paramref name="phase"/> (all samples when null) and how many there were.</summary>
    public (double MaxMb, double MedianMb, int Samples) Rss(string? phase = null)
    {
        List<long> kb;
        lock (_rss) kb = [.. _rss.Where(s => phase is null || s.Phase == phase).Select(s => s.Kb).Order()];
        return kb.Count == 0 ? (0, 0, 0) : (kb[^1] / 1024.0, kb[kb.Count / 2] / 1024.0, kb.Count);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the host as a service manager does (SIGTERM: it stops its PostgreSQL), then removes the temp folder unless <paramref name="keep"/>.</summary>
    public async Task StopAsync(bool keep)
    {
        await _stop.CancelAsync();
        await _sampler;
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try { await _process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        if (!keep && !File.Exists(Path.Combine(Root, "postgres", "cluster", "postmaster.pid"))) Directory.Delete(Root, recursive: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync(keep: true);
        _process.Dispose();
        _stop.Dispose();
    }
}
