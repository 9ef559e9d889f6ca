using System.Net;
using System.Text.RegularExpressions;
using Pppk.Workflow.Host.Security;

namespace Pppk.Workflow.Host.Tests;

/// <summary>Every answer carries the defence-in-depth headers; API answers are never cached.</summary>
public sealed partial class SecurityHeadersTests(AuthTestHost host) : IClassFixture<AuthTestHost>
{
    [Theory]
    [InlineData("/api/users", true)] // an API answer with personal data
    [InlineData("/api/no-such-thing", true)] // an API problem
    [InlineData("/api/instances?page=0", true)] // a validation problem
    [InlineData("/", false)] // the app page
    [InlineData("/login", false)]
    [InlineData("/health", false)]
    public async Task Answers_carry_the_security_headers(string path, bool api)
    {
        using var client = host.Client();
        var response = await client.GetAsync(path);
        AssertSecurityHeaders(response);
        Assert.Equal(api, response.Headers.CacheControl?.NoStore == true);
    }

    [Fact]
    public async Task Anonymous_API_answers_bundle_files_and_the_dashboard_redirect_carry_them_too()
    {
        using var anonymous = host.Client(apiKey: null);
        var unauthorized = await anonymous.GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        AssertSecurityHeaders(unauthorized);
        Assert.True(unauthorized.Headers.CacheControl?.NoStore);

        var page = await (await anonymous.GetAsync("/")).Content.ReadAsStringAsync();
        var script = ScriptSource().Match(page).Groups[1].Value;
        Assert.StartsWith("/assets/", script);
        var bundle = await anonymous.GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        AssertSecurityHeaders(bundle);
        Assert.True(bundle.Headers.CacheControl?.Public, "bundle files stay cacheable");

        var dashboard = await anonymous.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        AssertSecurityHeaders(dashboard);
    }

    [Fact]
    public async Task The_Hangfire_dashboard_is_served_under_the_same_policy()
    {
        using var admin = await host.SignedInClientAsync();
        var dashboard = await admin.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        AssertSecurityHeaders(dashboard);
        // No inline script: the policy allows scripts from this site only (the browser tests load it in Chromium).
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", await dashboard.Content.ReadAsStringAsync());
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [GeneratedRegex("<script[^>]+src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
