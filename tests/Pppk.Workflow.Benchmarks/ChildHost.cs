using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Pppk.Workflow.Benchmarks;

/// <summary>How a benchmark wants its <see cref="ChildHost"/> started; what is not set is left to the host's appsettings.json.</summary>
internal sealed record ChildHostOptions
{
    /// <summary>The bootstrap API key the benchmark calls the API with.</summary>
    public required string BootstrapKey { get; init; }

    public string AdminPassword { get; init; } = "Bench-Admin-Password-2026";

    /// <summary>The host to run; default <see cref="ChildHost.LocateHostDll"/>.</summary>
    public string? HostDll { get; init; }

    /// <summary><c>PPPK_HOME</c> and working folder (appsettings.json, workflows/); default the repository.</summary>
    public string? Home { get; init; }

    /// <summary>
    /// A new folder under the temp folder named <c>&lt;TempFolder&gt;-&lt;time&gt;</c> holding the embedded PostgreSQL's data
    /// directory (on a free port), the rolling log, the mail pickup folder and the initial admin password file; null: the
    /// home's own (as configured).
    /// </summary>
    public string? TempFolder { get; init; }

    /// <summary>The database to use instead of the embedded PostgreSQL.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Further settings as environment variables (<c>Section__Key</c>), applied last.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Start-up is over when <c>/health</c> answers 200, or also 503 (up, but a check failing, e.g. a lagging queue) when false.</summary>
    public bool RequireHealthy { get; init; } = true;

    /// <summary>A first start (initdb, migrations, workflows) on a busy machine takes minutes.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Lines the host writes to standard error go here too (its console is otherwise kept only as a tail for errors).</summary>
    public Action<string>? OnError { get; init; }
}

