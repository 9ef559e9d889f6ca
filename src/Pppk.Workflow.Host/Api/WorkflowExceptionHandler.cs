using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Runtime.Instances;

namespace Pppk.Workflow.Host.Api;

/// <summary>Errors a caller can fix become RFC 7807 problems with the status they name; a malformed body is a 400 saying what is wrong.</summary>
public sealed class WorkflowExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, title) = exception switch
        {
            WorkflowException w => (w.Status, w.Message),
            BadHttpRequestException { InnerException: JsonException j } => (400, HostTexts.InvalidJson.Format(j.Message)),
            BadHttpRequestException b => (b.StatusCode, b.Message),
            JsonException j => (400, HostTexts.InvalidJson.Format(j.Message)),
            _ when DatabaseFaults.Problem(exception, http) is { } fault => fault,
            _ => (0, (object)""),
        };
        if (status == 0) return false;
        // A text of our own renders in the caller's language; other titles get their status's title (ProblemLanguage).
        var extensions = title is LocalizedText text ? new Dictionary<string, object?> { ["code"] = text.Code } : null;
        var rendered = title is LocalizedText t ? t.In(http.Request.Language()) : title.ToString();
        await Results.Problem(title: rendered, statusCode: status, extensions: extensions).ExecuteAsync(http);
        return true;
    }
}

public static class Caller
{
    /// <summary>The acting user (or API key) and its roles.</summary>
    public static Pppk.Workflow.Runtime.UserTasks.Actor Actor(this System.Security.Claims.ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? "anonymous", user.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToHashSet());
}
