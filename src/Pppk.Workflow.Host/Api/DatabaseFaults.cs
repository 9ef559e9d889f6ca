using System.Net.Sockets;
using Npgsql;

namespace Pppk.Workflow.Host.Api;

/// <summary>
/// The database unreachable (stopped, restarting, refusing connections): not the caller's fault and it passes, so the
/// answer is 503 (with <c>Retry-After</c>, as every 503), never 500.
/// </summary>
public static class DatabaseFaults
{
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// The database is there but a statement ran too long and was stopped: Npgsql's command timeout (it cancels the
    /// statement and throws its read timeout, "Timeout during reading attempt") or PostgreSQL's own cancel (SQLSTATE
    /// 57014: <c>statement_timeout</c>, an administrator's <c>pg_cancel_backend</c>). Checked before
    /// <see cref="IsUnreachable"/>, which would count Npgsql's timeout (transient) as an unreachable database. A timeout while
    /// connecting or waiting for a pooled connection is not this ("Timeout during connection attempt", a bare TimeoutException).
    /// </summary>
    public static bool IsQueryTimeout(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException p when p.SqlState == PostgresErrorCodes.QueryCanceled:
                case NpgsqlException n when n is not PostgresException && n.InnerException is TimeoutException { Message: "Timeout during reading attempt" }:
                    return true;
            }
        }
        return false;
    }

    /// <summary>Anywhere in the chain (EF Core and Hangfire wrap it): no connection, a broken one, or the server shutting down.</summary>
    public static bool IsUnreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException p when p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P0", StringComparison.Ordinal)
                                              || p.SqlState == PostgresErrorCodes.TooManyConnections:
                case NpgsqlException n when n is not PostgresException && (n.IsTransient || n.InnerException is SocketException or IOException or TimeoutException):
                case SocketException:
                    return true;
            }
        }
        return false;
    }
}
