using Pppk.Workflow.Engine.Localization;
using Pppk.Workflow.Host.Api;
using Pppk.Workflow.Host.Auth;

namespace Pppk.Workflow.Host.Security;

/// <summary>
/// Cross-site request forgery. A change (POST, PUT, PATCH, DELETE) is refused with a 403 when the browser says another
/// site's page sent it; and under <c>/api</c>, a change made with the sign-in cookie must carry the
/// <see cref="Header"/> header, which a form or a plain request of another site cannot send (CORS is not enabled).
/// Machine clients (X-Api-Key) are not browsers and are not asked. Sign-in and sign-out take the cross-site check only:
/// sign-in has no cookie yet and the plain sign-in page posts a form; sign-out only ends a session.
/// </summary>
public static class CsrfGuard
{
    public const string Header = "X-Pppk-Csrf";

    public static void UseCsrfGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (Refusal(http) is { } text)
        {
            await new LocalizedProblem(text.Format(), StatusCodes.Status403Forbidden).ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    private static TextTemplate? Refusal(HttpContext http)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            return null;
        if (request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header)) return null;
        if (FromAnotherSite(request)) return HostTexts.CrossSiteRequest;
        var signInOrOut = request.Path.StartsWithSegments("/api/auth/login") || request.Path.StartsWithSegments("/api/auth/logout");
        // Signed in here means by the cookie: requests with an API key left above.
        var signedIn = http.User.Identity?.IsAuthenticated == true;
        return request.Path.StartsWithSegments("/api") && !signInOrOut && signedIn && !request.Headers.ContainsKey(Header) ? HostTexts.CsrfProofMissing : null;
    }

    // Browsers say where a request comes from: Sec-Fetch-Site (every current one), else Origin. Neither: not a browser.
    private static bool FromAnotherSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site is not ("same-origin" or "none");
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return false;
        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
