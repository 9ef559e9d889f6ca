namespace Pppk.Workflow.Host.Security;

/// <summary>Defence-in-depth headers on every answer: pages, bundle files, API answers, errors and the Hangfire dashboard.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The web front's policy: scripts only from this site (no inline script, no eval); inline styles, which bpmn-js,
    /// diagram-js, form-js and the properties panel's editor set; data: fonts and icons of the bundled CSS; blob:
    /// downloads; no framing, no plug-ins, forms only to this site. The Hangfire dashboard works under it too.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The key in <see cref="HttpContext.Items"/> of an endpoint's own, narrower, policy for its answer (the API reference page's).</summary>
    public const string PolicyOverride = "pppk.content-security-policy";

    public static void UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        // On starting, not now: the exception handler clears the headers of a failed answer before writing its problem.
        http.Response.OnStarting(() =>
        {
            Apply(http);
            return Task.CompletedTask;
        });
        return next(http);
    });

    private static void Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        if (http.Items[PolicyOverride] is string own) headers.ContentSecurityPolicy = own;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        // API answers hold personal data: no browser or proxy keeps a copy.
        if (http.Request.Path.StartsWithSegments("/api")) headers.CacheControl = "no-store";
    }
}
