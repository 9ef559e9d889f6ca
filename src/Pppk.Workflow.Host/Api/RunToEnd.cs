namespace Pppk.Workflow.Host.Api;

/// <summary>
/// A request the client abandons still runs to its end: past this point the request's cancellation token never fires.
/// A database call nobody waits for any more is bounded by the command timeout and <c>Runtime:StepTimeout</c> instead,
/// and a step then commits whole rather than rolling back halfway through a client's departure. Reading the request
/// body (before this) keeps the token.
/// </summary>
public static class RunToEnd
{
    public static IApplicationBuilder UseRequestsRunToTheirEnd(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.RequestAborted = CancellationToken.None;
        return next(http);
    });
}
