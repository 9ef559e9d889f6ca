namespace Pppk.Workflow.Runtime.Database;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl, postgres) on this machine.</summary>
public static class PostgresBinaries
{
    private static readonly string[] Required = ["initdb", "pg_ctl", "postgres"];

    public static string Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return HasAll(configured) ? configured : throw Missing($"Database:PostgresBinDirectory '{configured}' does not contain {string.Join(", ", Required)}.");

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            // Debian links only some programs onto PATH; follow the link to the folder that has them all.
            var initdb = Path.Combine(dir, "initdb");
            if (!File.Exists(initdb)) continue;
            var real = new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb;
            var realDir = Path.GetDirectoryName(real)!;
            if (HasAll(realDir)) return realDir;
            if (HasAll(dir)) return dir;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var best = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(x => HasAll(x.Dir))
                .OrderByDescending(x => x.Version)
                .FirstOrDefault();
            if (best.Dir is not null) return best.Dir;
        }

        throw Missing("No PostgreSQL server programs (initdb, pg_ctl, postgres) were found on PATH or under /usr/lib/postgresql/*/bin.");
    }

    private static bool HasAll(string dir) => Required.All(p => File.Exists(Path.Combine(dir, p)));

    private static EmbeddedPostgresException Missing(string what) => new(
        what + " Install the PostgreSQL server (Debian/Ubuntu: `sudo apt-get install postgresql`), " +
        "or point the host at an existing server with ConnectionStrings:Pppk (environment ConnectionStrings__Pppk).");
}

/// <summary>The embedded cluster could not be used; the message says why and what to do.</summary>
public sealed class EmbeddedPostgresException(string message) : Exception(message);
