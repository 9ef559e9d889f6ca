using System.Net.Sockets;
using Npgsql;
using Pppk.Workflow.Runtime.Steps;

namespace Pppk.Workflow.Host.Api;

/// <summary>
/// Failures that are not the caller's and pass: the database unreachable (stopped, restarting, refusing connections) or a
/// step that could not run in time. They answer 503 with <c>Retry-After</c> (or, for a process whose step overran, its
/// own status), never 500.
/// </summary>
public static class DatabaseFaults
{
    public const int RetryAfterSeconds = 5;

    /// <summary>The status and title for <paramref name="exception"/>, or null when it is not such a failure.</summary>
    public static (int Status, object Title)? Problem(Exception exception, HttpContext http)
    {
        (int Status, object Title)? problem = exception switch
        {
            StepDeadlineException d => (d.Status, d.Reason),
            _ when IsUnreachable(exception) => (StatusCodes.Status503ServiceUnavailable, HostTexts.DatabaseUnavailable.Format()),
            _ => null,
        };
        if (problem?.Status == StatusCodes.Status503ServiceUnavailable)
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return problem;
    }

    /// <summary>Anywhere in the chain (EF Core and Hangfire wrap it): no connection, a broken one, or the server shutting down.</summary>
    private static bool IsUnreachable(Exception exception)
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
