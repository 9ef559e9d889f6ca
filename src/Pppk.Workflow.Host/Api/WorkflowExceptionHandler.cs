using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Npgsql;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Host.Api;

/// <summary>Errors a caller can fix become RFC 7807 problems with the status they name; a malformed body is a 400 saying what is wrong.</summary>
public sealed class WorkflowExceptionHandler(ILogger<WorkflowExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, title) = exception switch
        {
            WorkflowException { Text: { } localized } w => (w.Status, localized),
            WorkflowException w => (w.Status, w.Message),
            BadHttpRequestException { InnerException: JsonException j } => (400, HostTexts.InvalidJson.Format(j.Message)),
            BadHttpRequestException { StatusCode: 413 } => (413, HostTexts.BodyTooLarge.Format(http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize)),
            BadHttpRequestException { StatusCode: 415 } => (415, HostTexts.UnsupportedMediaType.Format()),
            BadHttpRequestException b => (b.StatusCode, b.Message),
            JsonException j => (400, HostTexts.InvalidJson.Format(j.Message)),
            PostgresException p when RefusedParameter(p) => (400, NotStorable(http, p)),
            Microsoft.EntityFrameworkCore.DbUpdateException { InnerException: PostgresException p } when RefusedParameter(p) => (400, NotStorable(http, p)),
            _ when DatabaseFaults.IsQueryTimeout(exception) => (503, QueryTimedOut(http, exception)),
            _ when DatabaseFaults.IsUnreachable(exception) => (503, HostTexts.DatabaseUnavailable.Format()),
            _ => (0, (object)""),
        };
        if (status == 0) return false;
        // A failure that passes (database away, a step that could not start in time): say when to try again.
        if (status == StatusCodes.Status503ServiceUnavailable)
            http.Response.Headers.RetryAfter = DatabaseFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // A text of our own renders in the caller's language with its code; other titles get their status's (ProblemLanguage).
        IResult result = title is LocalizedText text
            ? new LocalizedProblem(text, status, LocalizedProblem.Extras((exception as WorkflowException)?.Field, null))
            : Results.Problem(title: title.ToString(), statusCode: status);
        await result.ExecuteAsync(http);
        return true;
    }

    /// <summary>A statement stopped for running too long: the database is fine, the request was too slow; the route says which to look at.</summary>
    private LocalizedText QueryTimedOut(HttpContext http, Exception exception)
    {
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value;
        log.LogWarning("Query stopped for running too long on {Method} {Route}: {Reason}", http.Request.Method, route,
            exception.GetBaseException().Message);
        return HostTexts.QueryTimeout.Format();
    }

    /// <summary>
    /// PostgreSQL refused a parameter's value (a NUL character, an encoding it cannot store) while binding it. InputGuard
    /// keeps such values out; should one slip through, it is still the caller's 400, not a 500.
    /// </summary>
    private static bool RefusedParameter(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter
        || (e.SqlState.StartsWith("22", StringComparison.Ordinal) && e.Where?.Contains("portal parameter", StringComparison.Ordinal) == true);

    private static LocalizedText NotStorable(HttpContext http, PostgresException e)
    {
        // Npgsql 10 keeps a statement it was preparing when the server refused a parameter as prepared without its
        // result columns; the next use of that statement on that connection fails ("unexpected backend message DataRow").
        // Clearing the pool closes the connection that went back to it, and the busy ones as they return.
        http.RequestServices.GetRequiredService<NpgsqlDataSource>().Clear();
        return HostTexts.ValueNotStorable.Format(e.MessageText);
    }
}