/// <summary>
/// The release host as users run it, in its own OS process: <c>dotnet Pppk.Workflow.Host.dll</c> with
/// <c>DOTNET_ENVIRONMENT=Production</c> on a free loopback port, settings by environment variables. Its console is read
/// (the last 100 lines kept for error messages) and its resident memory (<c>VmRSS</c>, the host process alone; PostgreSQL
/// runs in processes of its own) sampled every second. Stopped as a service manager does (SIGTERM, so it stops its
/// embedded PostgreSQL; killed after 90 s).
/// </summary>
internal sealed class ChildHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ChildHostOptions _options;
    private readonly Queue<string> _lastLines = new();
    private readonly List<(string Phase, long Kb)> _rss = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _consoleLines;

    public Uri Url { get; }
    public string HostDll { get; }

    /// <summary>The temp folder of <see cref="ChildHostOptions.TempFolder"/> (null without one).</summary>
    public string? Root { get; }

    /// <summary>The database: the given one, or the superuser's connection to the embedded cluster (password: <see cref="Database"/>).</summary>
    public string ConnectionString { get; }

    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>What the RSS samples taken from now on count towards (e.g. "cycle").</summary>
    public string Phase { get; set; } = "start";

    /// <summary>
    /// CPU time the host used so far, plus this benchmark's own (it reads the host's stdout, as a journal would): CPU per
    /// request does not move with the box's other load the way requests per second do.
    /// </summary>
    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            using var self = Process.GetCurrentProcess();
            return _process.TotalProcessorTime + self.TotalProcessorTime;
        }
    }

    private ChildHost(Process process, ChildHostOptions options, Uri url, string? root, string hostDll, string connectionString)
    {
        (_process, _options, Url, Root, HostDll, ConnectionString) = (process, options, url, root, hostDll, connectionString);
        _sampler = SampleAsync(_stop.Token);
    }

    /// <summary>Starts the host and waits until <c>/health</c> answers (see <see cref="ChildHostOptions.RequireHealthy"/>).</summary>
    public static async Task<ChildHost> StartAsync(ChildHostOptions options, CancellationToken ct)
    {
        var home = options.Home ?? RepoRoot();
        var hostDll = options.HostDll ?? LocateHostDll();
        var httpPort = FreePort();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = home };
        psi.ArgumentList.Add(hostDll);
        var env = psi.Environment;
        env["PPPK_HOME"] = home;
        env["DOTNET_ENVIRONMENT"] = "Production";
        env["Urls"] = $"http://127.0.0.1:{httpPort}";
        env["Auth__BootstrapApiKey"] = options.BootstrapKey;
        env["Auth__Admin__Password"] = options.AdminPassword;

        string? root = null;
        var connectionString = options.ConnectionString;
        if (options.TempFolder is { } name)
        {
            root = Path.Combine(Path.GetTempPath(), $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
            Directory.CreateDirectory(root);
            env["Auth__Admin__PasswordFile"] = Path.Combine(root, "initial-admin-password.txt");
            env["Email__PickupDirectory"] = Path.Combine(root, "mail-pickup");
            env["Serilog__WriteTo__1__Args__path"] = Path.Combine(root, "logs", "pppk-.log");
            if (connectionString is null)
            {
                var pgPort = FreePort();
                env["Database__DataDirectory"] = Path.Combine(root, "postgres");
                env["Database__Port"] = pgPort.ToString(CultureInfo.InvariantCulture);
                connectionString = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = pgPort, Username = "postgres", Database = "pppk", CommandTimeout = 0 }.ConnectionString;
            }
        }
        if (options.ConnectionString is { } given) env["ConnectionStrings__Pppk"] = given;
        foreach (var (key, value) in options.Environment) env[key] = value;

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var host = new ChildHost(process, options, new Uri($"http://127.0.0.1:{httpPort}"), root, hostDll, connectionString ?? "");
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            host.Keep(e.Data);
            if (e.Data is { } line) options.OnError?.Invoke(line);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitHealthyAsync(ct);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    /// <summary>The host's own release build (<c>src/Pppk.Workflow.Host/bin/Release</c>); else the copy beside the benchmarks.</summary>
    public static string LocateHostDll()
    {
        var release = Path.Combine(RepoRoot(), "src", "Pppk.Workflow.Host", "bin", "Release");
        var own = Directory.Exists(release) ? Directory.GetFiles(release, "Pppk.Workflow.Host.dll", SearchOption.AllDirectories).FirstOrDefault() : null;
        return own ?? typeof(Host.PppkHost).Assembly.Location;
    }

    /// <summary>The repository the benchmarks run from (the folder with Pppk.Workflow.sln above the program).</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pppk.Workflow.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Run the benchmark from the repository (no Pppk.Workflow.sln above {AppContext.BaseDirectory}).");
    }

    /// <summary>The database as its superuser (an embedded cluster's password is in its data directory once the host has made it).</summary>
    public NpgsqlDataSource Database()
    {
        if (_options.ConnectionString is not null || Root is null) return NpgsqlDataSource.Create(ConnectionString);
        var password = File.ReadAllText(Path.Combine(Root, "postgres", "password")).Trim();
        return NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(ConnectionString) { Password = password }.ConnectionString);
    }

    private async Task WaitHealthyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + _options.StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            EnsureRunning();
            try
            {
                using var response = await http.GetAsync(new Uri(Url, "/health"), ct);
                if (response.StatusCode == HttpStatusCode.OK || (!_options.RequireHealthy && response.StatusCode == HttpStatusCode.ServiceUnavailable)) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(250, ct);
        }
        throw new TimeoutException($"The host did not answer /health within {_options.StartTimeout}:\n{Output()}");
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

    /// <summary>VmRSS of the host process in kB (null before it starts and once it has gone).</summary>
    public long? ResidentKb()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException) { return null; }
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

    /// <summary>Stops the host (SIGTERM: it stops its embedded PostgreSQL), then removes the temp folder unless <paramref name="keep"/>.</summary>
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
        if (!keep && Root is not null && !File.Exists(Path.Combine(Root, "postgres", "cluster", "postmaster.pid"))) Directory.Delete(Root, recursive: true);
    }

    /// <summary>Stops the host; its temp folder stays (call <see cref="StopAsync"/> with <c>keep: false</c> to remove it).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync(keep: true);
        _process.Dispose();
        _stop.Dispose();
    }
}
