using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Npgsql;
using Pppk.Workflow.Testing;

namespace Pppk.Workflow.Host.Tests.Load;

/// <summary>
/// The built host (<c>Pppk.Workflow.Host.dll</c>) run as a separate OS process against a test database, so a test can
/// kill it like a power cut (<see cref="Kill"/>) or run several side by side like a scaled-out deployment.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public string Name { get; }
    public string Roles { get; }
    public Uri? Url { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    private HostProcess(Process process, string name, string roles, Uri? url)
    {
        _process = process;
        Name = name;
        Roles = roles;
        Url = url;
    }

    /// <summary>The folder with appsettings.json and workflows/ (the repository root).</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "appsettings.json")) && Directory.Exists(Path.Combine(dir.FullName, "workflows")))
                return dir.FullName;
        throw new InvalidOperationException("Repository root (appsettings.json + workflows/) not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The host dll next to the test assembly (copied by the Testing → Host reference).</summary>
    public static string HostDll() => typeof(Pppk.Workflow.Host.PppkHost).Assembly.Location;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <param name="roles"><c>web</c>, <c>worker</c> or <c>web,worker</c>.</param>
    /// <param name="extra">More environment variables (configuration with <c>__</c> separators).</param>
    public static HostProcess Start(string name, string connectionString, string roles, IReadOnlyDictionary<string, string>? extra = null)
    {
        var port = FreePort();
        var url = roles.Contains("web") ? new Uri($"http://127.0.0.1:{port}") : null;
        var logs = Path.Combine(AppContext.BaseDirectory, "logs", $"{name}-.log");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot(),
        };
        psi.ArgumentList.Add(HostDll());
        var env = psi.Environment;
        env["ConnectionStrings__Pppk"] = connectionString;
        env["Urls"] = $"http://127.0.0.1:{port}";
        env["Auth__BootstrapApiKey"] = TestHost.BootstrapKey;
        env["Auth__Admin__Password"] = TestHost.AdminPassword;
        env["Runtime__EnableProbeHandler"] = "true";
        env["Host__Roles"] = roles;
        // The test reads the host's console as a platform collecting stdout would (the shipped setting leaves it out when redirected).
        env["Serilog__ConsoleWhenRedirected"] = "true";
        env["PPPK_HOME"] = RepoRoot();
        env["Serilog__MinimumLevel__Default"] = "Warning";
        env["Serilog__MinimumLevel__Override__Hangfire"] = "Warning";
        env["Serilog__WriteTo__1__Args__path"] = logs;
        env["DOTNET_ENVIRONMENT"] = "Production";
        if (extra is not null)
            foreach (var (k, v) in extra) env[k] = v;

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var host = new HostProcess(process, name, roles, url);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            if (_output.Length < 200_000) _output.AppendLine(line);
        }
    }

    /// <summary>What the process wrote to its console (start-up problems land here).</summary>
    public string Output()
    {
        lock (_output) return _output.ToString();
    }

    /// <summary>Waits until the web role answers <c>/health</c> (any status) or, for a worker, until its Hangfire server has registered.</summary>
    public async Task WaitReadyAsync(string connectionString, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Host {Name} exited with {_process.ExitCode}:\n{Output()}");
            try
            {
                if (Url is not null)
                {
                    using var response = await http.GetAsync(new Uri(Url, "/health"));
                    if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable) return;
                }
                else if (await WorkerRegisteredAsync(connectionString))
                {
                    return;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            catch (PostgresException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Host {Name} not ready after {timeout}:\n{Output()}");
    }

    /// <summary>Whether a Hangfire server of this process (its name holds the pid) has a heartbeat.</summary>
    private async Task<bool> WorkerRegisteredAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM hangfire.server WHERE id LIKE @p", conn);
        cmd.Parameters.AddWithValue("p", $"%:{_process.Id}:%");
        return (long)(await cmd.ExecuteScalarAsync())! > 0;
    }

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = Url ?? throw new InvalidOperationException($"{Name} has no web role."), Timeout = TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Add("X-Api-Key", TestHost.BootstrapKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>SIGKILL, the whole tree: no shutdown hooks, no graceful stop.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException) { }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
