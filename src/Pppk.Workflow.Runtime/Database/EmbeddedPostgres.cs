using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Pppk.Workflow.Runtime.Database;

/// <summary>
/// A private PostgreSQL cluster started from the machine's server programs: the default when no connection
/// string is configured, and the test fixture's database. Layout under <see cref="Root"/>:
/// <c>cluster/</c> (the data directory), <c>password</c> (the superuser's generated password), <c>server.log</c>,
/// and <c>owner.pid</c> (the host process that started the server and will stop it).
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private readonly string _bin;
    private readonly ILogger _logger;
    private readonly bool _asPostgresUser;
    private bool _owner;

    private EmbeddedPostgres(string root, string bin, ILogger logger)
    {
        Root = root;
        _bin = bin;
        _logger = logger;
        // PostgreSQL refuses to run as root, so a root host runs the server as the postgres OS user.
        _asPostgresUser = Environment.IsPrivilegedProcess;
    }

    public string Root { get; }
    public string ClusterDirectory => Path.Combine(Root, "cluster");
    public int Port { get; private set; }
    private string PasswordFile => Path.Combine(Root, "password");
    private string OwnerFile => Path.Combine(Root, "owner.pid");

    /// <summary>Connection string for <paramref name="database"/> in this cluster.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Password = File.ReadAllText(PasswordFile).Trim(),
        Database = database,
    }.ConnectionString;

    /// <summary>Initializes the cluster if needed, starts it (or adopts the one already running on it) and creates <paramref name="database"/>.</summary>
    public static async Task<EmbeddedPostgres> StartAsync(string root, DatabaseOptions options, ILogger logger, CancellationToken ct = default)
    {
        var pg = new EmbeddedPostgres(Path.GetFullPath(root), PostgresBinaries.Find(options.PostgresBinDirectory), logger);
        await pg.InitializeAsync(ct);
        await pg.StartServerAsync(options.Port, ct);
        await pg.CreateDatabaseAsync(options.DatabaseName, ct);
        return pg;
    }

    private async Task InitializeAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Root);
        if (File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION"))) return;

        _logger.LogInformation("Initializing embedded PostgreSQL cluster in {ClusterDirectory}", ClusterDirectory);
        if (Directory.Exists(ClusterDirectory)) Directory.Delete(ClusterDirectory, recursive: true); // a half-made one from a killed initdb
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        await File.WriteAllTextAsync(PasswordFile, password, ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var pwFile = Path.Combine(Root, "initdb-password");
        await File.WriteAllTextAsync(pwFile, password, ct);
        try
        {
            await GiveToPostgresUserAsync(ct);
            await RunAsync("initdb", ["-D", ClusterDirectory, "-U", Superuser, "--pwfile", pwFile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-instructions"], ct);
        }
        finally
        {
            File.Delete(pwFile);
        }
    }

    private async Task StartServerAsync(int configuredPort, CancellationToken ct)
    {
        if (TryReadRunningServer(out var runningPort))
        {
            Port = runningPort;
            // Adopt a server whose owner died (so we stop it on exit); leave one whose owner still runs to its owner.
            _owner = !IsOwnerAlive();
            if (_owner) await WriteOwnerAsync(ct);
            _logger.LogInformation("Using the embedded PostgreSQL already running on port {Port} (owner: {Owner})", Port, _owner ? "this process" : "another host");
            return;
        }

        Port = configuredPort > 0 ? configuredPort : FreeLoopbackPort();
        await RunServerAsync(ct);
        _owner = true;
        await WriteOwnerAsync(ct);
        _logger.LogInformation("Embedded PostgreSQL started on 127.0.0.1:{Port}", Port);
    }

    private Task RunServerAsync(CancellationToken ct)
    {
        var serverOptions = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300";
        return RunAsync("pg_ctl", ["-D", ClusterDirectory, "-l", Path.Combine(Root, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"], ct);
    }

    /// <summary>Whether this process started (or adopted) the server: it stops it on exit, and restarts it if it dies.</summary>
    public bool IsOwner => _owner;

    /// <summary>True while the server process named in <c>postmaster.pid</c> runs.</summary>
    public bool IsRunning => TryReadRunningServer(out _);

    /// <summary>Starts the server again on its port after it died (killed, crashed); the connection string stays valid.</summary>
    public async Task RestartAsync(CancellationToken ct)
    {
        if (!_owner || TryReadRunningServer(out _)) return;
        await RunServerAsync(ct);
    }

    private async Task CreateDatabaseAsync(string database, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", conn);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", conn);
        try { await create.ExecuteNonQueryAsync(ct); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase) { } // another host won the race
    }

    /// <summary>Stops the server if this process started (or adopted) it.</summary>
    public async Task StopAsync()
    {
        if (!_owner) return;
        _owner = false;
        try
        {
            var serverPid = ServerPid();
            await RunAsync("pg_ctl", ["-D", ClusterDirectory, "-m", "fast", "-w", "-t", "60", "stop"], CancellationToken.None);
            // pg_ctl returns once the server has removed postmaster.pid, a moment before its process has exited: wait for
            // that too, so "stopped" means gone (a restart on the same port, or a check of the process, comes right after).
            for (var waited = 0; serverPid is { } pid && IsAlive(pid) && waited < 10_000; waited += 20) await Task.Delay(20);
            File.Delete(OwnerFile);
            _logger.LogInformation("Embedded PostgreSQL stopped");
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Stopping the embedded PostgreSQL failed");
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private bool TryReadRunningServer(out int port)
    {
        port = 0;
        var pidFile = Path.Combine(ClusterDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return false;
        string[] lines;
        try { lines = File.ReadAllLines(pidFile); }
        catch (IOException) { return false; }
        // postmaster.pid: line 1 the server's pid, line 4 its port.
        return lines.Length >= 4 && int.TryParse(lines[0], out var pid) && IsAlive(pid) && int.TryParse(lines[3], out port);
    }

    /// <summary>The server's process id from <c>postmaster.pid</c>, or null when there is none.</summary>
    private int? ServerPid()
    {
        try
        {
            var pidFile = Path.Combine(ClusterDirectory, "postmaster.pid");
            return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) ? pid : null;
        }
        catch (IOException) { return null; }
    }

    private bool IsOwnerAlive() =>
        File.Exists(OwnerFile) && int.TryParse(File.ReadAllText(OwnerFile).Trim(), out var pid) && pid != Environment.ProcessId && IsAlive(pid);

    private Task WriteOwnerAsync(CancellationToken ct) => File.WriteAllTextAsync(OwnerFile, Environment.ProcessId.ToString(), ct);

    /// <summary>True for a running process; a zombie (exited, not yet reaped by a container's init) counts as gone.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ..."; comm may contain spaces, so read the state after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].TrimStart()[0];
            return state is not ('Z' or 'X');
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return true; }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task GiveToPostgresUserAsync(CancellationToken ct)
    {
        if (!_asPostgresUser) return;
        await RunProcessAsync("chown", ["-R", $"{Superuser}:", Root], asPostgres: false, ct);
        try
        {
            await RunProcessAsync("test", ["-w", Root], asPostgres: true, ct);
        }
        catch (EmbeddedPostgresException)
        {
            throw new EmbeddedPostgresException(
                $"The host runs as root, so PostgreSQL runs as the 'postgres' OS user, which cannot reach {Root}. " +
                "Set Database:DataDirectory to a folder whose parents the postgres user may enter (e.g. /var/lib/pppk), or set ConnectionStrings:Pppk.");
        }
    }

    private Task RunAsync(string program, IReadOnlyList<string> args, CancellationToken ct) =>
        RunProcessAsync(Path.Combine(_bin, program), args, _asPostgresUser, ct);

    private static async Task RunProcessAsync(string program, IReadOnlyList<string> args, bool asPostgres, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", Superuser, "--", program }) psi.ArgumentList.Add(a);
        }
        foreach (var a in args) psi.ArgumentList.Add(a);

        using var process = Process.Start(psi) ?? throw new EmbeddedPostgresException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            var output = (await stderr).Trim() is { Length: > 0 } err ? err : (await stdout).Trim();
            throw new EmbeddedPostgresException($"{Path.GetFileName(program)} failed with exit code {process.ExitCode}: {output}");
        }
    }
}
