namespace Pppk.Workflow.Host.Api;

/// <summary>
/// A request the client abandons still runs to its end: past this point the request's cancellation token never fires.
/// Npgsql can leave a pooled connection mid-command when a command is cancelled through the token (a browser closing
/// a page while its requests run), and the next request that takes that connection then fails with "A command is
/// already in progress" (seen as a 500 in a browser test, npgsql/npgsql#3585, #6386). A database call that nobody waits
/// for any more is bounded by the command timeout and <c>Runtime:StepTimeout</c> instead; a step then commits whole
/// rather than rolling back halfway through a client's departure. Reading the request body (before this) keeps the token.
/// </summary>
public static class RunToEnd
{
    public static IApplicationBuilder UseRequestsRunToTheirEnd(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.RequestAborted = CancellationToken.None;
        return next(http);
    });
}
