namespace Pppk.Workflow.Runtime.Database;

/// <summary>The <c>Database</c> section: where the embedded PostgreSQL cluster lives when no connection string is given.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Folder of the embedded cluster (relative paths are resolved against the host's home folder).</summary>
    public string DataDirectory { get; set; } = "data/postgres";

    /// <summary>Folder with <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>; found on PATH or under /usr/lib/postgresql/*/bin when empty.</summary>
    public string? PostgresBinDirectory { get; set; }

    /// <summary>Database name inside the embedded cluster.</summary>
    public string DatabaseName { get; set; } = "pppk";

    /// <summary>Loopback port for the embedded cluster; 0 picks a free one at each start.</summary>
    public int Port { get; set; }

    /// <summary>How often the host checks that the embedded server it started still runs.</summary>
    public TimeSpan SupervisionInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Wait before the first restart of a dead embedded server; doubled after each failed attempt.</summary>
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two restart attempts.</summary>
    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromSeconds(30);
}
